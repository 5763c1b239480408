// Cross-site request forgery in a real browser (issue "Hardening", HARD-2;
// the guard is server/src/http/write-guard.ts, its HTTP-level tests are in
// server/test/http-hardening.test.ts). An owner logs in through the app in
// Chromium; a page from another port of 127.0.0.1 then tries to make an
// admin in her workspace the two ways a page can without CORS: a form
// posting text/plain whose body is JSON, and a no-cors fetch with her
// credentials. Another port is another origin but the same site, so her
// SameSite=Lax cookie rides along with both: only the guard stands between
// the page and a new admin.
import Database from 'better-sqlite3';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signup, type Session } from '../../server/test/support/accounts.ts';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';
import { launchBrowser, openContext } from './support/browser.ts';

let srv: TestServer;
let browser: Browser;
let context: BrowserContext;
let owner: Session;
let attacker: Server;
let attackerOrigin: string;

const INVITATIONS = '/api/workspace/invitations';
const invitation = (email: string) => ({ email, displayName: 'Mallory', password: 'mallory was here 1', role: 'admin' });

/**
 * The attacker's page. A text/plain form sends `name=value`: a name that
 * opens a JSON object and a value that closes it make the body valid JSON.
 * The form posts into a hidden frame, so the page stays to be watched; the
 * fetch goes first, and the frame's load says both are done.
 */
function attackPage(target: string): string {
  const form = JSON.stringify(invitation('mallory-form@example.com'));
  const name = form.slice(0, -1) + ',"pad":"';
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  return `<!doctype html><title>Win a prize</title>
<iframe name="sink" hidden></iframe>
<form id="forged" method="POST" action="${target}" enctype="text/plain" target="sink">
  <input type="hidden" name='${escape(name)}' value='"}'>
</form>
<script>
  fetch(${JSON.stringify(target)}, {
    method: 'POST', mode: 'no-cors', credentials: 'include',
    headers: { 'Content-Type': 'text/plain' },
    body: ${JSON.stringify(JSON.stringify(invitation('mallory-fetch@example.com')))},
  }).catch(() => undefined).finally(() => {
    document.querySelector('iframe').onload = () => { document.title = 'sent'; };
    document.getElementById('forged').submit();
  });
</script>`;
}

function accountsNamed(email: string): number {
  const db = new Database(join(srv.dataDir, '_directory', 'accounts.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM accounts WHERE email = ?').get(email) as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  owner = await signup(srv.http, 'Ada');
  attacker = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(attackPage(srv.http + INVITATIONS)));
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  context = await openContext(browser, srv.http);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await srv?.stop();
});

describe('HARD-2 HTTP writes are not forgeable', () => {
  it('HARD-2e a page on another port cannot make an admin with the logged-in owner\'s cookie, by form or by fetch', async () => {
    const app = await context.newPage();
    await app.goto('/login');
    await app.getByTestId('login-email').fill(owner.user.email);
    await app.getByTestId('login-password').fill(PASSWORD);
    await app.getByTestId('login-submit').click();
    await app.getByRole('heading', { name: 'Your projects' }).waitFor();
    const cookies = await context.cookies(srv.http);
    expect(cookies.length).toBeGreaterThan(0);

    const evil = await context.newPage();
    const forged: { kind: string; status: number; headers: Record<string, string> }[] = [];
    evil.on('response', (response) => {
      if (new URL(response.url()).pathname !== INVITATIONS) return;
      const request = response.request();
      void request.allHeaders().then((headers) => forged.push({ kind: request.resourceType(), status: response.status(), headers }));
    });
    await evil.goto(attackerOrigin + '/');
    await expect.poll(() => evil.title(), { timeout: 10_000 }).toBe('sent');

    expect(accountsNamed('mallory-form@example.com')).toBe(0);
    expect(accountsNamed('mallory-fetch@example.com')).toBe(0);
    // Both reached the server, were refused for their type, and the form's
    // POST carried what a browser sends: her cookies and the attacker's
    // origin. (Chromium does not show the test a no-cors fetch's sent
    // headers; with the guard off, the fetch too makes an admin.)
    await expect.poll(() => forged.map((f) => f.kind).sort()).toEqual(['document', 'fetch']);
    expect(forged.map((f) => f.status)).toEqual([415, 415]);
    const form = forged.find((f) => f.kind === 'document')!.headers;
    expect(form['content-type']).toMatch(/^text\/plain/);
    expect(form['origin']).toBe(attackerOrigin);
    for (const { name, value } of cookies) expect(form['cookie']).toContain(`${name}=${value}`);
  });
});
