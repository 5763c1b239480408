// The server watches itself (issue "Hardening", HARD-9): it refuses to run on
// uWebSockets.js's Node.js fallback, /metrics can need a token, and a stop
// that hangs ends at a deadline with a non-zero exit and a reason.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { makeLogger } from '../src/log.ts';
import { stopWithin } from '../src/server.ts';
import { waitForExit } from './support/server-process.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const TOKEN = 'scrape-me-7f3c1e9a4b2d';

let srv: TestServer;

beforeAll(async () => {
  srv = await startTestServer({ METRICS_TOKEN: TOKEN });
});
afterAll(() => srv.stop());

/** A logger whose JSON lines the test reads. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  return { log: makeLogger('info', {}, (line) => lines.push(JSON.parse(line) as Record<string, unknown>)), lines };
}

describe('HARD-9 the server watches itself', () => {
  it('HARD-9a on the Node.js fallback of uWebSockets.js it refuses to start, says why on stderr, exits 1 and opens nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-fallback-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, UWS_USE_FALLBACK: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      expect(await waitForExit(child)).toBe(1);
      expect(stderr).toMatch(/^tandem: cannot start: uWebSockets\.js loaded its Node\.js fallback, not its native binding/m);
      expect(stderr).toContain('UWS_USE_FALLBACK is set to "1"; unset it');
      expect(stdout).not.toContain('"listening"');
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('HARD-9b with METRICS_TOKEN, /metrics answers only its bearer token; /healthz stays open', async () => {
    const refused = [
      await fetch(srv.http + '/metrics'),
      await fetch(srv.http + '/metrics', { headers: { authorization: 'Bearer wrong-token-of-some-length' } }),
      await fetch(srv.http + '/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } }),
      await fetch(srv.http + '/metrics', { headers: { authorization: TOKEN } }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
    for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`]) {
      const ok = await fetch(srv.http + '/metrics', { headers: { authorization } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^tandem_connections /m);
    }
    expect((await fetch(srv.http + '/healthz')).status).toBe(200);
  });

  it('HARD-9c METRICS_TOKEN and SHUTDOWN_DEADLINE_SECONDS are checked at start', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({}).shutdownDeadlineSeconds).toBe(10);
    expect(loadConfig({ SHUTDOWN_DEADLINE_SECONDS: '30' }).shutdownDeadlineSeconds).toBe(30);
    for (const env of [{ METRICS_TOKEN: 'short' }, { METRICS_TOKEN: 'has a space in it somewhere' }, { SHUTDOWN_DEADLINE_SECONDS: '0' }]) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(Object.keys(env)[0]!);
    }
  });

  it('HARD-9d a stop still waiting at the deadline gives exit code 1 and logs what was still open', async () => {
    const { log, lines } = recordingLogger();
    const hung = { stop: () => new Promise<void>(() => undefined), stillOpen: () => ({ closing: 'checkpointer', connections: 2, open_tenant_databases: 1 }) };
    const started = Date.now();
    expect(await stopWithin(hung, 300, log)).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'error', event: 'shutdown_deadline_passed', deadline_ms: 300, closing: 'checkpointer', connections: 2, open_tenant_databases: 1 }),
    ]);
  });

  it('HARD-9e a stop that fails gives exit code 1 with its stack; a stop in time gives 0, with nothing left open', async () => {
    const { log, lines } = recordingLogger();
    const failing = { stop: () => Promise.reject(new Error('disk gone')), stillOpen: () => ({}) };
    expect(await stopWithin(failing, 5_000, log)).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ event: 'shutdown_failed', err: expect.objectContaining({ message: 'disk gone', stack: expect.any(String) }) })]);

    const real = await startTestServer();
    expect(await stopWithin(real.server, 10_000, log)).toBe(0);
    expect(real.server.stillOpen()).toEqual({ closing: null, connections: 0, open_tenant_databases: 0 });
    expect(lines).toHaveLength(1);
    await real.stop();
  });
});
