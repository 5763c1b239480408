// The headers every HTTP answer carries (issue "Hardening", HARD-10;
// server/src/http/security-headers.ts). Real server, real HTTP. That the app
// and the embed live with the page policy in a browser is client/e2e/csp.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { PASSWORD, postJson, signup } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let srv: TestServer;
let framed: TestServer;

beforeAll(async () => {
  [srv, framed] = await Promise.all([startTestServer(), startTestServer({ FRAME_ANCESTORS: "'self' https://host.example.com" })]);
});
afterAll(() => Promise.all([srv.stop(), framed.stop()]));

/** A policy as directive name -> its sources. */
function directives(header: string | null): Record<string, string> {
  return Object.fromEntries((header ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));
}

function expectBaseline(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('same-origin');
}

describe('HARD-10 security headers', () => {
  it('HARD-10a pages get the page policy (own origin only, no plugins, no <base>, framed only by itself), nosniff and Referrer-Policy', async () => {
    for (const path of ['/', '/p/WEB/item/12', '/login']) {
      const res = await fetch(srv.http + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expectBaseline(res);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self' 'wasm-unsafe-eval'",
        'object-src': "'none'",
        'base-uri': "'none'",
        'form-action': "'self'",
        'frame-ancestors': "'self'",
      });
    }
  });

  it('HARD-10b API answers (JSON, health, metrics, refusals, 404s) allow nothing and may not be framed', async () => {
    const ada = await signup(srv.http, 'Ada');
    const answers = [
      await fetch(srv.http + '/api/auth/session'),
      await fetch(srv.http + '/healthz'),
      await fetch(srv.http + '/metrics'),
      await fetch(srv.http + '/api/nothing-here'),
      await fetch(srv.http + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }),
      await fetch(srv.http + '/api/not-a-route', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 200, 200, 404, 415, 404]);
    const login = await postJson(srv.http, '/api/auth/login', { email: ada.user.email, password: PASSWORD });
    expect(login.status).toBe(200);
    for (const headers of [...answers.map((r) => r.headers), login.headers]) {
      expect(headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('HARD-10c frame-ancestors follows FRAME_ANCESTORS on pages; API answers stay unframeable', async () => {
    const page = await fetch(framed.http + '/');
    expect(directives(page.headers.get('content-security-policy'))['frame-ancestors']).toBe("'self' https://host.example.com");
    const api = await fetch(framed.http + '/healthz');
    expect(directives(api.headers.get('content-security-policy'))['frame-ancestors']).toBe("'none'");

    expect(loadConfig({}).frameAncestors).toEqual(["'self'"]);
    expect(loadConfig({ FRAME_ANCESTORS: 'none' }).frameAncestors).toEqual(["'none'"]);
    expect(loadConfig({ FRAME_ANCESTORS: 'self, https://a.example.com https://*.b.example.com:8443' }).frameAncestors).toEqual([
      "'self'", 'https://a.example.com', 'https://*.b.example.com:8443',
    ]);
    for (const bad of ['*', 'https://a.example.com/path', "'none' https://a.example.com", "https://a.example.com; script-src *"]) {
      expect(() => loadConfig({ FRAME_ANCESTORS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ FRAME_ANCESTORS: bad }), bad).toThrow(/FRAME_ANCESTORS/);
    }
  });

  it('HARD-10d a file that is not there is a 404, never the app page: no source map is served unless it was built', async () => {
    for (const path of ['/assets/index.js.map', '/embed/tandem-board.js.map', '/nothing.css']) {
      const res = await fetch(srv.http + path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expectBaseline(res);
    }
  });
});
