// docs/PROTOCOL.md §2: standalone accounts over HTTP.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, invite, postJson, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer;
let ada: Session;

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
});
afterAll(() => srv.stop());

describe('sign-up', () => {
  it('ACC-1 creates a workspace with its owner, sets an HttpOnly cookie, and returns the token', async () => {
    const res = await postJson(srv.http, '/api/auth/signup', {
      email: 'grace@example.com', password: PASSWORD, displayName: 'Grace', workspaceName: 'Navy Labs',
    });
    expect(res.status).toBe(201);
    expect(res.body.tenantId).toMatch(/^navy-labs-[0-9a-f]{8}$/);
    expect(res.body.user).toMatchObject({ email: 'grace@example.com', displayName: 'Grace' });
    expect(res.body).toMatchObject({ role: 'owner', workspace: { name: 'Navy Labs' } });
    expect(res.body.token.split('.')).toHaveLength(3);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^tandem_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const db = new Database(join(srv.dataDir, res.body.tenantId, 'main.db'), { readonly: true });
    expect(db.prepare('SELECT id, tenant_role FROM pm_users').all()).toEqual([{ id: res.body.user.id, tenant_role: 'owner' }]);
    db.close();
  });

  it('ACC-2 stores only an argon2id hash of the password', () => {
    const db = new Database(join(srv.dataDir, '_directory', 'accounts.db'), { readonly: true });
    const row = db.prepare('SELECT password_hash FROM accounts WHERE email = ?').get(ada.user.email) as { password_hash: string };
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    db.close();
  });

  it('ACC-3 refuses a short password, a bad email and missing fields with 400 naming the field, and a taken email with 409', async () => {
    const base = { email: 'x@example.com', password: PASSWORD, displayName: 'X', workspaceName: 'X' };
    const short = await postJson(srv.http, '/api/auth/signup', { ...base, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'password' });
    expect((await postJson(srv.http, '/api/auth/signup', { ...base, email: 'nope' })).body.error.field).toBe('email');
    expect((await postJson(srv.http, '/api/auth/signup', { ...base, workspaceName: '' })).body.error.field).toBe('workspaceName');
    const taken = await postJson(srv.http, '/api/auth/signup', { ...base, email: ada.user.email.toUpperCase() });
    expect(taken.status).toBe(409);
  });

  it('ACC-4 answers a body that is not JSON with 400, and one not sent as JSON with 415', async () => {
    const broken = await fetch(srv.http + '/api/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'email=x' });
    expect(broken.status).toBe(400);
    const form = await fetch(srv.http + '/api/auth/signup', { method: 'POST', body: 'email=x' });
    expect(form.status).toBe(415);
  });
});

describe('log-in and log-out', () => {
  it('ACC-5 logs in with the right password and the token opens the socket', async () => {
    const res = await postJson(srv.http, '/api/auth/login', { email: ada.user.email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.tenantId).toBe(ada.tenantId);
    const client = await TestClient.connect(srv.ws, res.body.token);
    await client.ok({ listProjects: {} });
    client.close();
  });

  it('ACC-6 gives one 401 message for an unknown email and a wrong password alike', async () => {
    const wrong = await postJson(srv.http, '/api/auth/login', { email: ada.user.email, password: 'wrong password!' });
    const unknown = await postJson(srv.http, '/api/auth/login', { email: 'nobody@example.com', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('ACC-7 clears the cookie on logout with 204', async () => {
    const res = await fetch(srv.http + '/api/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^tandem_session=; .*Max-Age=0/);
  });
});

describe('resuming a session', () => {
  it('ACC-12 answers GET /api/auth/session from the cookie alone, so a new tab needs no new log-in', async () => {
    const res = await fetch(srv.http + '/api/auth/session', { headers: { cookie: ada.cookie } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ tenantId: ada.tenantId, role: 'owner', user: { id: ada.user.id, displayName: 'Ada' } });
    expect(body.workspace.name).toBe("Ada's team");
    const client = await TestClient.connect(srv.ws, body.token);
    await client.ok({ listProjects: {} });
    client.close();
  });

  it('ACC-13 answers 401 without a cookie or with a bad one', async () => {
    expect((await fetch(srv.http + '/api/auth/session')).status).toBe(401);
    expect((await fetch(srv.http + '/api/auth/session', { headers: { cookie: 'tandem_session=forged.token.here' } })).status).toBe(401);
  });
});

describe('invitations', () => {
  it('ACC-8 lets the owner invite a new teammate, who can log in to the same workspace and be added to a project', async () => {
    const bob = await invite(srv.http, ada, 'Bob');
    expect(bob.tenantId).toBe(ada.tenantId);
    const owner = await TestClient.connect(srv.ws, ada.token);
    const project = (await owner.ok({ createProject: { key: 'INV', name: 'Invites' } })).project!;
    const member = (await owner.ok({ addMember: { projectId: project.id, userId: bob.user.id, role: 2 } })).member!;
    expect(member.displayName).toBe('Bob');
    const asBob = await TestClient.connect(srv.ws, bob.token);
    expect((await asBob.ok({ listProjects: {} })).projects!.projects!.map((p) => p.key)).toEqual(['INV']);
    owner.close();
    asBob.close();
  });

  it('ACC-9 refuses invitations from plain members (403) and without a session (401), and a second invite of the same person (409)', async () => {
    const carol = await invite(srv.http, ada, 'Carol');
    const body = { email: 'dan@example.com', displayName: 'Dan', password: PASSWORD };
    const byMember = await postJson(srv.http, '/api/workspace/invitations', body, { authorization: `Bearer ${carol.token}` });
    expect(byMember.status).toBe(403);
    expect((await postJson(srv.http, '/api/workspace/invitations', body)).status).toBe(401);
    const again = await postJson(srv.http, '/api/workspace/invitations', { ...body, email: carol.user.email }, {
      authorization: `Bearer ${ada.token}`,
    });
    expect(again.status).toBe(409);
  });

  it('ACC-10 adds an existing account of another workspace without changing its password', async () => {
    const erin = await signup(srv.http, 'Erin');
    const res = await postJson(srv.http, '/api/workspace/invitations', { email: erin.user.email, role: 'admin' }, {
      authorization: `Bearer ${ada.token}`,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: false, role: 'admin' });
    const login = await postJson(srv.http, '/api/auth/login', { email: erin.user.email, password: PASSWORD, tenantId: ada.tenantId });
    expect(login.status).toBe(200);
    expect(login.body.tenantId).toBe(ada.tenantId);
  });
});

describe('the signing key', () => {
  it('ACC-11 is made on first start in the data folder, private to the owner, and outlives a restart', async () => {
    const keyFile = join(srv.dataDir, '_keys', 'session-ed25519.pem');
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    const second = await startTestServer({}, srv.dataDir);
    const client = await TestClient.connect(second.ws, ada.token);
    await client.ok({ listProjects: {} });
    client.close();
    await second.stop();
  });
});
