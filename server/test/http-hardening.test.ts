// Hardening of the HTTP routes (issue "Hardening"; docs/PROTOCOL.md §2):
// writes that cannot be forged from another page (HARD-2), guessing that is
// slow (HARD-4), clear answers to unknown routes (HARD-6). Real server, real
// HTTP; the cross-site form in a real browser is client/e2e/csrf.test.ts.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, postJson, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

let srv: TestServer;
let ada: Session;

beforeAll(async () => {
  srv = await startTestServer({ LOGIN_FAILURES_PER_ACCOUNT: '3' });
  ada = await signup(srv.http, 'Ada');
});
afterAll(() => srv.stop());

const invitation = (email: string) => ({ email, displayName: 'Mallory', password: 'mallory was here 1', role: 'admin' });

function accountsNamed(email: string): number {
  const db = new Database(join(srv.dataDir, '_directory', 'accounts.db'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM accounts WHERE email = ?').get(email) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('HARD-2 HTTP writes are not forgeable', () => {
  it('HARD-2a a cookie-carrying text/plain invitation (what a cross-site form sends) is refused with 415 and creates nothing', async () => {
    const res = await fetch(srv.http + '/api/workspace/invitations', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: ada.cookie, origin: 'http://127.0.0.1:1' },
      body: JSON.stringify(invitation('mallory-a@example.com')),
    });
    expect(res.status).toBe(415);
    expect(accountsNamed('mallory-a@example.com')).toBe(0);
  });

  it('HARD-2b a JSON invitation from another origin is refused with 403, from our own page it is made', async () => {
    const foreign = await postJson(srv.http, '/api/workspace/invitations', invitation('mallory-b@example.com'), {
      cookie: ada.cookie, origin: 'http://127.0.0.1:1',
    });
    expect(foreign.status).toBe(403);
    expect(accountsNamed('mallory-b@example.com')).toBe(0);
    const own = await postJson(srv.http, '/api/workspace/invitations', invitation('colleague@example.com'), {
      cookie: ada.cookie, origin: srv.http,
    });
    expect(own.status).toBe(201);
  });

  it('HARD-2c the scheme counts: https://host:port is not http://host:port', async () => {
    const res = await postJson(srv.http, '/api/workspace/invitations', invitation('mallory-c@example.com'), {
      cookie: ada.cookie, origin: srv.http.replace('http:', 'https:'),
    });
    expect(res.status).toBe(403);
  });

  it('HARD-2d log-in, log-out and sign-up check the origin too', async () => {
    const evil = { origin: 'http://evil.example' };
    expect((await postJson(srv.http, '/api/auth/login', { email: ada.user.email, password: PASSWORD }, evil)).status).toBe(403);
    expect((await postJson(srv.http, '/api/auth/logout', {}, evil)).status).toBe(403);
    const signupBody = { email: 'x@example.com', password: PASSWORD, displayName: 'X', workspaceName: 'X' };
    expect((await postJson(srv.http, '/api/auth/signup', signupBody, evil)).status).toBe(403);
  });
});

describe('HARD-4 guessing is slow', () => {
  it('HARD-4h past the failures allowed, log-in answers 429 with Retry-After, even with the right password', async () => {
    const victim = await signup(srv.http, 'Victim');
    for (let i = 0; i < 3; i++) {
      expect((await postJson(srv.http, '/api/auth/login', { email: victim.user.email, password: `wrong guess ${i}!` })).status).toBe(401);
    }
    const locked = await postJson(srv.http, '/api/auth/login', { email: victim.user.email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('HARD-4i a 64 KB password is refused with 400 before it is hashed, at log-in as at sign-up', async () => {
    const huge = 'p'.repeat(64 * 1024 - 100);
    const login = await postJson(srv.http, '/api/auth/login', { email: ada.user.email, password: huge });
    expect(login.status).toBe(400);
    expect(login.body.error.field).toBe('password');
  });

  it('HARD-4j a sign-up with one of the commonest passwords is refused naming the field', async () => {
    const res = await postJson(srv.http, '/api/auth/signup', {
      email: 'common@example.com', password: 'password123', displayName: 'C', workspaceName: 'C',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'password', message: expect.stringMatching(/most common/) });
  });

  it('HARD-4k sign-ups from one address past the limit get 429', async () => {
    const strict = await startTestServer({ SIGNUPS_PER_ADDRESS: '2' });
    try {
      await signup(strict.http, 'One');
      await signup(strict.http, 'Two');
      const third = await postJson(strict.http, '/api/auth/signup', {
        email: 'three@example.com', password: PASSWORD, displayName: 'Three', workspaceName: 'Three',
      });
      expect(third.status).toBe(429);
    } finally {
      await strict.stop();
    }
  });
});

describe('HARD-6 unknown routes', () => {
  it('HARD-6a a POST with a body to an unknown /api path gets a JSON 404, not a closed connection', async () => {
    const res = await postJson(srv.http, '/api/nothing/here', { some: 'body' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
