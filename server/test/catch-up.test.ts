// docs/PROTOCOL.md §5 (subscribe) and §7, docs/DESIGN.md decision 3: a client that comes
// back resubscribes with its last seq and gets the `subscribed` Result, then
// every event it missed, in order, without gaps or duplicates, before any live
// one. since_seq 0 means from now. A cursor the log cannot serve (ahead of the
// server, or trimmed away) gets RESYNC_REQUIRED naming the project.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, Role, pb, type IEvent, type ServerFrame } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer;
let ada: Session;
let bob: Session;
let projectId: string;
let otherProjectId: string;
/** Ada's socket that writes. It watches both projects, as a board client does. */
let writer: TestClient;
/** Ada's socket that stays subscribed throughout: what "live" delivered, to compare replays with. */
let recorder: TestClient;
let itemId: string;
let itemVersion = 1;
const clients: TestClient[] = [];

async function connect(session: Session): Promise<TestClient> {
  const client = await TestClient.connect(srv.ws, session.token);
  clients.push(client);
  return client;
}

const subscribeTo = (cursors: [string, number][]) => ({
  subscribe: { projects: cursors.map(([id, sinceSeq]) => ({ projectId: id, sinceSeq })) },
});

/** One write to the project; returns its seq. Alternates the kinds of change. */
async function write(n: number, project = projectId): Promise<number> {
  if (project !== projectId || n % 3 === 0) {
    return (await writer.ok({ createWorkItem: { projectId: project, itemType: ItemType.ITEM_TYPE_TASK, title: `Task ${n}` } })).seq!;
  }
  if (n % 3 === 1) {
    const res = await writer.ok({ updateWorkItem: { workItemId: itemId, expectedVersion: itemVersion, title: `Title ${n}` } });
    itemVersion = res.workItem!.version!;
    return res.seq!;
  }
  return (await writer.ok({ addComment: { workItemId: itemId, body: `Comment ${n}` } })).seq!;
}

async function currentSeq(project = projectId): Promise<number> {
  return (await writer.ok({ getBoard: { projectId: project } })).board!.seq!;
}

/** The recorder's copy of each event, by seq, once it has them all. */
async function recorded(seqs: number[], project = projectId): Promise<IEvent[]> {
  const last = seqs[seqs.length - 1]!;
  await recorder.waitForEvent((e) => e.projectId === project && e.seq === last);
  return seqs.map((s) => recorder.events.find((e) => e.projectId === project && e.seq === s)!);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Frames other than presence (seq 0), in arrival order. */
const framesOf = (client: TestClient): ServerFrame[] => client.frames.filter((f) => !(f.event && f.event.seq === 0));

beforeAll(async () => {
  srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '2000', RATE_LIMIT_BURST: '2000' });
  ada = await signup(srv.http, 'Ada');
  bob = await invite(srv.http, ada, 'Bob');
  writer = await connect(ada);
  projectId = (await writer.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!.id!;
  otherProjectId = (await writer.ok({ createProject: { key: 'OPS', name: 'Ops' } })).project!.id!;
  for (const id of [projectId, otherProjectId]) await writer.ok({ addMember: { projectId: id, userId: bob.user.id, role: Role.ROLE_VIEWER } });
  itemId = (await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_STORY, title: 'Long story' } })).workItem!.id!;
  await writer.ok(subscribeTo([[projectId, 0], [otherProjectId, 0]]));
  recorder = await connect(ada);
  await recorder.ok(subscribeTo([[projectId, 0], [otherProjectId, 0]]));
});

afterAll(async () => {
  for (const c of clients) c.close();
  await srv.stop();
});

