// Workspace admin (docs/PROTOCOL.md §2.6, ADMIN-2..10): the People routes,
// deactivation that ends access at once everywhere, a role that reaches open
// sockets, one-time password links and a person's own password change.
// ADMIN-1 (a project's last admin) is in work-item-rules.test.ts.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType, Role } from '../../shared/proto.ts';
import { PASSWORD, invite, postJson, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient, upgradeStatus } from './support/ws-client.ts';

interface PersonJson {
  id: string;
  email: string;
  displayName: string;
  role: string;
  active: boolean;
  projects: { key: string; name: string; role: string }[];
}

const NEW_PASSWORD = 'a brand new sentence 42';
/** A fresh project key. */
const newKey = () => Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
const bearer = (session: Session) => ({ authorization: `Bearer ${session.token}` });

let srv: TestServer;
let ada: Session;
let ann: Session;
let bob: Session;

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
  [ann, bob] = await Promise.all([invite(srv.http, ada, 'Ann', 'admin'), invite(srv.http, ada, 'Bob')]);
});
afterAll(() => srv.stop());

async function people(base: string, headers: Record<string, string>) {
  const res = await fetch(`${base}/api/workspace/people`, { headers });
  return { status: res.status, body: (await res.json()) as { people: PersonJson[]; error?: { code: string; message: string } } };
}

const act = (base: string, who: Session, personId: string, action: string, body: unknown = {}) =>
  postJson(base, `/api/workspace/people/${personId}/${action}`, body, bearer(who));

const personIn = (list: PersonJson[], id: string) => list.find((p) => p.id === id)!;

async function login(base: string, email: string, password = PASSWORD) {
  const res = await postJson(base, '/api/auth/login', { email, password });
  return { ...res, session: res.status === 200 ? ({ ...res.body, cookie: res.headers.get('set-cookie')!.split(';')[0]! } as Session) : null };
}

