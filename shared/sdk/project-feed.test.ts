// The feed's seq rules: first with a fake transport fed by hand (dedupe, gap,
// own Results, presence, RESYNC), then over a real server where the gap is
// real: a lost frame, and a socket dropped at the TCP level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, type Session } from '../../server/test/support/accounts.ts';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';
import { TestClient } from '../../server/test/support/ws-client.ts';
import { ErrorCode, ItemType, type IEvent } from '../proto.ts';
import type { Command } from './commands.ts';
import { makeConnection, type Connection, type ConnectionState, type Reply } from './connection.ts';
import { RequestError } from './errors.ts';
import { makeProjectFeed, type FeedTransport } from './project-feed.ts';
import { destroyTcp, eventLog, eventOf, range, tapSockets, waitFor, waitForState } from './test-harness.ts';

function fakeTransport() {
  const listeners = {
    state: new Set<(s: ConnectionState) => void>(),
    event: new Set<(e: IEvent) => void>(),
    reply: new Set<(r: Reply) => void>(),
    serverError: new Set<(e: RequestError) => void>(),
  };
  const sent: { command: Command; messageId: string }[] = [];
  const transport: FeedTransport & { current: ConnectionState } = {
    current: { state: 'open' },
    get state() {
      return this.current;
    },
    request(command, options) {
      sent.push({ command, messageId: options?.messageId ?? '' });
      return new Promise(() => undefined);
    },
    onState: (l) => (listeners.state.add(l), () => listeners.state.delete(l)),
    onEvent: (l) => (listeners.event.add(l), () => listeners.event.delete(l)),
    onReply: (l) => (listeners.reply.add(l), () => listeners.reply.delete(l)),
    onServerError: (l) => (listeners.serverError.add(l), () => listeners.serverError.delete(l)),
  };
  return {
    transport,
    sent,
    subscribes: () => sent.filter((s) => 'subscribe' in s.command),
    setState(state: ConnectionState) {
      transport.current = state;
      for (const l of listeners.state) l(state);
    },
    event: (e: IEvent) => {
      for (const l of listeners.event) l(e);
    },
    reply: (r: Reply) => {
      for (const l of listeners.reply) l(r);
    },
    serverError: (e: RequestError) => {
      for (const l of listeners.serverError) l(e);
    },
  };
}

const ev = (projectId: string, seq: number): IEvent => ({ projectId, seq, actorId: 'u', workItem: { workItem: { id: `i${seq}` } } });

/** The fake server's answer to the feed's last subscribe: `subscribed` with the current seq. */
function answerSubscribe(fake: ReturnType<typeof fakeTransport>, current: Record<string, number>) {
  const last = fake.subscribes().at(-1)!;
  fake.reply({
    ok: true, messageId: last.messageId, command: 'subscribe', meta: null,
    result: { seq: 0, subscribed: { projects: Object.entries(current).map(([projectId, sinceSeq]) => ({ projectId, sinceSeq })) } },
  });
}

