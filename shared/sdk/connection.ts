// One socket to the server, kept open: request/reply by message id, writes
// through the outbox, reconnect with backoff. Knows nothing of projects or
// seqs (project-feed.ts does); it reports events and replies to whoever
// listens.
import { ErrorCode, pb, type CommandName, type IEvent, type INotificationNotice, type IResult, type IServerFrame } from '../proto.ts';
import { DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from './backoff.ts';
import { classifyClose, type CloseKind } from '../protocol/close-codes.ts';
import { recoveryOf } from '../protocol/error-codes.ts';
import { commandName, isWrite, projectIdOfCommand, type Command } from './commands.ts';
import { ConnectionError, RequestError, type ConnectionErrorReason } from './errors.ts';
import { randomId } from './ids.ts';
import { makeMemoryOutbox, type Outbox, type OutboxEntry, type WriteMeta } from './outbox.ts';
import { BEARER_PROTOCOL_PREFIX, SUBPROTOCOL } from '../protocol/wire.ts';
import { SOCKET_OPEN, frameBytes, type SocketLike, type WebSocketConstructor } from './socket.ts';

export type ConnectionState =
  /** Asking for a token or waiting for the upgrade. `attempt` counts failures in a row. */
  | { state: 'connecting'; attempt: number }
  | { state: 'open' }
  /** Waiting to retry at `nextRetryAt` (epoch ms); `closeCode` is null when no socket was made. */
  | { state: 'offline'; attempt: number; nextRetryAt: number; closeCode: number | null }
  /** close() was called; nothing reconnects. */
  | { state: 'closed' };

/** Asked before every attempt: a bearer token, or null to rely on the session cookie. */
export type TokenProvider = () => Promise<string | null>;

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ConnectionOptions {
  /** ws:// or wss:// URL of /ws. Never put a token in it. */
  url: string;
  token?: TokenProvider;
  WebSocketImpl: WebSocketConstructor;
  /** Where writes wait for their reply; a memory outbox when omitted. */
  outbox?: Outbox;
  backoff?: Partial<BackoffOptions>;
  clock?: Clock;
  random?: () => number;
  newMessageId?: () => string;
  /** The server's MAX_FRAME_BYTES: a bigger frame is refused here, not queued (see request()). */
  maxFrameBytes?: number;
}

export interface RequestOptions {
  /** Reuse an id to resend a write: the server answers with its first reply and writes nothing. */
  messageId?: string;
  /**
   * The project whose seq this write advances. Needed only where neither the
   * command nor its Result names it (comments); without it the feed takes the
   * missing seq for a gap and resubscribes, which is correct but slower.
   */
  projectId?: string;
  /** Kept with a queued write and handed back in its Reply, after a reload too. */
  meta?: Record<string, unknown>;
}

/** A reply to a command this connection sent, or to a write it replayed from the outbox. */
export type Reply =
  | { ok: true; messageId: string; command: CommandName; meta: WriteMeta | null; result: IResult }
  | { ok: false; messageId: string; command: CommandName; meta: WriteMeta | null; error: RequestError };

export type Unsubscribe = () => void;

export interface Connection {
  readonly state: ConnectionState;
  /**
   * Sends a command; resolves with its Result, rejects with RequestError (the
   * server said no) or ConnectionError. A write is stored in the outbox first
   * and settles whenever its reply comes, after any number of reconnects; a
   * read needs an open socket and rejects if it closes first.
   */
  request(command: Command, options?: RequestOptions): Promise<IResult>;
  onState(listener: (state: ConnectionState) => void): Unsubscribe;
  onEvent(listener: (event: IEvent) => void): Unsubscribe;
  /**
   * Every reply, reported synchronously as its frame is read (before the
   * promise's continuations run, and before the next frame). Replies to writes
   * replayed from a previous page's outbox come only this way.
   */
  onReply(listener: (reply: Reply) => void): Unsubscribe;
  /**
   * An Error the server sent on its own (no message id) about one project,
   * named in `projectId`: PERMISSION_DENIED when the person's access to it
   * ended (removed from the project) and the server dropped the subscription.
   */
  onServerError(listener: (error: RequestError) => void): Unsubscribe;
  /** The person's notifications as their writes and others' make them (v10), with the unread count after each. */
  onNotification(listener: (notice: INotificationNotice) => void): Unsubscribe;
  /** Writes sent or waiting to be sent, not yet answered, in order. */
  pending(): readonly OutboxEntry[];
  /**
   * Writes asked for that the outbox does not hold yet. A write is sent only
   * once stored, so a page closed now would lose these and no other.
   */
  storing(): number;
  /** Skips the backoff wait (say, on the browser's `online` event). */
  reconnectNow(): void;
  /** Closes for good. Unanswered writes stay in the outbox for the next connection. */
  close(): void;
}

const DEFAULT_MAX_FRAME_BYTES = 256 * 1024;
const MESSAGE_ID_MAX = 64;

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Waiter {
  resolve(result: IResult): void;
  reject(error: Error): void;
}

interface ReadInFlight {
  command: CommandName;
  frame: Uint8Array;
  waiters: Waiter[];
}

export function makeConnection(options: ConnectionOptions): Connection {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const newMessageId = options.newMessageId ?? randomId;
  const tokenProvider = options.token ?? (async () => null);
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...options.backoff };
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const outbox = options.outbox ?? makeMemoryOutbox();

  const stateListeners = new Set<(state: ConnectionState) => void>();
  const eventListeners = new Set<(event: IEvent) => void>();
  const replyListeners = new Set<(reply: Reply) => void>();
  const serverErrorListeners = new Set<(error: RequestError) => void>();
  const notificationListeners = new Set<(notice: INotificationNotice) => void>();

  let state: ConnectionState = { state: 'connecting', attempt: 0 };
  let socket: SocketLike | null = null;
  let closed = false;
  let attempt = 0;
  /** Bumped per connect(): an attempt that finds it changed was overtaken (reconnectNow, close). */
  let connectGeneration = 0;
  let retryTimer: unknown = null;

  /** Unanswered writes in outbox order: the in-memory mirror of what the outbox holds. */
  const queue: OutboxEntry[] = [];
  /** Writes asked for whose outbox step has not finished. */
  let storing = 0;
  const writeWaiters = new Map<string, Waiter[]>();
  /** Writes already on the current socket; cleared with each socket so the next one replays them all. */
  const sentOnSocket = new Set<string>();
  const reads = new Map<string, ReadInFlight>();

  /** While RATE_LIMITED, nothing is sent until this time; held reads go out after. */
  let pausedUntil = 0;
  let resumeTimer: unknown = null;
  const heldReads = new Set<string>();
  /** While the server cannot store writes (UNAVAILABLE), queued writes wait until this time; reads still go. */
  let writesHeldUntil = 0;
  let writesTimer: unknown = null;

  /**
   * Every outbox step (load, then each put) runs on this chain, so writes
   * reach the socket in the order they were requested even when the store is
   * asynchronous, and a previous page's entries go before this page's.
   */
  let chain: Promise<void> = outbox.load().then(
    (entries) => {
      queue.push(...entries);
    },
    () => {
      // A store that cannot be read must not stop the live session; put()
      // will report its own failure to each write.
    },
  );

  const emit = <T>(listeners: Set<(value: T) => void>, value: T) => {
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch (err) {
        // One broken listener must not stop the frame loop for the others.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  };

  const setState = (next: ConnectionState) => {
    state = next;
    emit(stateListeners, next);
  };

  const send = (bytes: Uint8Array): boolean => {
    if (!socket || socket.readyState !== SOCKET_OPEN) return false;
    socket.send(bytes);
    return true;
  };

  const paused = () => clock.now() < pausedUntil;

  /** Sends every queued write this socket has not carried yet, in order. */
  const pump = () => {
    if (state.state !== 'open' || paused() || clock.now() < writesHeldUntil) return;
    for (const entry of queue) {
      if (sentOnSocket.has(entry.messageId)) continue;
      if (!send(entry.frameBytes)) return;
      sentOnSocket.add(entry.messageId);
    }
  };

  const sendRead = (messageId: string, read: ReadInFlight) => {
    if (paused()) heldReads.add(messageId);
    else send(read.frame);
  };

  const holdAfterRateLimit = (messageId: string, retryAfterMs: number, isWrite: boolean) => {
    if (isWrite) sentOnSocket.delete(messageId);
    else heldReads.add(messageId);
    pausedUntil = Math.max(pausedUntil, clock.now() + Math.max(retryAfterMs, 1));
    if (resumeTimer !== null) clock.clearTimeout(resumeTimer);
    resumeTimer = clock.setTimeout(() => {
      resumeTimer = null;
      pausedUntil = 0;
      // Refused writes go again in queue order. A write sent after the refused
      // one may already have been accepted (the bucket refilled in between);
      // the server's expected_version checks catch the rare pair that conflicts.
      pump();
      for (const id of [...heldReads]) {
        heldReads.delete(id);
        const read = reads.get(id);
        if (read) send(read.frame);
      }
    }, Math.max(retryAfterMs, 1));
  };

  const holdWrites = (messageId: string, retryAfterMs: number) => {
    sentOnSocket.delete(messageId);
    writesHeldUntil = Math.max(writesHeldUntil, clock.now() + Math.max(retryAfterMs, 1));
    if (writesTimer !== null) clock.clearTimeout(writesTimer);
    writesTimer = clock.setTimeout(() => {
      writesTimer = null;
      writesHeldUntil = 0;
      pump();
    }, writesHeldUntil - clock.now());
  };

  const failReads = (reason: ConnectionErrorReason, message: string) => {
    const failed = [...reads.values()];
    reads.clear();
    heldReads.clear();
    for (const read of failed) for (const w of read.waiters) w.reject(new ConnectionError(reason, message));
  };

  const handleReply = (frame: IServerFrame) => {
    const messageId = frame.messageId ?? '';
    if (!messageId) {
      // The server's own word about a project (access ended) names it; an Error
      // to a frame the server could not read names nothing, and nobody waits for it.
      if (frame.error?.projectId) emit(serverErrorListeners, RequestError.fromFrame(frame.error));
      return;
    }
    const error = frame.error ? RequestError.fromFrame(frame.error) : null;
    const index = queue.findIndex((e) => e.messageId === messageId);
    const read = reads.get(messageId);
    if (index < 0 && !read) return;

    const recovery = error ? recoveryOf(error.code) : null;
    if (error && recovery === 'retry-after') {
      // Refused before it was run, and not remembered by id: the same frame goes again later.
      holdAfterRateLimit(messageId, error.retryAfterMs, index >= 0);
      return;
    }

    if (index >= 0) {
      // The server refuses an expired token before running the command, then
      // closes with 4001: the write stays queued and goes again on the next socket.
      if (recovery === 'reauthenticate') return;
      // Nothing was written and the refusal is not remembered: the same frame
      // goes again later, and the caller's promise stays pending meanwhile.
      if (error && recovery === 'keep-queued') return holdWrites(messageId, error.retryAfterMs);
      const [entry] = queue.splice(index, 1);
      sentOnSocket.delete(messageId);
      // If this delete is lost the entry is replayed after a reload; the server
      // answers a known id with its first reply, so that costs a round trip, not a duplicate.
      outbox.delete(messageId).catch(() => undefined);
      const meta = entry!.meta;
      const reply: Reply = error
        ? { ok: false, messageId, command: meta.command, meta, error }
        : { ok: true, messageId, command: meta.command, meta, result: frame.result ?? {} };
      emit(replyListeners, reply);
      const waiters = writeWaiters.get(messageId) ?? [];
      writeWaiters.delete(messageId);
      for (const w of waiters) error ? w.reject(error) : w.resolve(frame.result ?? {});
      return;
    }

    reads.delete(messageId);
    heldReads.delete(messageId);
    const reply: Reply = error
      ? { ok: false, messageId, command: read!.command, meta: null, error }
      : { ok: true, messageId, command: read!.command, meta: null, result: frame.result ?? {} };
    emit(replyListeners, reply);
    for (const w of read!.waiters) error ? w.reject(error) : w.resolve(frame.result ?? {});
  };

  const handleMessage = (data: unknown) => {
    const bytes = frameBytes(data);
    if (!bytes) return;
    let frame: IServerFrame;
    try {
      frame = pb.ServerFrame.decode(bytes);
    } catch {
      // Nothing sensible to do with bytes we cannot read. A lost event shows
      // up as a seq gap in the feed, which catches up from the log.
      return;
    }
    if (frame.event) emit(eventListeners, frame.event);
    else if (frame.notification) emit(notificationListeners, frame.notification);
    else handleReply(frame);
  };

  const scheduleRetry = (kind: CloseKind, closeCode: number | null) => {
    if (closed) return;
    const delay = retryDelay(backoff, attempt, kind, random);
    attempt += 1;
    setState({ state: 'offline', attempt, nextRetryAt: clock.now() + delay, closeCode });
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
  };

  const dropSocket = () => {
    socket = null;
    sentOnSocket.clear();
    pausedUntil = 0;
    if (resumeTimer !== null) clock.clearTimeout(resumeTimer);
    resumeTimer = null;
    // The next socket replays the whole outbox; a server still out of space refuses it again.
    writesHeldUntil = 0;
    if (writesTimer !== null) clock.clearTimeout(writesTimer);
    writesTimer = null;
  };

  const connect = async () => {
    if (closed) return;
    const generation = ++connectGeneration;
    setState({ state: 'connecting', attempt });
    let token: string | null;
    try {
      // Asked every time, so a token refreshed since the last socket (4001) is used.
      token = await tokenProvider();
    } catch {
      if (generation === connectGeneration) scheduleRetry('transient', null);
      return;
    }
    if (closed || generation !== connectGeneration) return;
    const protocols = token ? [SUBPROTOCOL, `${BEARER_PROTOCOL_PREFIX}${token}`] : [SUBPROTOCOL];
    let ws: SocketLike;
    try {
      ws = new options.WebSocketImpl(options.url, protocols);
    } catch {
      scheduleRetry('transient', null);
      return;
    }
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = () => {
      if (ws !== socket) return;
      attempt = 0;
      // Listeners (the feed) resubscribe inside this call, so the catch-up is
      // asked for before the queued writes go out below.
      setState({ state: 'open' });
      chain = chain.then(pump).catch(() => undefined);
    };
    ws.onmessage = (event) => {
      if (ws === socket) handleMessage(event.data);
    };
    ws.onclose = (event) => {
      if (ws !== socket) return;
      dropSocket();
      failReads('dropped', 'The connection closed before the reply came');
      scheduleRetry(classifyClose(event.code), event.code);
    };
    // An error is always followed by a close, which decides what happens next.
    ws.onerror = () => undefined;
  };

  const addWriteWaiter = (messageId: string, waiter: Waiter) => {
    const list = writeWaiters.get(messageId);
    if (list) list.push(waiter);
    else writeWaiters.set(messageId, [waiter]);
  };

  const removeWriteWaiter = (messageId: string, waiter: Waiter) => {
    const list = writeWaiters.get(messageId)?.filter((w) => w !== waiter) ?? [];
    if (list.length > 0) writeWaiters.set(messageId, list);
    else writeWaiters.delete(messageId);
  };

  const write = (command: Command, name: CommandName, messageId: string, frame: Uint8Array, opts: RequestOptions) =>
    new Promise<IResult>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      addWriteWaiter(messageId, waiter);
      storing++;
      const step = chain.then(async () => {
        // Asked again while still unanswered: one entry, one more waiter.
        if (queue.some((e) => e.messageId === messageId)) return;
        const entry: OutboxEntry = {
          messageId,
          frameBytes: frame,
          createdAt: clock.now(),
          meta: { ...opts.meta, command: name, projectId: opts.projectId ?? projectIdOfCommand(command) },
        };
        // Stored before it is sent: once the socket has it, a reload must still know it was asked for.
        await outbox.put(entry);
        if (closed) return;
        queue.push(entry);
        pump();
      }).finally(() => {
        storing--;
      });
      chain = step.catch(() => undefined);
      step.catch((err: unknown) => {
        removeWriteWaiter(messageId, waiter);
        reject(err instanceof Error ? err : new Error(String(err)));
      });
    });

  const read = (name: CommandName, messageId: string, frame: Uint8Array) => {
    if (state.state !== 'open') {
      return Promise.reject(new ConnectionError('offline', `Cannot ${name} while offline`));
    }
    return new Promise<IResult>((resolve, reject) => {
      const known = reads.get(messageId);
      if (known) {
        known.waiters.push({ resolve, reject });
        return;
      }
      const inFlight: ReadInFlight = { command: name, frame, waiters: [{ resolve, reject }] };
      reads.set(messageId, inFlight);
      sendRead(messageId, inFlight);
    });
  };

  const connection: Connection = {
    get state() {
      return state;
    },

    request(command, opts = {}) {
      const name = commandName(command);
      const messageId = opts.messageId ?? newMessageId();
      if (closed) return Promise.reject(new ConnectionError('closed', 'The connection was closed'));
      if (messageId.length < 1 || messageId.length > MESSAGE_ID_MAX) {
        // An empty id would get a reply nobody can match: refuse it here.
        return Promise.reject(new RequestError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, `message_id must be 1-${MESSAGE_ID_MAX} characters`, 'message_id'));
      }
      const frame = pb.ClientFrame.encode({ ...command, messageId }).finish();
      if (frame.byteLength > maxFrameBytes) {
        // The server would close the socket (1009) and a queued copy would do it
        // again after every reconnect: refuse it before it reaches the outbox.
        return Promise.reject(new RequestError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, `The ${name} frame is larger than ${maxFrameBytes} bytes`, 'frame'));
      }
      return isWrite(name) ? write(command, name, messageId, frame, opts) : read(name, messageId, frame);
    },

    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onReply(listener) {
      replyListeners.add(listener);
      return () => replyListeners.delete(listener);
    },
    onServerError(listener) {
      serverErrorListeners.add(listener);
      return () => serverErrorListeners.delete(listener);
    },
    onNotification(listener) {
      notificationListeners.add(listener);
      return () => notificationListeners.delete(listener);
    },

    pending: () => [...queue],
    storing: () => storing,

    reconnectNow() {
      if (state.state !== 'offline') return;
      if (retryTimer !== null) clock.clearTimeout(retryTimer);
      retryTimer = null;
      void connect();
    },

    close() {
      if (closed) return;
      closed = true;
      connectGeneration++;
      if (retryTimer !== null) clock.clearTimeout(retryTimer);
      retryTimer = null;
      const ws = socket;
      dropSocket();
      ws?.close(1000, 'client closed');
      failReads('closed', 'The connection was closed');
      const waiters = [...writeWaiters.values()].flat();
      writeWaiters.clear();
      for (const w of waiters) w.reject(new ConnectionError('closed', 'The connection was closed; the write stays in the outbox'));
      setState({ state: 'closed' });
    },
  };

  void connect();
  return connection;
}
