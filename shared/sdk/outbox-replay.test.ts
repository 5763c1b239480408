// Offline writes survive a "page reload": two connections share one outbox,
// the first never reaches a server, the second replays the queue with the
// original message ids. Each write lands exactly once, however often it is
// replayed, and a resend of its id gets the first reply byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, type Session } from '../../server/test/support/accounts.ts';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';
import { TestClient } from '../../server/test/support/ws-client.ts';
import { ItemType, pb } from '../proto.ts';
import { makeConnection, type Connection, type Reply } from './connection.ts';
import { makeMemoryOutbox, type OutboxEntry } from './outbox.ts';
import { NodeWebSocket, closedPort, tapSockets, waitFor, waitForState } from './test-harness.ts';

let srv: TestServer;
let ada: Session;
let direct: TestClient;
let projectId: string;
const connections: Connection[] = [];

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
  direct = await TestClient.connect(srv.ws, ada.token);
  projectId = (await direct.ok({ createProject: { key: 'OUT', name: 'Outbox' } })).project!.id!;
});

afterAll(async () => {
  for (const c of connections) c.close();
  direct.close();
  await srv.stop();
});

const connect = (url: string, outbox = makeMemoryOutbox(), WebSocketImpl = NodeWebSocket) => {
  const c = makeConnection({ url, token: async () => ada.token, WebSocketImpl, outbox, backoff: { initialMs: 100, maxMs: 200 } });
  connections.push(c);
  return c;
};

const boardTitles = async () =>
  (await direct.ok({ getBoard: { projectId } })).board!.workItems!.map((w) => w.title).sort();

describe('offline queue', () => {
  it('two writes queued while the server is unreachable land exactly once after a reload, with their original ids', async () => {
    const outbox = makeMemoryOutbox();
    const first = connect(`ws://127.0.0.1:${await closedPort()}/ws`, outbox);
    await waitForState(first, 'offline');
    const ids = ['reload-write-1', 'reload-write-2'];
    const queued = ids.map((messageId, i) =>
      first.request(
        { createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `Offline ${i + 1}` } },
        { messageId, meta: { draft: i + 1 } },
      ).catch((e: unknown) => e),
    );
    await waitFor(() => (first.pending().length === 2 ? true : undefined), 'both writes queued');
    const persisted: OutboxEntry[] = await outbox.load();
    expect(persisted.map((e) => e.messageId)).toEqual(ids);
    expect(persisted.map((e) => e.meta)).toEqual([
      { command: 'createWorkItem', projectId, draft: 1 },
      { command: 'createWorkItem', projectId, draft: 2 },
    ]);

    // The page goes away: its promises are gone with it, the outbox stays.
    first.close();
    for (const q of queued) expect(await q).toMatchObject({ name: 'ConnectionError', reason: 'closed' });

    const replies: Reply[] = [];
    const tap = tapSockets();
    const second = connect(srv.ws, outbox, tap.Impl);
    second.onReply((r) => replies.push(r));
    await waitFor(() => (replies.length === 2 ? true : undefined), 'the replayed writes to settle');

    // Sent in order with the original ids; settled through onReply with the persisted meta.
    expect(tap.sent.map((f) => f.messageId)).toEqual(ids);
    expect(replies.map((r) => [r.messageId, r.ok, r.meta?.['draft']])).toEqual([[ids[0], true, 1], [ids[1], true, 2]]);
    expect(await outbox.load()).toEqual([]);
    expect(second.pending()).toEqual([]);
    expect(await boardTitles()).toEqual(['Offline 1', 'Offline 2']);

    // A second replay of the same frames (a reload that lost the deletes) writes nothing new.
    const again = makeMemoryOutbox();
    for (const entry of persisted) await again.put(entry);
    const replayed: Reply[] = [];
    const third = connect(srv.ws, again);
    third.onReply((r) => replayed.push(r));
    await waitFor(() => (replayed.length === 2 ? true : undefined), 'the second replay to settle');
    expect(await boardTitles()).toEqual(['Offline 1', 'Offline 2']);
    const resultBytes = (r: Reply) => (r.ok ? pb.Result.encode(r.result).finish() : null);
    expect(replayed.map(resultBytes)).toEqual(replies.map(resultBytes));

    // The original ids are what the server knows: resending one by hand gets the identical reply frame.
    const firstReply = tap.received.map((b) => pb.ServerFrame.decode(b)).find((f) => f.messageId === ids[0])!;
    const resent = await direct.request({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Offline 1' } }, ids[0]);
    expect(pb.ServerFrame.encode(resent).finish()).toEqual(pb.ServerFrame.encode(firstReply).finish());
    expect(await boardTitles()).toEqual(['Offline 1', 'Offline 2']);
  });

  it('a write made while the socket is down goes out on reconnect, after writes queued before it', async () => {
    const outbox = makeMemoryOutbox();
    const tap = tapSockets();
    const c = connect(srv.ws, outbox, tap.Impl);
    await waitForState(c, 'open');
    const before = await c.request({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Online' } });
    expect(before.workItem!.title).toBe('Online');

    tap.sockets.at(-1)!.terminate();
    await waitForState(c, 'offline');
    const a = c.request({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'While down A' } });
    const b = c.request({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'While down B' } });
    const [ra, rb] = await Promise.all([a, b]);
    expect(rb.workItem!.number).toBe(ra.workItem!.number! + 1);
    expect(rb.seq).toBe(ra.seq! + 1);
    expect(await outbox.load()).toEqual([]);
  });
});
