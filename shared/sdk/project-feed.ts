// Per-project event order on top of a connection: every stored event is
// handed on once, in seq order, across reconnects and lost frames. The server
// keeps the log (docs/DESIGN.md decision 3); this side only remembers the last seq
// it handed on and asks for the rest again when something is missing.
import type { IEvent } from '../proto.ts';
import { recoveryOf } from '../protocol/error-codes.ts';
import { projectIdOfResult, type Command } from './commands.ts';
import type { ConnectionState, Reply, RequestOptions, Unsubscribe } from './connection.ts';
import type { RequestError } from './errors.ts';
import { randomId } from './ids.ts';

/** What the feed needs of a connection (a Connection is one; unit tests pass a fake). */
export interface FeedTransport {
  readonly state: ConnectionState;
  request(command: Command, options?: RequestOptions): Promise<unknown>;
  onState(listener: (state: ConnectionState) => void): Unsubscribe;
  onEvent(listener: (event: IEvent) => void): Unsubscribe;
  onReply(listener: (reply: Reply) => void): Unsubscribe;
  onServerError(listener: (error: RequestError) => void): Unsubscribe;
}

export interface ProjectFeedOptions {
  /** A stored event of a watched project, in seq order and once; or a presence event (seq 0). */
  onEvent(event: IEvent): void;
  /**
   * The server cannot catch this project up (its log was trimmed, or the data
   * restored). The project is no longer watched: fetch get_board and call
   * watch(projectId, board.seq) again.
   */
  onResync(projectId: string): void;
  /**
   * A subscribe refused for another reason, or a subscription the server
   * ended (PERMISSION_DENIED: the person was removed from the project). The
   * project is no longer watched.
   */
  onError?(projectId: string, error: RequestError): void;
  /**
   * Subscribe with changed_fields_only: ordinary work item changes come as
   * partial items (WorkItemChanged.partial), to lay over the item held.
   */
  changedFieldsOnly?: boolean;
}

export interface ProjectFeed {
  /**
   * Follows a project from `fromSeq` (a board's seq: events after it are
   * handed on). 0 means "from now", as in subscribe. Watching a watched
   * project again starts it over from the new seq.
   */
  watch(projectId: string, fromSeq: number): void;
  unwatch(projectId: string): void;
  /**
   * The client cannot apply what the feed handed on (a partial item for an
   * item it does not hold): the project is dropped as on RESYNC_REQUIRED and
   * onResync called, once. The server keeps sending to this socket meanwhile;
   * those events are dropped until watch() starts again from a fresh board.
   */
  resync(projectId: string): void;
  /** The last seq handed on (or acknowledged by an own Result); undefined when not watched. */
  lastSeq(projectId: string): number | undefined;
  /** Feeds one event in; the transport's events arrive here. */
  receive(event: IEvent): void;
  /** Feeds one reply in; the transport's replies arrive here. */
  settle(reply: Reply): void;
  dispose(): void;
}

/** The server takes at most this many cursors per subscribe. */
const SUBSCRIBE_BATCH = 100;

interface Cursor {
  last: number;
  /** Seqs of our own writes above last + 1: no event will come for them. */
  own: Set<number>;
  /** A subscribe for this cursor is on its way; its replay will fill any gap seen meanwhile. */
  subscribing: boolean;
  /** Tells a reply to an older watch() of the same project from a reply to this one. */
  generation: number;
}

interface SentCursor {
  projectId: string;
  since: number;
  generation: number;
}