const refresh = (base: string, cookie: string) =>
  fetch(`${base}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' });

const cookieToken = (session: Session) => session.cookie.replace(/^tandem_session=/, '');

/** A refused upgrade's status and body (the words a client may show). */
function upgradeRefusal(url: string, protocols: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols);
    socket.once('open', () => {
      socket.close();
      reject(new Error('the upgrade was accepted'));
    });
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    socket.once('error', () => undefined);
  });
}

/** The socket closed within `withinMs` of now, with this code. */
async function closesWithin(client: TestClient, withinMs = 1500): Promise<number> {
  const from = Date.now();
  const code = await client.waitForClose(withinMs + 1000);
  expect(Date.now() - from).toBeLessThan(withinMs);
  return code;
}

/** Still open after a sweep or two, and still answering. */
async function staysOpen(client: TestClient): Promise<void> {
  await new Promise((r) => setTimeout(r, 1500));
  expect(client.closeCode).toBeNull();
  await client.ok({ listProjects: {} });
}

describe('ADMIN workspace people over HTTP', () => {
  it('ADMIN-2 owners and admins list everyone with their role, whether active, and their projects; others get 403', async () => {
    const owner = await TestClient.connect(srv.ws, ada.token);
    const key = newKey();
    const { project } = await owner.ok({ createProject: { key, name: 'People test' } });
    await owner.ok({ addMember: { projectId: project!.id!, userId: bob.user.id, role: Role.ROLE_EDITOR } });
    owner.close();

    const asOwner = await people(srv.http, bearer(ada));
    expect(asOwner.status).toBe(200);
    expect(personIn(asOwner.body.people, ada.user.id)).toMatchObject({ role: 'owner', active: true, displayName: 'Ada', email: ada.user.email });
    expect(personIn(asOwner.body.people, ann.user.id)).toMatchObject({ role: 'admin', active: true });
    expect(personIn(asOwner.body.people, bob.user.id)).toMatchObject({ role: 'member', active: true, projects: [{ key, name: 'People test', role: 'editor' }] });

    expect((await people(srv.http, bearer(ann))).status).toBe(200);
    expect((await people(srv.http, { cookie: ada.cookie })).status).toBe(200);
    const asMember = await people(srv.http, bearer(bob));
    expect(asMember.status).toBe(403);
    expect(asMember.body.error).toMatchObject({ code: 'PERMISSION_DENIED', message: 'Only workspace owners and admins manage people' });
    expect((await fetch(`${srv.http}/api/workspace/people`)).status).toBe(401);
  });

  it('ADMIN-3 a new role reaches the person at once: their sockets reconnect (4001), their next token and the tenant file say it', async () => {
    const cy = await invite(srv.http, ada, 'Cy');
    const socket = await TestClient.connect(srv.ws, cy.token);
    await socket.ok({ listProjects: {} });
    const changed = await act(srv.http, ada, cy.user.id, 'role', { role: 'admin' });
    expect(changed.status).toBe(200);
    expect(personIn(changed.body.people, cy.user.id).role).toBe('admin');
    expect(await closesWithin(socket)).toBe(4001);

    // The session goes on: the cookie gets a token with the new role, and even the old token is read with it.
    const renewed = await refresh(srv.http, cy.cookie);
    expect(renewed.status).toBe(200);
    expect(((await renewed.json()) as { role: string }).role).toBe('admin');
    expect((await people(srv.http, bearer(cy))).status).toBe(200);
    const again = await TestClient.connect(srv.ws, cy.token);
    const users = (await again.ok({ listUsers: {} })).users!.users!;
    expect(users.find((u) => u.id === cy.user.id)!.tenantRole).toBe('admin');
    again.close();

    expect((await act(srv.http, ada, cy.user.id, 'role', { role: 'king' })).body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'role' });
    expect((await act(srv.http, ada, 'nobody', 'role', { role: 'member' })).status).toBe(404);
  });

  it('ADMIN-4 role refusals: members 403, an admin cannot change the owner or make one, the owner keeps the workspace until handing it over', async () => {
    const olga = await signup(srv.http, 'Olga');
    const [pam, max] = await Promise.all([invite(srv.http, olga, 'Pam', 'admin'), invite(srv.http, olga, 'Max')]);

    const byMember = await act(srv.http, max, pam.user.id, 'role', { role: 'member' });
    expect(byMember.status).toBe(403);
    const demoteOwner = await act(srv.http, pam, olga.user.id, 'role', { role: 'member' });
    expect(demoteOwner.status).toBe(403);
    expect(demoteOwner.body.error.message).toBe("Only the owner can change the owner's role");
    expect((await act(srv.http, pam, max.user.id, 'role', { role: 'owner' })).body.error.message).toBe('Only the owner can hand the workspace over');
    const ownerSteps = await act(srv.http, olga, olga.user.id, 'role', { role: 'admin' });
    expect(ownerSteps.status).toBe(403);
    expect(ownerSteps.body.error.message).toMatch(/keeps one owner/);

    // An admin may change another admin and a member.
    expect((await act(srv.http, pam, max.user.id, 'role', { role: 'admin' })).status).toBe(200);
    expect((await act(srv.http, pam, max.user.id, 'role', { role: 'member' })).status).toBe(200);

    // Handing over: exactly one owner, before and after.
    const handed = await act(srv.http, olga, pam.user.id, 'role', { role: 'owner' });
    expect(handed.status).toBe(200);
    const roles = Object.fromEntries((handed.body.people as PersonJson[]).map((p) => [p.displayName, p.role]));
    expect(roles).toEqual({ Olga: 'admin', Pam: 'owner', Max: 'member' });
    const taken = await act(srv.http, olga, pam.user.id, 'role', { role: 'admin' });
    expect(taken.status).toBe(403);
    const after = await people(srv.http, bearer(pam));
    expect(after.body.people.filter((p) => p.role === 'owner').map((p) => p.id)).toEqual([pam.user.id]);
  });

  it('ADMIN-5 deactivation ends access at once: sockets close with 4001, the next upgrade, refresh and log-in get 401 in words, items stay', async () => {
    const carl = await invite(srv.http, ada, 'Carl');
    const owner = await TestClient.connect(srv.ws, ada.token);
    const { project } = await owner.ok({ createProject: { key: newKey(), name: 'Deactivation' } });
    const projectId = project!.id!;
    await owner.ok({ addMember: { projectId, userId: carl.user.id, role: Role.ROLE_EDITOR } });
    const byBearer = await TestClient.connect(srv.ws, carl.token);
    const byCookie = await TestClient.connect(srv.ws, cookieToken(carl), { via: 'cookie', origin: srv.http });
    const made = await byBearer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Carl was here' } });

    const res = await act(srv.http, ada, carl.user.id, 'deactivate');
    expect(res.status).toBe(200);
    expect(personIn(res.body.people, carl.user.id).active).toBe(false);
    expect(await closesWithin(byBearer)).toBe(4001);
    expect(await closesWithin(byCookie)).toBe(4001);

    expect(await upgradeRefusal(srv.ws, ['tandem.v1', `bearer.${carl.token}`])).toEqual({ status: 401, body: 'account deactivated' });
    expect(await upgradeStatus(srv.ws, ['tandem.v1'], { cookie: carl.cookie, origin: srv.http })).toBe(401);
    expect((await refresh(srv.http, carl.cookie)).status).toBe(401);
    const session = await fetch(`${srv.http}/api/auth/session`, { headers: bearer(carl) });
    expect(session.status).toBe(401);
    const again = await login(srv.http, carl.user.email);
    expect(again.status).toBe(401);
    expect(again.body.error.message).toBe('This account has been deactivated in this workspace; ask its owner or an admin');
    // A wrong password still says only that.
    expect((await login(srv.http, carl.user.email, 'not the password at all')).body.error.message).toBe('Wrong email or password');

    const board = (await owner.ok({ getBoard: { projectId } })).board!;
    expect(board.workItems!.find((i) => i.id === made.workItem!.id)).toMatchObject({ title: 'Carl was here', createdBy: carl.user.id });
    expect(board.members!.map((m) => m.userId)).toContain(carl.user.id);
    owner.close();
  });

  it('ADMIN-6 deactivation refusals: nobody deactivates themselves, the owner cannot be deactivated, members 403; reactivation lets them back in', async () => {
    const self = await act(srv.http, ann, ann.user.id, 'deactivate');
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe('You cannot deactivate yourself');
    const owner = await act(srv.http, ann, ada.user.id, 'deactivate');
    expect(owner.status).toBe(403);
    expect(owner.body.error.message).toBe('The owner cannot be deactivated');
    expect((await act(srv.http, ada, ada.user.id, 'deactivate')).status).toBe(403);
    expect((await act(srv.http, bob, ann.user.id, 'deactivate')).status).toBe(403);

    const dee = await invite(srv.http, ada, 'Dee');
    expect((await act(srv.http, ann, dee.user.id, 'deactivate')).status).toBe(200);
    expect((await login(srv.http, dee.user.email)).status).toBe(401);
    expect((await act(srv.http, bob, dee.user.id, 'reactivate')).status).toBe(403);
    const back = await act(srv.http, ann, dee.user.id, 'reactivate');
    expect(back.status).toBe(200);
    expect(personIn(back.body.people, dee.user.id).active).toBe(true);
    const relogged = await login(srv.http, dee.user.email);
    expect(relogged.status).toBe(200);
    const socket = await TestClient.connect(srv.ws, relogged.session!.token);
    await socket.ok({ listProjects: {} });
    socket.close();
  });

  it('ADMIN-7 instances on one data folder: a deactivation or a new role made on one closes the socket on the other within a second (no Redis)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-people-'));
    const a = await startTestServer({}, dataDir);
    const b = await startTestServer({}, dataDir);
    try {
      const hal = await signup(a.http, 'Hal');
      const [ida, jon] = await Promise.all([invite(a.http, hal, 'Ida'), invite(a.http, hal, 'Jon')]);
      const [idaOnB, jonOnB] = await Promise.all([TestClient.connect(b.ws, ida.token), TestClient.connect(b.ws, jon.token)]);
      await Promise.all([idaOnB.ok({ listProjects: {} }), jonOnB.ok({ listProjects: {} })]);
      expect((await act(a.http, hal, ida.user.id, 'deactivate')).status).toBe(200);
      expect(await closesWithin(idaOnB)).toBe(4001);
      expect(await upgradeStatus(b.ws, ['tandem.v1', `bearer.${ida.token}`])).toBe(401);
      expect((await act(a.http, hal, jon.user.id, 'role', { role: 'admin' })).status).toBe(200);
      expect(await closesWithin(jonOnB)).toBe(4001);
    } finally {
      await a.stop();
      await b.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('ADMIN passwords', () => {
  const useLink = (token: string, password: string) => postJson(srv.http, '/api/auth/password-reset', { token, password });

  it('ADMIN-8 a one-time link sets a new password once, within the rules, and ends every session the account had', async () => {
    const erin = await invite(srv.http, ada, 'Erin');
    const socket = await TestClient.connect(srv.ws, erin.token);
    await socket.ok({ listProjects: {} });
    const before = Date.now();
    const issued = await act(srv.http, ann, erin.user.id, 'password-reset');
    expect(issued.status).toBe(201);
    const { token, path, expiresAtMs } = issued.body as { token: string; path: string; expiresAtMs: number };
    expect(path).toBe(`/reset-password#${token}`);
    expect(expiresAtMs).toBeGreaterThanOrEqual(before + 24 * 3600_000 - 1000);
    // Nothing changes until the person uses it.
    expect(socket.closeCode).toBeNull();

    expect((await useLink(token, 'short')).body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'password' });
    expect((await useLink(token, 'qwertyuiop')).body.error.message).toMatch(/most common/);
    expect((await useLink(token, erin.user.email)).body.error.message).toBe('A password cannot be the email address');

    const used = await useLink(token, NEW_PASSWORD);
    expect(used.status).toBe(200);
    expect(used.body).toEqual({ email: erin.user.email });
    expect(await closesWithin(socket)).toBe(4001);
    expect((await refresh(srv.http, erin.cookie)).status).toBe(401);
    expect((await login(srv.http, erin.user.email)).status).toBe(401);
    expect((await login(srv.http, erin.user.email, NEW_PASSWORD)).status).toBe(200);

    const twice = await useLink(token, 'another fine sentence 7');
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatchObject({ field: 'token', message: 'This link has already been used; ask for a new one' });
    expect((await useLink('made-up', NEW_PASSWORD)).body.error.message).toBe('This link does not work; ask for a new one');
  });

  it('ADMIN-8 an expired link, and one replaced by a newer, are refused', async () => {
    const fay = await invite(srv.http, ada, 'Fay');
    const first = (await act(srv.http, ada, fay.user.id, 'password-reset')).body.token as string;
    const second = (await act(srv.http, ada, fay.user.id, 'password-reset')).body.token as string;
    expect((await useLink(first, NEW_PASSWORD)).body.error.message).toBe('This link does not work; ask for a new one');
    const db = new Database(join(srv.dataDir, '_directory', 'accounts.db'));
    db.prepare('UPDATE password_resets SET expires_at_ms = ? WHERE account_id = ?').run(Date.now() - 1000, fay.user.id);
    db.close();
    const expired = await useLink(second, NEW_PASSWORD);
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({ field: 'token', message: 'This link has expired; ask for a new one' });
    expect((await login(srv.http, fay.user.email)).status).toBe(200);
  });

  it('ADMIN-8 link refusals: members 403, not for oneself, not for the owner, not for an account in another workspace', async () => {
    expect((await act(srv.http, bob, ann.user.id, 'password-reset')).status).toBe(403);
    expect((await act(srv.http, ada, ada.user.id, 'password-reset')).body.error.message).toBe('Change your own password on your Account page');
    expect((await act(srv.http, ann, ada.user.id, 'password-reset')).status).toBe(403);
    const gus = await signup(srv.http, 'Gus');
    const joined = await postJson(srv.http, '/api/workspace/invitations', { email: gus.user.email }, bearer(ada));
    expect(joined.body.created).toBe(false);
    const elsewhere = await act(srv.http, ada, gus.user.id, 'password-reset');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toMatch(/another workspace/);
  });

  it('ADMIN-9 a person changes their own password: the old one is required, the rules apply, their other sessions end and this one stays', async () => {
    const gil = await invite(srv.http, ada, 'Gil');
    const other = (await login(srv.http, gil.user.email)).session!;
    const here = await TestClient.connect(srv.ws, gil.token);
    const there = await TestClient.connect(srv.ws, other.token);
    await Promise.all([here.ok({ listProjects: {} }), there.ok({ listProjects: {} })]);
    const change = (body: unknown) => postJson(srv.http, '/api/account/password', body, bearer(gil));

    const wrong = await change({ currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ field: 'currentPassword', message: 'That is not your current password' });
    expect((await change({ currentPassword: PASSWORD, newPassword: 'qwertyuiop' })).body.error).toMatchObject({ field: 'newPassword' });
    expect((await change({ currentPassword: PASSWORD, newPassword: 'short' })).body.error).toMatchObject({ field: 'newPassword' });
    expect((await change({ currentPassword: PASSWORD, newPassword: PASSWORD })).body.error).toMatchObject({ field: 'newPassword' });
    expect(here.closeCode).toBeNull();

    const done = await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(done.status).toBe(204);
    expect(await closesWithin(there)).toBe(4001);
    await staysOpen(here);
    expect((await refresh(srv.http, other.cookie)).status).toBe(401);
    expect((await refresh(srv.http, gil.cookie)).status).toBe(200);
    expect((await login(srv.http, gil.user.email)).status).toBe(401);
    expect((await login(srv.http, gil.user.email, NEW_PASSWORD)).status).toBe(200);
    here.close();

    expect((await postJson(srv.http, '/api/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);
  });

  it('ADMIN-10 the new POST routes pass the guard of §2.3: JSON only, and never from another site', async () => {
    for (const path of [`/api/workspace/people/${bob.user.id}/deactivate`, '/api/account/password', '/api/auth/password-reset']) {
      const plain = await fetch(srv.http + path, { method: 'POST', headers: { 'content-type': 'text/plain', cookie: ada.cookie }, body: '{}' });
      expect(plain.status).toBe(415);
      const foreign = await postJson(srv.http, path, {}, { cookie: ada.cookie, origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
    }
    const people = await fetch(`${srv.http}/api/workspace/people`, { headers: bearer(ada) });
    expect(((await people.json()) as { people: PersonJson[] }).people.find((p) => p.id === bob.user.id)!.active).toBe(true);
  });
});
