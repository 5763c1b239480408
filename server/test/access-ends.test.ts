// Hardening HARD-3 (docs/PROTOCOL.md §7): when a person loses access to a
// project, their open sockets stop receiving its events and presence at once,
// on every instance, and are told so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, Role, type ServerFrame } from '../../shared/proto.ts';
import { makeConnection, makeProjectFeed, type Connection } from '../../shared/sdk/index.ts';
import { NodeWebSocket, waitFor, waitForState } from '../../shared/sdk/test-harness.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { findRedis, uniqueChannel } from './support/redis.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

const FAST = { RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' };

/** The Error frame the server sends on its own (no message id) when a subscription ends. */
const accessEnded = (client: TestClient, projectId: string) =>
  client.waitFor(() => client.frames.find((f) => f.error && !f.messageId && f.error.projectId === projectId), 1000, 'the access-ended error');

const eventsAfter = (client: TestClient, projectId: string, seq: number) =>
  client.events.filter((e) => e.projectId === projectId && Number(e.seq) > seq);

const presenceOf = (client: TestClient, userId: string) =>
  client.events.filter((e) => e.presence?.userId === userId).map((e) => e.presence!.online);

function expectAccessEnded(frame: ServerFrame, projectId: string): void {
  expect(frame.error).toMatchObject({ code: ErrorCode.ERROR_CODE_PERMISSION_DENIED, projectId, field: 'projects' });
}

describe('HARD-3 access ends at once: one instance', () => {
  let srv: TestServer;
  let ada: Session;
  let bob: Session;
  let carol: Session;
  let dave: Session;

  beforeAll(async () => {
    srv = await startTestServer(FAST);
    ada = await signup(srv.http, 'Ada');
    bob = await invite(srv.http, ada, 'Bob');
    carol = await invite(srv.http, ada, 'Carol');
    dave = await invite(srv.http, ada, 'Dave', 'admin');
  });
  afterAll(() => srv.stop());

  it('HARD-3a a removed member\'s sockets (every tab) stop getting the project\'s events and presence, and are told with PERMISSION_DENIED', async () => {
    const admin = await TestClient.connect(srv.ws, ada.token);
    const projectId = (await admin.ok({ createProject: { key: 'GONE', name: 'Removal' } })).project!.id!;
    for (const who of [bob, carol]) await admin.ok({ addMember: { projectId, userId: who.user.id, role: Role.ROLE_EDITOR } });
    const tabs = [await TestClient.connect(srv.ws, bob.token), await TestClient.connect(srv.ws, bob.token)];
    const stays = await TestClient.connect(srv.ws, carol.token);
    for (const c of [...tabs, stays, admin]) await c.ok({ subscribe: { projects: [{ projectId }] } });
    await tabs[0]!.ok({ setPresence: { projectId, viewingWorkItemId: '' } });
    await stays.waitForEvent((e) => e.presence?.userId === bob.user.id && e.presence.online === true);

    // A role that still reads changes nothing.
    const demoted = await admin.ok({ changeMemberRole: { projectId, userId: bob.user.id, role: Role.ROLE_VIEWER } });
    for (const t of tabs) await t.waitForEvent((e) => e.seq === demoted.seq);

    const removed = await admin.ok({ removeMember: { projectId, userId: bob.user.id } });
    for (const t of tabs) {
      // The event that says so comes first, then the notice; the socket stays open.
      expect((await t.waitForEvent((e) => e.seq === removed.seq)).member).toMatchObject({ removed: true, member: { userId: bob.user.id } });
      expectAccessEnded(await accessEnded(t, projectId), projectId);
      expect(t.closeCode).toBeNull();
    }
    // Bob's presence went with the subscription.
    await stays.waitForEvent((e) => e.presence?.userId === bob.user.id && e.presence.online === false);

    const later = await admin.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'after Bob left' } });
    await stays.ok({ setPresence: { projectId, viewingWorkItemId: later.workItem!.id! } });
    await stays.waitForEvent((e) => e.seq === later.seq);
    await admin.waitForEvent((e) => e.presence?.userId === carol.user.id && e.presence.viewingWorkItemId === later.workItem!.id);
    await new Promise((r) => setTimeout(r, 200));
    for (const t of tabs) {
      expect(eventsAfter(t, projectId, Number(removed.seq))).toEqual([]);
      expect(presenceOf(t, carol.user.id)).not.toContain(true);
      // Subscribing again is refused like any project the caller cannot see; so is presence.
      expect((await t.request({ subscribe: { projects: [{ projectId, sinceSeq: Number(removed.seq) }] } })).error!.code).toBe(ErrorCode.ERROR_CODE_NOT_FOUND);
      expect((await t.request({ setPresence: { projectId, viewingWorkItemId: '' } })).error!.code).toBe(ErrorCode.ERROR_CODE_FAILED_PRECONDITION);
    }
    for (const c of [...tabs, stays, admin]) c.close();
  });

  it('HARD-3a a workspace admin taken off a project\'s members keeps watching it: their role reads every project', async () => {
    const admin = await TestClient.connect(srv.ws, ada.token);
    const projectId = (await admin.ok({ createProject: { key: 'STAY', name: 'Admins stay' } })).project!.id!;
    await admin.ok({ addMember: { projectId, userId: dave.user.id, role: Role.ROLE_EDITOR } });
    const watcher = await TestClient.connect(srv.ws, dave.token);
    await watcher.ok({ subscribe: { projects: [{ projectId }] } });
    await admin.ok({ removeMember: { projectId, userId: dave.user.id } });
    const later = await admin.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'still seen' } });
    await watcher.waitForEvent((e) => e.seq === later.seq);
    expect(watcher.frames.filter((f) => f.error)).toEqual([]);
    for (const c of [admin, watcher]) c.close();
  });

  it('HARD-3c the SDK\'s feed stops watching the project and calls onError with PERMISSION_DENIED', async () => {
    const admin = await TestClient.connect(srv.ws, ada.token);
    const projectId = (await admin.ok({ createProject: { key: 'SDK', name: 'SDK notice' } })).project!.id!;
    const other = (await admin.ok({ createProject: { key: 'KEPT', name: 'Kept' } })).project!.id!;
    for (const p of [projectId, other]) await admin.ok({ addMember: { projectId: p, userId: bob.user.id, role: Role.ROLE_EDITOR } });
    const conn: Connection = makeConnection({ url: srv.ws, token: async () => bob.token, WebSocketImpl: NodeWebSocket });
    const errors: Array<[string, ErrorCode]> = [];
    const seqs: number[] = [];
    const feed = makeProjectFeed(conn, { onEvent: (e) => seqs.push(Number(e.seq)), onResync: () => undefined, onError: (p, e) => errors.push([p, e.code]) });
    try {
      await waitForState(conn, 'open');
      const at = Number((await admin.ok({ getBoard: { projectId } })).board!.seq);
      feed.watch(projectId, at);
      feed.watch(other, Number((await admin.ok({ getBoard: { projectId: other } })).board!.seq));
      await waitFor(() => (feed.lastSeq(projectId) === at ? true : undefined), 'the subscribe');
      await new Promise((r) => setTimeout(r, 100));
      await admin.ok({ removeMember: { projectId, userId: bob.user.id } });
      await waitFor(() => (errors.length > 0 ? true : undefined), 'onError', 1000);
      expect(errors).toEqual([[projectId, ErrorCode.ERROR_CODE_PERMISSION_DENIED]]);
      expect(feed.lastSeq(projectId)).toBeUndefined();
      const kept = await admin.ok({ createWorkItem: { projectId: other, itemType: ItemType.ITEM_TYPE_TASK, title: 'still watched' } });
      await waitFor(() => (feed.lastSeq(other) === Number(kept.seq) ? true : undefined), 'the other project\'s event');
      expect(conn.state.state).toBe('open');
    } finally {
      feed.dispose();
      conn.close();
      admin.close();
    }
  });
});