describe('catching up with since_seq', () => {
  it('CATCH-1 after 30 missed writes: the Result (cursor = current seq), then exactly N+1..N+30 in order, then live ones', async () => {
    const first = await connect(bob);
    const start = await first.ok(subscribeTo([[projectId, 0]]));
    const seqAtStart = start.subscribed!.projects![0]!.sinceSeq!;
    const seen = await write(0);
    expect(seen).toBe(seqAtStart + 1);
    await first.waitForEvent((e) => e.seq === seen);
    first.close();
    await first.waitForClose();
    const n = seen;

    const missed: number[] = [];
    for (let i = 1; i <= 30; i++) missed.push(await write(i));
    expect(missed).toEqual(range(n + 1, n + 30));

    const back = await connect(bob);
    const reply = await back.request(subscribeTo([[projectId, n]]));
    await back.waitFor(() => (back.events.length >= 30 ? true : undefined), 5000, '30 replayed events');

    const frames = framesOf(back);
    expect(frames[0]!.messageId).toBe(reply.messageId);
    expect(frames[0]!.result!.seq).toBe(0);
    expect(frames[0]!.result!.subscribed!.projects).toEqual([expect.objectContaining({ projectId, sinceSeq: n + 30 })]);
    const replayed = frames.slice(1).map((f) => f.event!);
    expect(replayed.map((e) => e.seq)).toEqual(range(n + 1, n + 30));
    expect(replayed.every((e) => e.projectId === projectId)).toBe(true);
    // The replay is what live subscribers were sent, event for event.
    expect(replayed).toEqual(await recorded(range(n + 1, n + 30)));
    expect(replayed[0]!.workItem!.workItem!.title).toBe('Title 1');
    expect(replayed[1]!.comment!.comment!.body).toBe('Comment 2');
    expect(replayed[2]!.workItem!.workItem!.title).toBe('Task 3');

    const live = await write(31);
    await back.waitForEvent((e) => e.seq === live);
    expect(framesOf(back).slice(1).map((f) => f.event!.seq)).toEqual(range(n + 1, n + 31));
  });

  it('CATCH-2 writes racing the resubscribe are either replayed or live, never lost or doubled', async () => {
    const since = await currentSeq();
    for (let i = 0; i < 5; i++) await write(100 + i);
    const client = await connect(bob);

    // Five more writes pipelined while the subscribe is in flight.
    const writes = Array.from({ length: 5 }, (_, i) =>
      pb.ClientFrame.encode({
        messageId: randomUUID(),
        createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_BUG, title: `Racing ${i}` },
      }).finish());
    const subscribeId = randomUUID();
    client.sendRaw(pb.ClientFrame.encode({ messageId: subscribeId, ...subscribeTo([[projectId, since]]) }).finish());
    for (const bytes of writes) writer.sendRaw(bytes);
    const last = since + 10;
    await client.waitForEvent((e) => e.seq === last);

    const frames = framesOf(client);
    expect(frames[0]!.messageId).toBe(subscribeId);
    const cursor = frames[0]!.result!.subscribed!.projects![0]!.sinceSeq!;
    expect(cursor).toBeGreaterThanOrEqual(since + 5);
    expect(cursor).toBeLessThanOrEqual(last);
    expect(frames.slice(1).map((f) => f.event!.seq)).toEqual(range(since + 1, last));
    expect(frames.slice(1).map((f) => f.event!)).toEqual(await recorded(range(since + 1, last)));
  });

  it('CATCH-3 several projects in one subscribe: each gets its own cursor and its own missed events, in order', async () => {
    const sinceWeb = await currentSeq(projectId);
    const sinceOps = await currentSeq(otherProjectId);
    const webSeqs = [await write(200), await write(201)];
    const opsSeqs = [await write(202, otherProjectId), await write(203, otherProjectId), await write(204, otherProjectId)];
    const client = await connect(bob);

    const res = await client.ok(subscribeTo([[projectId, sinceWeb], [otherProjectId, sinceOps]]));
    await client.waitFor(() => (client.events.length >= 5 ? true : undefined), 5000, '5 replayed events');

    expect(res.subscribed!.projects).toEqual([
      expect.objectContaining({ projectId, sinceSeq: webSeqs[1] }),
      expect.objectContaining({ projectId: otherProjectId, sinceSeq: opsSeqs[2] }),
    ]);
    expect(webSeqs).toEqual(range(sinceWeb + 1, sinceWeb + 2));
    expect(opsSeqs).toEqual(range(sinceOps + 1, sinceOps + 3));
    const byProject = (id: string) => client.events.filter((e) => e.projectId === id).map((e) => e.seq);
    expect(byProject(projectId)).toEqual(webSeqs);
    expect(byProject(otherProjectId)).toEqual(opsSeqs);
    expect(client.events).toHaveLength(5);
  });
});

describe('cursors that need no replay', () => {
  it('CATCH-4 since_seq 0 means from now, and since_seq = current replays nothing; both then hear live events', async () => {
    for (const cursorOf of [() => 0, (current: number) => current]) {
      const current = await currentSeq();
      const client = await connect(bob);
      const res = await client.ok(subscribeTo([[projectId, cursorOf(current)]]));
      expect(res.subscribed!.projects).toEqual([expect.objectContaining({ projectId, sinceSeq: current })]);

      const live = await write(300);
      expect(live).toBe(current + 1);
      await client.waitForEvent((e) => e.seq === live);
      expect(client.events.map((e) => e.seq)).toEqual([live]);
    }
  });
});

