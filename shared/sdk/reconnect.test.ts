// The connection comes back by itself: after a server restart on the same
// data under the same URL (backoff, then resubscribe from the last seq:
// nothing missed, nothing twice), and after its token expires mid-session
// (4001: the token provider is asked again).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, type Session } from '../../server/test/support/accounts.ts';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';
import { TestClient } from '../../server/test/support/ws-client.ts';
import { ErrorCode, ItemType } from '../proto.ts';
import { makeConnection, type Connection, type ConnectionState } from './connection.ts';
import { makeProjectFeed } from './project-feed.ts';
import { eventLog, range, tapSockets, tcpForwarder, waitFor, waitForState } from './test-harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-sdk-reconnect-'));
let srv: TestServer;
let ada: Session;
const connections: Connection[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  srv = await startTestServer({}, dataDir);
  ada = await signup(srv.http, 'Ada');
});

afterAll(async () => {
  for (const c of connections) c.close();
  for (const c of clients) c.close();
  await srv.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const client = async () => {
  const c = await TestClient.connect(srv.ws, ada.token);
  clients.push(c);
  return c;
};

describe('reconnect', () => {
  it('server restarted on the same data and URL: back to open by itself, resubscribed, missing nothing', async () => {
    // The client's port is the forwarder's, which outlives the server: the
    // restarted server cannot take its old port back (TIME_WAIT, see the report).
    const forwarder = await tcpForwarder(srv.port);
    const writer = await client();
    const { project, seq } = await writer.ok({ createProject: { key: 'RST', name: 'Restart' } });
    const projectId = project!.id!;

    const states: ConnectionState['state'][] = [];
    const conn = makeConnection({
      url: forwarder.url, token: async () => ada.token, WebSocketImpl: tapSockets().Impl,
      // random 1: each wait is its full step, so the first retry comes 1.2 s after the
      // restart began, later than the writes made right after it.
      backoff: { initialMs: 1200, maxMs: 2400 }, random: () => 1,
    });
    connections.push(conn);
    conn.onState((s) => states.push(s.state));
    const log = eventLog();
    const feed = makeProjectFeed(conn, { onEvent: log.push, onResync: () => undefined });
    feed.watch(projectId, seq!);
    await waitForState(conn, 'open');
    const before = (await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'before' } })).seq!;
    await waitFor(() => (feed.lastSeq(projectId) === before ? true : undefined), 'the event before the restart');

    await srv.stop();
    const offline = await waitForState(conn, 'offline');
    expect(offline.state === 'offline' && offline.closeCode).toBe(1001);
    expect(offline.state === 'offline' && offline.nextRetryAt).toBeGreaterThan(Date.now());
    // A write made while the server is gone waits in the outbox.
    const ownWrite = conn.request({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_BUG, title: 'own, offline' } });
    ownWrite.catch(() => undefined); // awaited below; this only keeps an early failure from also reporting it unhandled

    srv = await startTestServer({}, dataDir);
    forwarder.retarget(srv.port);
    const writer2 = await client();
    const missed: number[] = [];
    for (const title of ['m1', 'm2', 'm3']) {
      missed.push((await writer2.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title } })).seq!);
    }
    expect(missed).toEqual(range(before + 1, before + 3));
    expect(conn.state.state).not.toBe('open');

    await waitForState(conn, 'open', 10_000);
    const own = await ownWrite;
    // Resubscribed first, so the catch-up came before the queued write was replayed.
    expect(own.seq).toBe(before + 4);
    const after = (await writer2.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'after' } })).seq!;
    await waitFor(() => (feed.lastSeq(projectId) === after ? true : undefined), 'the live event after the restart');

    // Every event once, in order; the own write's seq came as its Result, not as an event.
    expect(log.seqs(projectId)).toEqual([before, ...missed, after]);
    expect(log.events.filter((e) => e.seq).map((e) => e.workItem?.workItem?.title)).toEqual(['before', 'm1', 'm2', 'm3', 'after']);
    expect(states).toEqual(expect.arrayContaining(['open', 'offline', 'connecting']));
    expect(states.at(-1)).toBe('open');
    conn.close();
    await forwarder.close();
  });

  it('4001 token expired: the write is kept, the token provider is asked again, and the write lands on the new socket', async () => {
    const { project } = await (await client()).ok({ createProject: { key: 'TOK', name: 'Tokens' } });
    const projectId = project!.id!;
    const claims = { userId: ada.user.id, tenantId: ada.tenantId, tenantRole: 'owner' as const, name: 'Ada', email: ada.user.email };
    const tokens: string[] = [];
    const conn = makeConnection({
      url: srv.ws,
      token: async () => {
        // First a token that dies in a second, then ordinary ones.
        const token = await srv.server.tokens.issue(claims, tokens.length === 0 ? 1 : 3600);
        tokens.push(token);
        return token;
      },
      WebSocketImpl: tapSockets().Impl,
      backoff: { initialMs: 100, maxMs: 5000 },
    });
    connections.push(conn);
    const closes: (number | null)[] = [];
    conn.onState((s) => {
      if (s.state === 'offline') closes.push(s.closeCode);
    });
    await waitForState(conn, 'open');
    await new Promise((r) => setTimeout(r, 1100));

    const refusals: ErrorCode[] = [];
    conn.onReply((r) => {
      if (!r.ok) refusals.push(r.error.code);
    });
    const result = await conn.request({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'after expiry' } });
    expect(result.workItem!.title).toBe('after expiry');
    expect(closes).toEqual([4001]);
    expect(tokens).toHaveLength(2);
    // The UNAUTHENTICATED reply kept the write queued rather than failing it.
    expect(refusals).toEqual([]);
    const board = await conn.request({ getBoard: { projectId } });
    expect(board.board!.workItems!.map((w) => w.title)).toEqual(['after expiry']);
  });
});
