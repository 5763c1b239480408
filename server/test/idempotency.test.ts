// docs/PROTOCOL.md §4: message_id is the idempotency key, scoped to (tenant, user).
// Sending the same id again returns the first answer byte for byte, writes
// nothing and broadcasts nothing: on the same socket, on a new one, after a
// restart. Refusals are answers too. Reads are never cached.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, Priority, Role, pb, type IClientFrame, type ServerFrame } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

const LIMITS = { RATE_LIMIT_PER_SECOND: '2000', RATE_LIMIT_BURST: '2000' };
const RESENDS = 50;

let srv: TestServer;
let dataDir: string;
let ada: Session;
let bob: Session;
let projectId: string;
/** Ada on another socket, subscribed to the project: sees every event Ada's writer causes. */
let watcher: TestClient;
const open: TestClient[] = [];

/** Every binary frame a client receives, as the exact bytes that came off the socket. */
class RawTap {
  readonly frames: { bytes: Buffer; frame: ServerFrame }[] = [];
  constructor(client: TestClient) {
    client.socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return;
      const bytes = Buffer.from(data);
      this.frames.push({ bytes, frame: pb.ServerFrame.decode(bytes) });
    });
  }
  replies(messageId: string): Buffer[] {
    return this.frames.filter((f) => f.frame.messageId === messageId && !f.frame.event).map((f) => f.bytes);
  }
}

/** A socket that watches the project, as a board client does before it writes. */
async function connect(session: Session): Promise<{ client: TestClient; tap: RawTap }> {
  const client = await TestClient.connect(srv.ws, session.token);
  const tap = new RawTap(client);
  open.push(client);
  if (projectId) await client.ok({ subscribe: { projects: [{ projectId, sinceSeq: 0 }] } });
  return { client, tap };
}

/** Sends the same frame `times` times without waiting, then waits for every reply. */
async function pipeline(client: TestClient, tap: RawTap, frame: IClientFrame, times = RESENDS): Promise<Buffer[]> {
  const bytes = pb.ClientFrame.encode(frame).finish();
  const id = frame.messageId!;
  const replyCount = () => client.frames.filter((f) => f.messageId === id && !f.event).length;
  const before = tap.replies(id).length;
  const decodedBefore = replyCount();
  for (let i = 0; i < times; i++) client.sendRaw(bytes);
  // The client's own listener runs before the tap's, so wait on its decoded
  // frames; the tap has the same frame by the time the wait resolves.
  await client.waitFor(() => (replyCount() >= decodedBefore + times ? true : undefined), 10_000, `${times} replies`);
  return tap.replies(id).slice(before);
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, ada.tenantId, 'main.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const count = (sql: string, ...params: unknown[]) => query<{ n: number }>(sql, ...params)[0]!.n;

function counts() {
  return {
    events: count('SELECT count(*) AS n FROM pm_events WHERE project_id = ?', projectId),
    activity: count('SELECT count(*) AS n FROM pm_activity WHERE project_id = ?', projectId),
    items: count('SELECT count(*) AS n FROM pm_work_items WHERE project_id = ?', projectId),
    seq: count('SELECT last_event_seq AS n FROM pm_projects WHERE id = ?', projectId),
  };
}

/**
 * Makes one more write and waits until the watcher has its event. Events reach
 * a socket in order, so anything a replay had broadcast would be in by then.
 */
async function settleWatcher(writer: TestClient): Promise<void> {
  const res = await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `sentinel ${randomUUID()}` } });
  await watcher.waitForEvent((e) => e.seq === res.seq);
}

const eventsAbout = (workItemId: string) => watcher.events.filter((e) => e.workItem?.workItem?.id === workItemId);

async function newTask(client: TestClient, title: string) {
  return (await client.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title } })).workItem!;
}