describe('cursors the log cannot serve: RESYNC_REQUIRED', () => {
  it('CATCH-5 since_seq ahead of the server: RESYNC_REQUIRED naming the project, and no subscription', async () => {
    const current = await currentSeq();
    const client = await connect(bob);

    const reply = await client.request(subscribeTo([[projectId, current + 1]]));

    expect(reply.result).toBeNull();
    expect(reply.error!.code).toBe(ErrorCode.ERROR_CODE_RESYNC_REQUIRED);
    expect(reply.error!.projectId).toBe(projectId);
    await expectNotSubscribed(client);
  });

  it('CATCH-6 one bad cursor among several: the error names that project and none is subscribed', async () => {
    const current = await currentSeq();
    const client = await connect(bob);

    const reply = await client.request(subscribeTo([[otherProjectId, 0], [projectId, current + 50]]));

    expect(reply.error!.code).toBe(ErrorCode.ERROR_CODE_RESYNC_REQUIRED);
    expect(reply.error!.projectId).toBe(projectId);
    await expectNotSubscribed(client);
  });

  it('CATCH-7 a trimmed log: RESYNC_REQUIRED below the oldest kept event, replay from it, and get_board then subscribe works', async () => {
    for (let i = 0; i < 10; i++) await write(400 + i);
    const current = await currentSeq();
    const keptFrom = current - 4; // events keptFrom..current survive the trim
    trimLog(projectId, keptFrom - 1);

    const tooOld = await connect(bob);
    const refused = await tooOld.request(subscribeTo([[projectId, keptFrom - 2]]));
    expect(refused.error!.code).toBe(ErrorCode.ERROR_CODE_RESYNC_REQUIRED);
    expect(refused.error!.projectId).toBe(projectId);

    // The cursor right below the oldest kept event is still served in full.
    const justInTime = await connect(bob);
    const res = await justInTime.ok(subscribeTo([[projectId, keptFrom - 1]]));
    expect(res.subscribed!.projects).toEqual([expect.objectContaining({ projectId, sinceSeq: current })]);
    await justInTime.waitFor(() => (justInTime.events.length >= 5 ? true : undefined), 5000, '5 replayed events');
    expect(justInTime.events.map((e) => e.seq)).toEqual(range(keptFrom, current));

    // The whole log gone: even a cursor one behind cannot be served.
    trimLog(projectId, current);
    const oneBehind = await connect(bob);
    const gone = await oneBehind.request(subscribeTo([[projectId, current - 1]]));
    expect(gone.error!.code).toBe(ErrorCode.ERROR_CODE_RESYNC_REQUIRED);
    expect(gone.error!.projectId).toBe(projectId);

    // The way back: fetch the board, subscribe with its seq, carry on live.
    const board = (await oneBehind.ok({ getBoard: { projectId } })).board!;
    expect(board.seq).toBe(current);
    const again = await oneBehind.ok(subscribeTo([[projectId, board.seq!]]));
    expect(again.subscribed!.projects).toEqual([expect.objectContaining({ projectId, sinceSeq: current })]);
    const live = await write(500);
    expect(live).toBe(current + 1);
    await oneBehind.waitForEvent((e) => e.seq === live);
    expect(oneBehind.events.map((e) => e.seq)).toEqual([live]);
    await expectNotSubscribed(tooOld);
  });
});

describe('live delivery', () => {
  it('LIVE-1 a write from a socket that watches no project still reaches every subscriber of its project', async () => {
    const watcher = await connect(bob);
    await watcher.ok(subscribeTo([[projectId, 0]]));
    const plain = await connect(ada);

    const res = await plain.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'From an unsubscribed socket' } });

    const event = await watcher.waitForEvent((e) => e.seq === res.seq, 2000);
    expect(event.workItem!.workItem!.id).toBe(res.workItem!.id);
  });
});

/** Deletes the project's events up to `seq` in the tenant file, as the log trimmer does. */
function trimLog(project: string, seq: number): void {
  const db = new Database(join(srv.dataDir, ada.tenantId, 'main.db'), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const res = db.prepare('DELETE FROM pm_events WHERE project_id = ? AND seq <= ?').run(project, seq);
    expect(res.changes).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}

/**
 * After a refused subscribe, the socket hears nothing of either project: a
 * write to each follows, then a fresh subscribe to a third project proves the
 * socket is alive and that nothing arrived before its one live event.
 */
let probes = 0;
async function expectNotSubscribed(client: TestClient): Promise<void> {
  await write(900);
  await write(901, otherProjectId);
  const key = `PROBE${String.fromCharCode(65 + probes++)}`;
  const third = (await writer.ok({ createProject: { key, name: 'Probe' } })).project!.id!;
  await writer.ok({ addMember: { projectId: third, userId: bob.user.id, role: Role.ROLE_VIEWER } });
  await writer.ok(subscribeTo([[third, 0]]));
  await client.ok(subscribeTo([[third, 0]]));
  const probe = await write(902, third);
  await client.waitForEvent((e) => e.projectId === third && e.seq === probe);
  expect(client.events.map((e) => [e.projectId, e.seq])).toEqual([[third, probe]]);
}
