// The connection against a real server: request/reply by message id, errors
// as RequestError, reads refused offline, RATE_LIMITED retried by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, type Session } from '../../server/test/support/accounts.ts';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';
import { ErrorCode, ItemType, pb } from '../proto.ts';
import { makeConnection, type Connection, type Reply } from './connection.ts';
import { ConnectionError, RequestError } from './errors.ts';
import { makeMemoryOutbox } from './outbox.ts';
import { NodeWebSocket, closedPort, tapSockets, waitFor, waitForState } from './test-harness.ts';

let srv: TestServer;
let ada: Session;
let conn: Connection;
const connections: Connection[] = [];
const servers: TestServer[] = [];

const open = async (url: string, session: Session, extra: Partial<Parameters<typeof makeConnection>[0]> = {}) => {
  const c = makeConnection({ url, token: async () => session.token, WebSocketImpl: NodeWebSocket, ...extra });
  connections.push(c);
  return c;
};

beforeAll(async () => {
  srv = await startTestServer();
  servers.push(srv);
  ada = await signup(srv.http, 'Ada');
  conn = await open(srv.ws, ada);
  await waitForState(conn, 'open');
});

afterAll(async () => {
  for (const c of connections) c.close();
  for (const s of servers) await s.stop();
});

describe('request/reply', () => {
  it('a write resolves with its Result and seq; a read with its value', async () => {
    const created = await conn.request({ createProject: { key: 'WEB', name: 'Web' } });
    expect(created.project?.key).toBe('WEB');
    expect(created.seq).toBeGreaterThan(0);
    const board = await conn.request({ getBoard: { projectId: created.project!.id! } });
    expect(board.seq).toBe(0);
    expect(board.board?.project?.id).toBe(created.project!.id);
    expect(board.board?.seq).toBe(created.seq);
    expect(conn.pending()).toEqual([]);
  });

  it('a server error rejects with RequestError carrying code, field and current (CONFLICT)', async () => {
    const projectId = (await conn.request({ createProject: { key: 'CFL', name: 'Conflicts' } })).project!.id!;
    const item = (await conn.request({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'First' } })).workItem!;
    await conn.request({ updateWorkItem: { workItemId: item.id!, expectedVersion: item.version!, title: 'Second' } });

    const stale = conn.request({ updateWorkItem: { workItemId: item.id!, expectedVersion: item.version!, title: 'Third' } });
    const err = await stale.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RequestError);
    const conflict = err as RequestError;
    expect(conflict.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(conflict.codeName).toBe('CONFLICT');
    expect(conflict.field).toBe('expected_version');
    expect(conflict.current).toMatchObject({ workItem: { id: item.id, title: 'Second', version: item.version! + 1 } });

    const invalid = await conn.request({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: '' } }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'title' });
    // A refusal is a final answer: nothing stays queued to be replayed.
    expect(conn.pending()).toEqual([]);
  });

  it('onReply reports each reply as it is read, with the meta kept for a write', async () => {
    const replies: Reply[] = [];
    const off = conn.onReply((r) => replies.push(r));
    const result = await conn.request({ createProject: { key: 'MET', name: 'Meta' } }, { messageId: 'meta-1', meta: { optimisticId: 'o-7' } });
    await conn.request({ listProjects: {} }, { messageId: 'meta-2' });
    off();
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatchObject({ ok: true, messageId: 'meta-1', command: 'createProject', meta: { command: 'createProject', optimisticId: 'o-7' } });
    expect(replies[0]!.ok && replies[0]!.result.seq).toBe(result.seq);
    expect(replies[1]).toMatchObject({ ok: true, messageId: 'meta-2', command: 'listProjects', meta: null });
  });

  it('refuses a frame over the size limit before it reaches the outbox', async () => {
    const outbox = makeMemoryOutbox();
    const small = await open(srv.ws, ada, { outbox, maxFrameBytes: 1024 });
    await waitForState(small, 'open');
    const err = await small.request({ createProject: { key: 'BIG', name: 'x'.repeat(2000) } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'frame' });
    expect(await outbox.load()).toEqual([]);
    expect(small.state.state).toBe('open');
  });
});

describe('offline', () => {
  it('reads reject with ConnectionError; writes wait in the outbox; state says when the next try is', async () => {
    const outbox = makeMemoryOutbox();
    const away = await open(`ws://127.0.0.1:${await closedPort()}/ws`, ada, { outbox, backoff: { initialMs: 200, maxMs: 400 } });
    const offline = await waitForState(away, 'offline');
    expect(offline.state === 'offline' && offline.nextRetryAt).toBeGreaterThan(Date.now() - 50);

    const err = await away.request({ listProjects: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('offline');

    const write = away.request({ createProject: { key: 'OFF', name: 'Offline' } }, { messageId: 'offline-1' });
    const settled = write.catch((e: unknown) => e);
    await waitFor(() => (away.pending().length === 1 ? true : undefined), 'the write to be queued');
    expect((await outbox.load()).map((e) => e.messageId)).toEqual(['offline-1']);

    away.close();
    expect(away.state.state).toBe('closed');
    // Closing settles the promise but keeps the write for the next connection.
    expect(await settled).toMatchObject({ name: 'ConnectionError', reason: 'closed' });
    expect((await outbox.load()).map((e) => e.messageId)).toEqual(['offline-1']);
  });
});

describe('while the outbox stores a write', () => {
  it('storing() counts a write from the request until its outbox entry is stored, then pending() holds it and it is sent', async () => {
    const stored = makeMemoryOutbox();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // An outbox whose put waits, as IndexedDB's can on a busy device.
    const outbox = { ...stored, put: async (entry: Parameters<typeof stored.put>[0]) => { await held; await stored.put(entry); } };
    const slow = await open(srv.ws, ada, { outbox });
    await waitForState(slow, 'open');
    expect(slow.storing()).toBe(0);

    const write = slow.request({ createProject: { key: 'HLD', name: 'Held' } });
    expect(slow.storing()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Not stored, so not sent: a page closed now would lose it, and only it.
    expect(slow.storing()).toBe(1);
    expect(slow.pending()).toEqual([]);

    release();
    expect((await write).project?.key).toBe('HLD');
    expect(slow.storing()).toBe(0);
  });
});

describe('rate limits', () => {
  it('RATE_LIMITED is retried after retry_after_ms: every write lands, once', async () => {
    const limited = await startTestServer({ RATE_LIMIT_PER_SECOND: '20', RATE_LIMIT_BURST: '5' });
    servers.push(limited);
    const bob = await signup(limited.http, 'Bob');
    const tap = tapSockets();
    const c = await open(limited.ws, bob, { WebSocketImpl: tap.Impl });
    await waitForState(c, 'open');
    const projectId = (await c.request({ createProject: { key: 'RAT', name: 'Rates' } })).project!.id!;

    const titles = Array.from({ length: 15 }, (_, i) => `Item ${i}`);
    const results = await Promise.all(
      titles.map((title) => c.request({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title } })),
    );
    expect(results.map((r) => r.workItem!.title)).toEqual(titles);

    const refused = tap.received.filter((bytes) => {
      const frame = pb.ServerFrame.decode(bytes);
      return frame.error?.code === ErrorCode.ERROR_CODE_RATE_LIMITED;
    });
    expect(refused.length).toBeGreaterThan(0);
    const board = await c.request({ getBoard: { projectId } });
    expect(board.board!.workItems!.map((w) => w.title).sort()).toEqual([...titles].sort());
  });
});