beforeAll(async () => {
  srv = await startTestServer(LIMITS);
  dataDir = srv.dataDir;
  ada = await signup(srv.http, 'Ada');
  bob = await invite(srv.http, ada, 'Bob');
  const { client } = await connect(ada);
  projectId = (await client.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!.id!;
  await client.ok({ addMember: { projectId, userId: bob.user.id, role: Role.ROLE_EDITOR } });
  watcher = (await connect(ada)).client;
});

afterAll(async () => {
  for (const client of open) client.close();
  await srv.server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a write resent with the same message_id', () => {
  const createId = randomUUID();
  const createFrame = (): IClientFrame => ({
    messageId: createId,
    createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Write me once' },
  });
  let firstReply: Buffer;
  let itemId: string;

  it('IDEM-1 pipelined 50 times on one socket: one row, one event, 50 byte-identical replies', async () => {
    const { client, tap } = await connect(ada);
    const before = counts();

    const replies = await pipeline(client, tap, createFrame());

    expect(replies).toHaveLength(RESENDS);
    firstReply = replies[0]!;
    for (const reply of replies) expect(reply.equals(firstReply)).toBe(true);
    const decoded = pb.ServerFrame.decode(firstReply);
    expect(decoded.messageId).toBe(createId);
    expect(decoded.error).toBeNull();
    expect(decoded.result!.seq).toBe(before.seq + 1);
    itemId = decoded.result!.workItem!.id!;
    expect(decoded.result!.workItem!.title).toBe('Write me once');
    expect(decoded.result!.workItem!.version).toBe(1);

    const rows = query<{ id: string; version: number }>('SELECT id, version FROM pm_work_items WHERE title = ?', 'Write me once');
    expect(rows).toEqual([{ id: itemId, version: 1 }]);
    expect(counts()).toEqual({ events: before.events + 1, activity: before.activity + 1, items: before.items + 1, seq: before.seq + 1 });
    expect(count('SELECT count(*) AS n FROM pm_events WHERE entity_id = ?', itemId)).toBe(1);
    expect(count('SELECT count(*) AS n FROM pm_idempotency_keys WHERE message_id = ?', createId)).toBe(1);

    await settleWatcher(client);
    expect(eventsAbout(itemId).map((e) => e.seq)).toEqual([before.seq + 1]);
    client.close();
  });

  it('IDEM-2 resent 50 more times after reconnecting: the same bytes again, still nothing written or sent', async () => {
    const { client, tap } = await connect(ada);
    const before = counts();

    const replies = await pipeline(client, tap, createFrame());

    expect(replies).toHaveLength(RESENDS);
    for (const reply of replies) expect(reply.equals(firstReply)).toBe(true);
    expect(counts()).toEqual(before);
    expect(query('SELECT version FROM pm_work_items WHERE title = ?', 'Write me once')).toEqual([{ version: 1 }]);

    await settleWatcher(client);
    expect(eventsAbout(itemId)).toHaveLength(1);
    client.close();
  });

  it('IDEM-3 an update resent 50 times applies once (version 1 -> 2), and every resend gets that Result, not CONFLICT', async () => {
    const { client, tap } = await connect(ada);
    const item = await newTask(client, 'Rename me');
    const before = counts();
    const frame: IClientFrame = { messageId: randomUUID(), updateWorkItem: { workItemId: item.id, expectedVersion: 1, title: 'Renamed once' } };

    const replies = await pipeline(client, tap, frame);

    for (const reply of replies) expect(reply.equals(replies[0]!)).toBe(true);
    const decoded = pb.ServerFrame.decode(replies[0]!);
    expect(decoded.result!.workItem!.version).toBe(2);
    expect(decoded.result!.workItem!.title).toBe('Renamed once');
    expect(query('SELECT version, title FROM pm_work_items WHERE id = ?', item.id)).toEqual([{ version: 2, title: 'Renamed once' }]);
    expect(counts()).toEqual({ ...before, events: before.events + 1, activity: before.activity + 1, seq: before.seq + 1 });

    // And once more from a fresh socket.
    client.close();
    const again = await connect(ada);
    const later = await pipeline(again.client, again.tap, frame, 5);
    for (const reply of later) expect(reply.equals(replies[0]!)).toBe(true);
    expect(query('SELECT version FROM pm_work_items WHERE id = ?', item.id)).toEqual([{ version: 2 }]);

    await settleWatcher(again.client);
    expect(eventsAbout(item.id!).map((e) => e.workItem!.changedFields)).toEqual([['created'], ['title']]);
    again.client.close();
  });

  it("IDEM-4 another user of the workspace sending the very same frame gets their own write and their own reply", async () => {
    const { client, tap } = await connect(bob);
    const before = counts();

    const replies = await pipeline(client, tap, createFrame(), 3);

    for (const reply of replies) expect(reply.equals(replies[0]!)).toBe(true);
    expect(replies[0]!.equals(firstReply)).toBe(false);
    const mine = pb.ServerFrame.decode(replies[0]!).result!;
    expect(mine.workItem!.id).not.toBe(itemId);
    expect(mine.workItem!.createdBy).toBe(bob.user.id);
    expect(mine.seq).toBe(before.seq + 1);

    const rows = query<{ id: string; created_by: string }>(
      'SELECT id, created_by FROM pm_work_items WHERE title = ? ORDER BY created_at_ms, id', 'Write me once',
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.created_by).sort()).toEqual([ada.user.id, bob.user.id].sort());
    expect(rows.find((r) => r.created_by === bob.user.id)!.id).toBe(mine.workItem!.id);
    expect(counts()).toEqual({ events: before.events + 1, activity: before.activity + 1, items: before.items + 1, seq: before.seq + 1 });
    expect(query('SELECT user_id FROM pm_idempotency_keys WHERE message_id = ? ORDER BY user_id', createId))
      .toEqual([ada.user.id, bob.user.id].sort().map((user_id) => ({ user_id })));

    // Ada's own replay is still hers.
    const adaAgain = await connect(ada);
    const [adaReply] = await pipeline(adaAgain.client, adaAgain.tap, createFrame(), 1);
    expect(adaReply!.equals(firstReply)).toBe(true);

    await settleWatcher(adaAgain.client);
    expect(eventsAbout(mine.workItem!.id!)).toHaveLength(1);
    client.close();
    adaAgain.client.close();
  });
});