describe('HARD-3 access ends at once: two instances linked by Redis', () => {
  let dataDir: string;
  let servers: TestServer[];

  beforeAll(async () => {
    const redisUrl = await findRedis();
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-access-'));
    const channel = uniqueChannel();
    servers = [];
    for (let i = 0; i < 2; i++) servers.push(await startTestServer({ REDIS_URL: redisUrl, REDIS_CHANNEL: channel, ...FAST }, dataDir));
    // Linked once each says so: a removal published before that would be carried by the log poll only.
    for (const s of servers) {
      for (let i = 0; ; i++) {
        const health = (await (await fetch(s.http + '/healthz')).json()) as { status: string };
        if (health.status === 'ok') break;
        if (i === 200) throw new Error(`${s.http} never linked to Redis`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('HARD-3b a member removed on instance A stops getting events and presence on instance B within a second', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const ada = await signup(a.http, 'Ada');
    const bob = await invite(a.http, ada, 'Bob');
    const carol = await invite(a.http, ada, 'Carol');
    const admin = await TestClient.connect(a.ws, ada.token);
    const projectId = (await admin.ok({ createProject: { key: 'FAR', name: 'Far away' } })).project!.id!;
    for (const who of [bob, carol]) await admin.ok({ addMember: { projectId, userId: who.user.id, role: Role.ROLE_EDITOR } });
    const removedOnB = await TestClient.connect(b.ws, bob.token);
    const staysOnB = await TestClient.connect(b.ws, carol.token);
    const staysOnA = await TestClient.connect(a.ws, carol.token);
    for (const c of [removedOnB, staysOnB, staysOnA, admin]) await c.ok({ subscribe: { projects: [{ projectId }] } });
    await removedOnB.ok({ setPresence: { projectId, viewingWorkItemId: '' } });
    await staysOnA.waitForEvent((e) => e.presence?.userId === bob.user.id && e.presence.online === true);

    const removed = await admin.ok({ removeMember: { projectId, userId: bob.user.id } });
    const started = Date.now();
    expectAccessEnded(await accessEnded(removedOnB, projectId), projectId);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(removedOnB.events.find((e) => e.seq === removed.seq)?.member).toMatchObject({ removed: true });
    // Across instances too, the others see Bob leave.
    await staysOnA.waitForEvent((e) => e.presence?.userId === bob.user.id && e.presence.online === false);

    const later = await admin.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'after Bob left' } });
    await staysOnA.ok({ setPresence: { projectId, viewingWorkItemId: later.workItem!.id! } });
    await staysOnB.waitForEvent((e) => e.seq === later.seq);
    await staysOnB.waitForEvent((e) => e.presence?.userId === carol.user.id && e.presence.viewingWorkItemId === later.workItem!.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(eventsAfter(removedOnB, projectId, Number(removed.seq))).toEqual([]);
    expect(presenceOf(removedOnB, carol.user.id)).not.toContain(true);
    for (const c of [removedOnB, staysOnB, staysOnA, admin]) c.close();
  });
});