describe('feed rules (fed by hand)', () => {
  it('the same event delivered twice is handed on once', () => {
    const fake = fakeTransport();
    const log = eventLog();
    const feed = makeProjectFeed(fake.transport, { onEvent: log.push, onResync: () => undefined });
    feed.watch('p', 4);
    answerSubscribe(fake, { p: 4 });
    fake.event(ev('p', 5));
    fake.event(ev('p', 5));
    feed.receive(ev('p', 6));
    feed.receive(ev('p', 6));
    feed.receive(ev('p', 3));
    expect(log.seqs('p')).toEqual([5, 6]);
    expect(feed.lastSeq('p')).toBe(6);
  });

  it('a gap resubscribes from the last seq, buffers nothing, and the replay fills it in order', () => {
    const fake = fakeTransport();
    const log = eventLog();
    const feed = makeProjectFeed(fake.transport, { onEvent: log.push, onResync: () => undefined });
    feed.watch('p', 10);
    answerSubscribe(fake, { p: 10 });
    feed.receive(ev('p', 11));
    feed.receive(ev('p', 13)); // 12 was lost
    feed.receive(ev('p', 14)); // a subscribe is on its way: no second one
    expect(log.seqs('p')).toEqual([11]);
    expect(fake.subscribes()).toHaveLength(2);
    expect(fake.subscribes()[1]!.command).toEqual({ subscribe: { projects: [{ projectId: 'p', sinceSeq: 11 }] } });

    answerSubscribe(fake, { p: 14 });
    for (const seq of [12, 13, 14]) feed.receive(ev('p', seq));
    feed.receive(ev('p', 15));
    expect(log.seqs('p')).toEqual([11, 12, 13, 14, 15]);
  });

  it('an own Result advances the seq: the event the sender never gets is no gap', () => {
    const fake = fakeTransport();
    const log = eventLog();
    const feed = makeProjectFeed(fake.transport, { onEvent: log.push, onResync: () => undefined });
    feed.watch('p', 1);
    answerSubscribe(fake, { p: 1 });
    const own = (seq: number, projectId = 'p'): Reply => ({
      ok: true, messageId: `w${seq}`, command: 'updateWorkItem', meta: { command: 'updateWorkItem', projectId: '' },
      result: { seq, workItem: { id: 'x', projectId } },
    });
    fake.reply(own(2));
    feed.receive(ev('p', 3));
    // Results may run ahead of events another instance is still delivering.
    fake.reply(own(5));
    feed.receive(ev('p', 4));
    feed.receive(ev('p', 6));
    expect(log.seqs('p')).toEqual([3, 4, 6]);
    expect(fake.subscribes()).toHaveLength(1);
    expect(feed.lastSeq('p')).toBe(6);
  });

  it('presence (seq 0) passes straight through', () => {
    const fake = fakeTransport();
    const log = eventLog();
    makeProjectFeed(fake.transport, { onEvent: log.push, onResync: () => undefined });
    const presence: IEvent = { projectId: 'p', seq: 0, presence: { userId: 'u', online: true } };
    fake.event(presence);
    fake.event(presence);
    expect(log.events).toEqual([presence, presence]);
  });

  it('RESYNC_REQUIRED calls onResync, stops watching that project, and resubscribes the rest', () => {
    const fake = fakeTransport();
    fake.transport.current = { state: 'offline', attempt: 1, nextRetryAt: 0, closeCode: 1006 };
    const resyncs: string[] = [];
    const feed = makeProjectFeed(fake.transport, { onEvent: () => undefined, onResync: (p) => resyncs.push(p) });
    feed.watch('a', 3);
    feed.watch('b', 7);
    expect(fake.subscribes()).toHaveLength(0); // offline: nothing sent until open
    fake.setState({ state: 'open' });
    expect(fake.subscribes()[0]!.command).toEqual({ subscribe: { projects: [{ projectId: 'a', sinceSeq: 3 }, { projectId: 'b', sinceSeq: 7 }] } });

    fake.reply({
      ok: false, messageId: fake.subscribes()[0]!.messageId, command: 'subscribe', meta: null,
      error: new RequestError(ErrorCode.ERROR_CODE_RESYNC_REQUIRED, 'trimmed', 'projects', null, 0, 'a'),
    });
    expect(resyncs).toEqual(['a']);
    expect(feed.lastSeq('a')).toBeUndefined();
    expect(fake.subscribes()[1]!.command).toEqual({ subscribe: { projects: [{ projectId: 'b', sinceSeq: 7 }] } });
  });

  it('asks for changed fields only when told to, on every subscribe', () => {
    const fake = fakeTransport();
    const feed = makeProjectFeed(fake.transport, { onEvent: () => undefined, onResync: () => undefined, changedFieldsOnly: true });
    feed.watch('p', 4);
    answerSubscribe(fake, { p: 4 });
    feed.receive(ev('p', 6)); // a gap: subscribes again
    expect(fake.subscribes().map((s) => s.command)).toEqual([
      { subscribe: { projects: [{ projectId: 'p', sinceSeq: 4 }], changedFieldsOnly: true } },
      { subscribe: { projects: [{ projectId: 'p', sinceSeq: 4 }], changedFieldsOnly: true } },
    ]);
  });

  it('resync() (a partial item the client does not hold) drops the project once, like RESYNC_REQUIRED, without unsubscribing', () => {
    const fake = fakeTransport();
    const log = eventLog();
    const resyncs: string[] = [];
    const feed = makeProjectFeed(fake.transport, { onEvent: log.push, onResync: (p) => resyncs.push(p) });
    feed.watch('p', 4);
    answerSubscribe(fake, { p: 4 });
    feed.receive(ev('p', 5));
    feed.resync('p');
    feed.resync('p');
    feed.receive(ev('p', 6)); // still sent to the socket until the board is back: dropped
    expect(resyncs).toEqual(['p']);
    expect(log.seqs('p')).toEqual([5]);
    expect(feed.lastSeq('p')).toBeUndefined();
    expect(fake.sent.filter((s) => 'unsubscribe' in s.command)).toEqual([]);
    feed.watch('p', 9);
    expect(fake.subscribes().at(-1)!.command).toEqual({ subscribe: { projects: [{ projectId: 'p', sinceSeq: 9 }] } });
  });

  it('HARD-3g a subscription the server ended (PERMISSION_DENIED naming the project) is dropped once, with onError; the others stay', () => {
    const fake = fakeTransport();
    const log = eventLog();
    const errors: Array<[string, ErrorCode]> = [];
    const feed = makeProjectFeed(fake.transport, { onEvent: log.push, onResync: () => undefined, onError: (p, e) => errors.push([p, e.code]) });
    feed.watch('a', 1);
    feed.watch('b', 1);
    answerSubscribe(fake, { a: 1 });
    answerSubscribe(fake, { b: 1 });
    const ended = new RequestError(ErrorCode.ERROR_CODE_PERMISSION_DENIED, 'no longer a member', 'projects', null, 0, 'a');
    fake.serverError(ended);
    fake.serverError(ended);
    fake.event(ev('a', 2)); // anything still in flight for it is dropped
    fake.event(ev('b', 2));
    expect(errors).toEqual([['a', ErrorCode.ERROR_CODE_PERMISSION_DENIED]]);
    expect(feed.lastSeq('a')).toBeUndefined();
    expect(log.seqs('b')).toEqual([2]);
    // The server already dropped it: nothing to unsubscribe, and no resubscribe after the next reconnect.
    expect(fake.sent.filter((s) => 'unsubscribe' in s.command)).toEqual([]);
    fake.setState({ state: 'offline', attempt: 1, nextRetryAt: 0, closeCode: 1006 });
    fake.setState({ state: 'open' });
    expect(fake.subscribes().at(-1)!.command).toEqual({ subscribe: { projects: [{ projectId: 'b', sinceSeq: 2 }] } });
  });
});