describe('a refused write resent with the same message_id', () => {
  it('IDEM-5 gets the same CONFLICT bytes and writes nothing, even once its expected_version has become right', async () => {
    const { client, tap } = await connect(ada);
    const item = await newTask(client, 'Contested');
    const frame: IClientFrame = { messageId: randomUUID(), updateWorkItem: { workItemId: item.id, expectedVersion: 2, title: 'Too early' } };

    const [refusal] = await pipeline(client, tap, frame, 1);
    const decoded = pb.ServerFrame.decode(refusal!);
    expect(decoded.error!.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(decoded.error!.workItem!.version).toBe(1);

    // Now the item is at version 2: the same command under a new id would apply.
    await client.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: 1, priority: Priority.PRIORITY_HIGH } });
    const before = counts();

    const replies = await pipeline(client, tap, frame, 10);
    const fresh = await connect(ada);
    replies.push(...(await pipeline(fresh.client, fresh.tap, frame, 10)));

    for (const reply of replies) expect(reply.equals(refusal!)).toBe(true);
    expect(query('SELECT version, title, priority FROM pm_work_items WHERE id = ?', item.id))
      .toEqual([{ version: 2, title: 'Contested', priority: 'HIGH' }]);
    expect(counts()).toEqual(before);

    await settleWatcher(client);
    expect(eventsAbout(item.id!).map((e) => e.workItem!.changedFields)).toEqual([['created'], ['priority']]);
    client.close();
    fresh.client.close();
  });

  it('IDEM-6 gets the same PERMISSION_DENIED after the caller has been given the role it lacked', async () => {
    const admin = await connect(ada);
    await admin.client.ok({ changeMemberRole: { projectId, userId: bob.user.id, role: Role.ROLE_VIEWER } });
    const { client, tap } = await connect(bob);
    const frame: IClientFrame = {
      messageId: randomUUID(),
      createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Viewer wish' },
    };

    const [refusal] = await pipeline(client, tap, frame, 1);
    expect(pb.ServerFrame.decode(refusal!).error!.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);

    await admin.client.ok({ changeMemberRole: { projectId, userId: bob.user.id, role: Role.ROLE_EDITOR } });
    const before = counts();
    const replies = await pipeline(client, tap, frame, 10);

    for (const reply of replies) expect(reply.equals(refusal!)).toBe(true);
    expect(count('SELECT count(*) AS n FROM pm_work_items WHERE title = ?', 'Viewer wish')).toBe(0);
    expect(counts()).toEqual(before);
    client.close();
    admin.client.close();
  });
});

describe('reads with a reused message_id', () => {
  it('IDEM-7 are answered afresh every time: a get_board after a write shows the write', async () => {
    const { client, tap } = await connect(ada);
    const readId = randomUUID();
    const first = (await client.request({ getBoard: { projectId } }, readId)).result!.board!;

    const item = await newTask(client, 'Seen by the second read');
    const second = (await client.request({ getBoard: { projectId } }, readId)).result!.board!;

    expect(second.seq).toBe(first.seq! + 1);
    expect(second.workItems).toHaveLength(first.workItems!.length + 1);
    expect(second.workItems!.map((w) => w.id)).toContain(item.id);
    expect(first.workItems!.map((w) => w.id)).not.toContain(item.id);
    const [a, b] = tap.replies(readId);
    expect(a!.equals(b!)).toBe(false);
    expect(count('SELECT count(*) AS n FROM pm_idempotency_keys WHERE message_id = ?', readId)).toBe(0);

    const listId = randomUUID();
    const before = (await client.request({ listProjects: {} }, listId)).result!.projects!.projects!.length;
    await client.ok({ createProject: { key: 'OPS', name: 'Ops' } });
    const after = (await client.request({ listProjects: {} }, listId)).result!.projects!.projects!.length;
    expect(after).toBe(before + 1);
    client.close();
  });
});

describe('replies outlive the process', () => {
  it('IDEM-8 after a restart on the same data folder the resend still gets the first bytes and writes nothing', async () => {
    const frame: IClientFrame = {
      messageId: randomUUID(),
      createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_BUG, title: 'Survives a restart' },
    };
    const first = await connect(ada);
    const [original] = await pipeline(first.client, first.tap, frame, 1);
    expect(pb.ServerFrame.decode(original!).result!.workItem!.title).toBe('Survives a restart');

    for (const client of open.splice(0)) client.close();
    await srv.server.stop();
    srv = await startTestServer(LIMITS, dataDir);
    const before = counts();

    const { client, tap } = await connect(ada);
    const replies = await pipeline(client, tap, frame, 5);
    for (const reply of replies) expect(reply.equals(original!)).toBe(true);
    expect(count('SELECT count(*) AS n FROM pm_work_items WHERE title = ?', 'Survives a restart')).toBe(1);
    expect(counts()).toEqual(before);
  });
});
