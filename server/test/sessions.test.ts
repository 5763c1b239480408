// Hardening HARD-3 (docs/PROTOCOL.md §1, §2, §3): a session ends everywhere at
// once. Tokens expire on idle sockets too, a log-out revokes the session on
// every instance, and access tokens are short-lived, refreshed from the
// HttpOnly cookie.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountDirectory } from '../src/auth/account-directory.ts';
import { PASSWORD, postJson, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient, upgradeStatus } from './support/ws-client.ts';

/** The claims of a JWT, unverified: what the test checks the server put there. */
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;


const bearer = (token: string) => ['tandem.v1', `bearer.${token}`];

async function login(base: string, email: string): Promise<Session> {
  const res = await postJson(base, '/api/auth/login', { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return { ...res.body, cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

const logout = (base: string, headers: Record<string, string>) =>
  fetch(base + '/api/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

const refresh = (base: string, headers: Record<string, string>) =>
  fetch(base + '/api/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

/** How long after `fromMs` the client's socket closed, and with what. */
async function closedAfter(client: TestClient, fromMs: number, timeoutMs = 5000): Promise<{ code: number; afterMs: number }> {
  const code = await client.waitForClose(timeoutMs);
  return { code, afterMs: Date.now() - fromMs };
}

let srv: TestServer;
let ada: Session;

beforeAll(async () => {
  srv = await startTestServer({ SESSION_TTL_MINUTES: '5', REFRESH_TTL_DAYS: '2' });
  ada = await signup(srv.http, 'Ada');
});
afterAll(() => srv.stop());

describe('HARD-3 tokens expire on idle sockets', () => {
  it('HARD-3d a socket that sends nothing closes with 4001 within ~1.5 s of its token\'s exp, not before', async () => {
    const token = await srv.server.tokens.issue({
      userId: ada.user.id, tenantId: ada.tenantId, tenantRole: 'owner', name: 'Ada', email: ada.user.email,
    }, 2);
    const expMs = (claimsOf(token)['exp'] as number) * 1000;
    const idle = await TestClient.connect(srv.ws, token);
    const { code, afterMs } = await closedAfter(idle, expMs);
    expect(code).toBe(4001);
    expect(afterMs).toBeGreaterThanOrEqual(0);
    expect(afterMs).toBeLessThan(1500);
    expect(idle.frames).toEqual([]);
  });

  it('HARD-3d a socket opened with the refresh cookie lives as long as an access token would, capped by the cookie', async () => {
    const cookie = await srv.server.tokens.issueRefresh({ userId: ada.user.id, tenantId: ada.tenantId, sessionId: 'short-cookie' }, 2);
    const expMs = (claimsOf(cookie)['exp'] as number) * 1000;
    const viaCookie = await TestClient.connect(srv.ws, cookie, { via: 'cookie', origin: srv.http });
    await viaCookie.ok({ listProjects: {} });
    const { code, afterMs } = await closedAfter(viaCookie, expMs);
    expect(code).toBe(4001);
    expect(afterMs).toBeLessThan(1500);
  });
});

describe('HARD-3 log-out revokes the session', () => {
  it('HARD-3e after log-out the token is refused at the upgrade (401) and by GET /api/auth/session, and its open sockets close with 4001', async () => {
    const session = await login(srv.http, ada.user.email);
    const other = await login(srv.http, ada.user.email);
    const byBearer = await TestClient.connect(srv.ws, session.token);
    const byCookie = await TestClient.connect(srv.ws, session.cookie.replace(/^tandem_session=/, ''), { via: 'cookie', origin: srv.http });
    const otherSession = await TestClient.connect(srv.ws, other.token);
    for (const c of [byBearer, byCookie, otherSession]) await c.ok({ listProjects: {} });

    // As the page does it: the cookie only, from its own origin.
    const res = await logout(srv.http, { cookie: session.cookie, origin: srv.http });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^tandem_session=; .*Max-Age=0/);
    const revokedAt = Date.now();
    for (const c of [byBearer, byCookie]) {
      const { code, afterMs } = await closedAfter(c, revokedAt);
      expect(code).toBe(4001);
      expect(afterMs).toBeLessThan(1500);
    }

    expect(await upgradeStatus(srv.ws, bearer(session.token))).toBe(401);
    expect(await upgradeStatus(srv.ws, ['tandem.v1'], { cookie: session.cookie, origin: srv.http })).toBe(401);
    expect((await fetch(srv.http + '/api/auth/session', { headers: { authorization: `Bearer ${session.token}` } })).status).toBe(401);
    expect((await fetch(srv.http + '/api/auth/session', { headers: { cookie: session.cookie } })).status).toBe(401);
    expect((await refresh(srv.http, { cookie: session.cookie })).status).toBe(401);
    const invited = await postJson(srv.http, '/api/workspace/invitations', { email: 'x@example.com', displayName: 'X', password: PASSWORD }, {
      authorization: `Bearer ${session.token}`,
    });
    expect(invited.status).toBe(401);

    // Another log-in of the same person is another session: untouched.
    expect(otherSession.closeCode).toBeNull();
    await otherSession.ok({ listProjects: {} });
    otherSession.close();
  });

  it('HARD-3e a tool logs out with its bearer token alone; a log-out without a valid credential still clears the cookie', async () => {
    const session = await login(srv.http, ada.user.email);
    const socket = await TestClient.connect(srv.ws, session.token);
    expect((await logout(srv.http, { authorization: `Bearer ${session.token}` })).status).toBe(204);
    expect(await socket.waitForClose(2500)).toBe(4001);
    expect(await upgradeStatus(srv.ws, bearer(session.token))).toBe(401);
    // The session's cookie went with it: it is one session.
    expect((await refresh(srv.http, { cookie: session.cookie })).status).toBe(401);
    expect((await logout(srv.http, { cookie: 'tandem_session=forged.token.here' })).status).toBe(204);
  });

  it('HARD-3e instances sharing the data folder see a log-out on another within a second (no Redis)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-revoke-'));
    const a = await startTestServer({}, dataDir);
    const b = await startTestServer({}, dataDir);
    try {
      const grace = await signup(a.http, 'Grace');
      const onB = await TestClient.connect(b.ws, grace.token);
      await onB.ok({ listProjects: {} });
      expect((await logout(a.http, { cookie: grace.cookie })).status).toBe(204);
      const { code, afterMs } = await closedAfter(onB, Date.now());
      expect(code).toBe(4001);
      expect(afterMs).toBeLessThan(1500);
      expect(await upgradeStatus(b.ws, bearer(grace.token))).toBe(401);
    } finally {
      await a.stop();
      await b.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('HARD-3h revocations are kept only until the tokens they revoke would have expired', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-revocations-'));
    const directory = new AccountDirectory(dataDir, 'host-');
    try {
      directory.revokeSession('short', 1_000, 0);
      directory.revokeSession('long', 10_000, 0);
      expect(directory.isRevoked('short')).toBe(true);
      // Pruned by the next revocation once past its expiry.
      directory.revokeSession('later', 20_000, 5_000);
      expect(directory.isRevoked('short')).toBe(false);
      expect(directory.isRevoked('long')).toBe(true);
      const db = new Database(join(dataDir, '_directory', 'accounts.db'), { readonly: true });
      expect(db.prepare('SELECT session_id FROM revoked_sessions ORDER BY id').all()).toEqual([{ session_id: 'long' }, { session_id: 'later' }]);
      db.close();
      // Readers pick up from the last entry they read.
      const first = directory.revokedAfter(0);
      expect(first.sessionIds).toEqual(['long', 'later']);
      directory.revokeSession('newest', 20_000, 5_000);
      expect(directory.revokedAfter(first.lastId).sessionIds).toEqual(['newest']);
      // Revoked again (a bearer and its cookie at one log-out): one entry, kept for the longer of the two.
      directory.revokeSession('long', 30_000, 6_000);
      directory.revokeSession('long', 8_000, 6_000);
      const entry = new Database(join(dataDir, '_directory', 'accounts.db'), { readonly: true });
      expect(entry.prepare(`SELECT count(*) AS n, max(expires_at_ms) AS until FROM revoked_sessions WHERE session_id = 'long'`).get()).toEqual({ n: 1, until: 30_000 });
      entry.close();
    } finally {
      directory.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('HARD-3 short access tokens, refreshed from the cookie', () => {
  it('HARD-3f a log-in grants an access token of SESSION_TTL_MINUTES and an HttpOnly cookie of REFRESH_TTL_DAYS that is not that token', async () => {
    const before = Date.now();
    const session = await login(srv.http, ada.user.email);
    const claims = claimsOf(session.token);
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(5 * 60);
    expect(typeof claims['sid']).toBe('string');
    expect(typeof claims['jti']).toBe('string');
    const res = await postJson(srv.http, '/api/auth/login', { email: ada.user.email, password: PASSWORD });
    expect(res.headers.get('set-cookie')).toMatch(/^tandem_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=172800$/);
    expect(session.cookie).not.toBe(`tandem_session=${session.token}`);
    const grant = session as unknown as { sessionExpiresAtMs: number };
    expect(grant.sessionExpiresAtMs).toBeGreaterThanOrEqual(before + 2 * 86_400_000 - 2000);
    // The cookie's token is no access token.
    expect(await upgradeStatus(srv.ws, bearer(session.cookie.replace(/^tandem_session=/, '')))).toBe(401);
  });

  it('HARD-3f POST /api/auth/refresh with the cookie gives a new working token of the same session; the cookie flow still works', async () => {
    const session = await login(srv.http, ada.user.email);
    const res = await refresh(srv.http, { cookie: session.cookie, origin: srv.http });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull(); // the cookie is kept: every tab shares it
    const grant = (await res.json()) as { token: string; user: { id: string }; tenantId: string; role: string; sessionExpiresAtMs: number };
    expect(grant).toMatchObject({ user: { id: ada.user.id }, tenantId: ada.tenantId, role: 'owner', sessionExpiresAtMs: (session as unknown as { sessionExpiresAtMs: number }).sessionExpiresAtMs });
    expect(grant.token).not.toBe(session.token);
    expect(claimsOf(grant.token)['sid']).toBe(claimsOf(session.token)['sid']);
    const client = await TestClient.connect(srv.ws, grant.token);
    await client.ok({ listProjects: {} });
    client.close();

    // A new tab resumes from the cookie alone, and the cookie opens a socket by itself.
    const resumed = await fetch(srv.http + '/api/auth/session', { headers: { cookie: session.cookie } });
    expect(resumed.status).toBe(200);
    const byCookie = await TestClient.connect(srv.ws, session.cookie.replace(/^tandem_session=/, ''), { via: 'cookie', origin: srv.http });
    await byCookie.ok({ listProjects: {} });
    byCookie.close();
    // The old token still works until its own exp.
    const old = await TestClient.connect(srv.ws, session.token);
    old.close();
  });

  it('HARD-3i a token refreshed near the end of the session ends with the session, not SESSION_TTL_MINUTES later', async () => {
    const cookie = await srv.server.tokens.issueRefresh({ userId: ada.user.id, tenantId: ada.tenantId, sessionId: 'ending-soon' }, 5);
    const res = await refresh(srv.http, { cookie: `tandem_session=${cookie}`, origin: srv.http });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect(claimsOf(token)['exp'] as number).toBeLessThanOrEqual(claimsOf(cookie)['exp'] as number);
  });

  it('HARD-3f refresh needs the cookie: not a bearer token, not an access token in the cookie, not from another site', async () => {
    const session = await login(srv.http, ada.user.email);
    expect((await refresh(srv.http, {})).status).toBe(401);
    expect((await refresh(srv.http, { authorization: `Bearer ${session.token}` })).status).toBe(401);
    expect((await refresh(srv.http, { cookie: `tandem_session=${session.token}` })).status).toBe(401);
    expect((await refresh(srv.http, { cookie: session.cookie, origin: 'https://evil.example' })).status).toBe(403);
  });
});