describe('real gaps against a server', () => {
  let srv: TestServer;
  let ada: Session;
  let writer: TestClient;
  const connections: Connection[] = [];

  beforeAll(async () => {
    srv = await startTestServer();
    ada = await signup(srv.http, 'Ada');
    writer = await TestClient.connect(srv.ws, ada.token);
  });

  afterAll(async () => {
    for (const c of connections) c.close();
    writer.close();
    await srv.stop();
  });

  async function newProject(key: string) {
    const res = await writer.ok({ createProject: { key, name: key } });
    return { projectId: res.project!.id!, seq: res.seq! };
  }

  const write = async (projectId: string, title: string) =>
    (await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title } })).seq!;

  it('a lost event frame: the next one shows the gap, the feed resubscribes from its last seq and the missed events arrive in order, once', async () => {
    const { projectId, seq } = await newProject('LOST');
    const tap = tapSockets();
    const conn = makeConnection({ url: srv.ws, token: async () => ada.token, WebSocketImpl: tap.Impl });
    connections.push(conn);
    const log = eventLog();
    const feed = makeProjectFeed(conn, { onEvent: log.push, onResync: () => undefined });
    feed.watch(projectId, seq);
    await waitForState(conn, 'open');
    await waitFor(() => (tap.received.length > 0 ? true : undefined), 'the subscribe reply');

    // Lose the first copy of the next event only: its replay must get through.
    let lost = 0;
    tap.drop = (bytes) => eventOf(bytes)?.seq === seq + 1 && lost++ === 0;
    const written = [await write(projectId, 'a'), await write(projectId, 'b'), await write(projectId, 'c')];
    expect(written).toEqual(range(seq + 1, seq + 3));

    await waitFor(() => (log.seqs(projectId).length === 3 ? true : undefined), 'the missed events');
    expect(log.seqs(projectId)).toEqual(written);
    const resubscribe = tap.sent.filter((f) => f.subscribe).at(-1)!;
    expect(resubscribe.subscribe!.projects).toEqual([{ projectId, sinceSeq: seq }]);
    expect(log.events.map((e) => e.workItem?.workItem?.title)).toEqual(['a', 'b', 'c']);
    expect(feed.lastSeq(projectId)).toBe(seq + 3);
    expect(lost).toBeGreaterThan(0);
  });

  it('a socket dropped at the TCP level while another client writes: after the reconnect every missed event arrives in order, once', async () => {
    const { projectId, seq } = await newProject('TCP');
    const tap = tapSockets();
    const conn = makeConnection({
      url: srv.ws, token: async () => ada.token, WebSocketImpl: tap.Impl,
      // random 1: the first retry waits the full initialMs, long after the writes below.
      backoff: { initialMs: 800, maxMs: 2000 }, random: () => 1,
    });
    connections.push(conn);
    const log = eventLog();
    const feed = makeProjectFeed(conn, { onEvent: log.push, onResync: () => undefined });
    feed.watch(projectId, seq);
    await waitForState(conn, 'open');
    const live = await write(projectId, 'live');
    await waitFor(() => (feed.lastSeq(projectId) === live ? true : undefined), 'the live event');

    destroyTcp(tap.sockets.at(-1));
    await waitForState(conn, 'offline');
    const missed = [await write(projectId, 'm1'), await write(projectId, 'm2'), await write(projectId, 'm3')];
    expect(conn.state.state).not.toBe('open');

    await waitForState(conn, 'open', 5000);
    await waitFor(() => (feed.lastSeq(projectId) === missed.at(-1) ? true : undefined), 'the missed events');
    const after = await write(projectId, 'after');
    await waitFor(() => (feed.lastSeq(projectId) === after ? true : undefined), 'the live event after');
    expect(log.seqs(projectId)).toEqual([live, ...missed, after]);
    expect(tap.sent.filter((f) => f.subscribe).at(-1)!.subscribe!.projects).toEqual([{ projectId, sinceSeq: live }]);
  });
});