export function makeProjectFeed(transport: FeedTransport, options: ProjectFeedOptions): ProjectFeed {
  const cursors = new Map<string, Cursor>();
  /** Our subscribes awaiting their reply, by message id. */
  const inFlight = new Map<string, SentCursor[]>();
  let generation = 0;

  /** Moves last over our own seqs that have become contiguous with it. */
  const drainOwn = (cursor: Cursor) => {
    while (cursor.own.delete(cursor.last + 1)) cursor.last += 1;
    for (const seq of cursor.own) if (seq <= cursor.last) cursor.own.delete(seq);
  };

  const subscribe = (projectIds: string[]) => {
    if (transport.state.state !== 'open') return; // every watched project is subscribed on the next open
    const batch: SentCursor[] = [];
    for (const projectId of projectIds) {
      const cursor = cursors.get(projectId);
      if (!cursor || cursor.subscribing) continue;
      cursor.subscribing = true;
      batch.push({ projectId, since: cursor.last, generation: cursor.generation });
    }
    for (let i = 0; i < batch.length; i += SUBSCRIBE_BATCH) {
      const part = batch.slice(i, i + SUBSCRIBE_BATCH);
      const messageId = randomId();
      inFlight.set(messageId, part);
      const projects = part.map((c) => ({ projectId: c.projectId, sinceSeq: c.since }));
      const command: Command = { subscribe: { projects, changedFieldsOnly: options.changedFieldsOnly } };
      // The reply is handled in settle(), synchronously as its frame is read:
      // a promise continuation could run after the replayed events that follow it.
      transport.request(command, { messageId }).catch(() => undefined);
    }
  };

  const current = (sent: SentCursor): Cursor | undefined => {
    const cursor = cursors.get(sent.projectId);
    return cursor && cursor.generation === sent.generation ? cursor : undefined;
  };

  const subscribed = (sent: SentCursor[], reply: Reply) => {
    if (reply.ok) {
      for (const c of reply.result.subscribed?.projects ?? []) {
        const mine = sent.find((s) => s.projectId === c.projectId);
        const cursor = mine && current(mine);
        if (!cursor) continue;
        cursor.subscribing = false;
        // "From now": the server's seq is where we start. Otherwise the replay
        // that follows this reply brings last up to it, event by event.
        if (mine.since === 0) cursor.last = Math.max(cursor.last, c.sinceSeq ?? 0);
        drainOwn(cursor);
      }
      return;
    }
    const live = sent.filter((s) => current(s));
    for (const s of live) current(s)!.subscribing = false;
    const { error } = reply;
    // The server refuses the whole subscribe for one project's reason: drop
    // the project it names (or the only one asked for) and ask again for the rest.
    const named = error.projectId || (sent.length === 1 ? sent[0]!.projectId : '');
    if (recoveryOf(error.code) === 'resync' && named) {
      if (live.some((s) => s.projectId === named)) {
        cursors.delete(named);
        options.onResync(named);
      }
      subscribe(live.filter((s) => s.projectId !== named).map((s) => s.projectId));
      return;
    }
    if (named) {
      if (live.some((s) => s.projectId === named)) {
        cursors.delete(named);
        options.onError?.(named, error);
      }
      subscribe(live.filter((s) => s.projectId !== named).map((s) => s.projectId));
      return;
    }
    // Not said which project: ask for each alone, so the next refusal names it.
    for (const s of live) subscribe([s.projectId]);
  };

  const feed: ProjectFeed = {
    watch(projectId, fromSeq) {
      cursors.set(projectId, { last: fromSeq, own: new Set(), subscribing: false, generation: ++generation });
      subscribe([projectId]);
    },

    unwatch(projectId) {
      if (!cursors.delete(projectId)) return;
      if (transport.state.state === 'open') {
        transport.request({ unsubscribe: { projectIds: [projectId] } }).catch(() => undefined);
      }
    },

    resync(projectId) {
      if (cursors.delete(projectId)) options.onResync(projectId);
    },

    lastSeq: (projectId) => cursors.get(projectId)?.last,

    receive(event) {
      const seq = event.seq ?? 0;
      // Presence is never stored and has no seq to order by.
      if (seq === 0) return options.onEvent(event);
      const cursor = cursors.get(event.projectId ?? '');
      // Not watched (unwatched, or waiting for a board after RESYNC): the next watch() replays from its board's seq.
      if (!cursor) return;
      if (seq <= cursor.last) return; // already handed on (a replay overlapping what came live)
      if (seq > cursor.last + 1) {
        // Something between was lost. Drop this one too rather than buffer it:
        // the subscribe's replay brings everything after `last`, in order.
        subscribe([event.projectId!]);
        return;
      }
      cursor.last = seq;
      drainOwn(cursor);
      options.onEvent(event);
    },

    settle(reply) {
      const sent = inFlight.get(reply.messageId);
      if (sent) {
        inFlight.delete(reply.messageId);
        subscribed(sent, reply);
        return;
      }
      if (!reply.ok || reply.meta === null) return;
      const seq = reply.result.seq ?? 0;
      if (seq === 0) return;
      // Our own write: the server sends us no event for its seq (the Result
      // stands for it), so the seq counts as handed on.
      const cursor = cursors.get(projectIdOfResult(reply.result) || reply.meta.projectId);
      if (!cursor || seq <= cursor.last) return;
      cursor.own.add(seq);
      drainOwn(cursor);
    },

    dispose() {
      for (const off of unhook) off();
      cursors.clear();
      inFlight.clear();
    },
  };

  const unhook = [
    transport.onEvent((event) => feed.receive(event)),
    transport.onReply((reply) => feed.settle(reply)),
    // The server dropped the subscription itself (access ended): watching it again would be refused.
    transport.onServerError((error) => {
      if (cursors.delete(error.projectId)) options.onError?.(error.projectId, error);
    }),
    transport.onState((state) => {
      if (state.state === 'open') {
        // A new socket has no subscriptions: ask again from where each project got to.
        subscribe([...cursors.keys()]);
        return;
      }
      // Subscribes in flight died with the socket (their reads were rejected).
      inFlight.clear();
      for (const cursor of cursors.values()) cursor.subscribing = false;
    }),
  ];

  return feed;
}
