// RESYNC_REQUIRED: the client comes back after the server trimmed the events
// it missed. The feed says so through onResync; the store's answer (get_board,
// then watch from the board's seq) puts it back on the live stream.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, type Session } from '../../server/test/support/accounts.ts';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';
import { TestClient } from '../../server/test/support/ws-client.ts';
import { ItemType } from '../proto.ts';
import { makeConnection, type Connection } from './connection.ts';
import { makeProjectFeed } from './project-feed.ts';
import { destroyTcp, eventLog, gatedToken, tapSockets, waitFor, waitForState } from './test-harness.ts';

let srv: TestServer;
let ada: Session;
let writer: TestClient;
let conn: Connection | null = null;

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
  writer = await TestClient.connect(srv.ws, ada.token);
});

afterAll(async () => {
  conn?.close();
  writer.close();
  await srv.stop();
});

const write = async (projectId: string, title: string) =>
  (await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title } })).seq!;

describe('resync', () => {
  it('a cursor behind a trimmed log surfaces through onResync; refetching the board and watching again resumes the feed', async () => {
    const projectId = (await writer.ok({ createProject: { key: 'TRIM', name: 'Trimmed' } })).project!.id!;
    const seen = await write(projectId, 'seen');

    const gate = gatedToken(() => ada.token);
    const tap = tapSockets();
    conn = makeConnection({ url: srv.ws, token: gate.provider, WebSocketImpl: tap.Impl, backoff: { initialMs: 50, maxMs: 100 } });
    const c = conn;
    const log = eventLog();
    const resyncs: string[] = [];
    const feed = makeProjectFeed(c, {
      onEvent: log.push,
      onResync: (id) => {
        resyncs.push(id);
        // What a store does: fetch the board again and follow it from its seq.
        void c.request({ getBoard: { projectId: id } }).then((r) => feed.watch(id, r.board!.seq!));
      },
    });
    feed.watch(projectId, seen);
    await waitForState(c, 'open');

    // Away: the socket drops and the token provider keeps the next attempt waiting.
    gate.hold();
    destroyTcp(tap.sockets.at(-1));
    await waitFor(() => (c.state.state === 'connecting' && gate.calls >= 2 ? true : undefined), 'the held reconnect');
    const missed = [await write(projectId, 'm1'), await write(projectId, 'm2'), await write(projectId, 'm3')];

    // The log loses the events just after the client's cursor, as EVENT_LOG_KEEP would.
    const db = new Database(join(srv.dataDir, ada.tenantId, 'main.db'));
    try {
      db.pragma('busy_timeout = 5000');
      const trimmed = db.prepare('DELETE FROM pm_events WHERE project_id = ? AND seq <= ?').run(projectId, seen + 1);
      expect(trimmed.changes).toBeGreaterThan(0);
    } finally {
      db.close();
    }

    gate.release();
    await waitFor(() => (resyncs.length > 0 ? true : undefined), 'onResync');
    expect(resyncs).toEqual([projectId]);

    // Watching again from the refetched board: live events flow, nothing from before it is replayed.
    await waitFor(() => (feed.lastSeq(projectId) === missed.at(-1) ? true : undefined), 'the watch from the new board');
    const cursors = tap.sent.filter((f) => f.subscribe).map((f) => f.subscribe!.projects);
    expect(cursors).toEqual([
      [{ projectId, sinceSeq: seen }], // first open
      [{ projectId, sinceSeq: seen }], // after the drop: answered RESYNC_REQUIRED
      [{ projectId, sinceSeq: missed.at(-1) }], // from the refetched board
    ]);
    const next = await write(projectId, 'next');
    await waitFor(() => (feed.lastSeq(projectId) === next ? true : undefined), 'the next live event');
    expect(log.seqs(projectId)).toEqual([next]);
  });
});
