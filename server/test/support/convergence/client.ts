// One SDK client as a page would run it: a Connection (outbox, replay,
// reconnect) and a project feed, building its own board (model.ts) from the
// board it started with, the events the feed hands on and its own Results.
// It also keeps what the checks need: every write it made with its reply
// (across reloads), and every seq this page was handed, in order.
import { ErrorCode, type IEvent, type IResult } from '../../../../shared/proto.ts';
import {
  ConnectionError, makeConnection, makeMemoryOutbox, makeProjectFeed, type Command, type Connection, type ProjectFeed,
} from '../../../../shared/sdk/index.ts';
import { destroyTcp, tapSockets, waitFor, type SocketTap } from '../../../../shared/sdk/test-harness.ts';
import type { Session } from '../accounts.ts';
import { BoardModel } from './model.ts';
import type { Op } from './ops.ts';

export type WriteReply =
  | { ok: true; result: IResult }
  | { ok: false; code: ErrorCode; message: string };

export interface WriteRecord {
  /** "c1#7": client c1's seventh write. */
  ref: string;
  userId: string;
  messageId: string;
  command: Command;
  label: string;
  reply?: WriteReply;
}

export const codeName = (code: ErrorCode) => (ErrorCode[code] ?? String(code)).replace('ERROR_CODE_', '');

export interface ClientOptions {
  name: string;
  url: string;
  session: Session;
  projectId: string;
  changedFieldsOnly: boolean;
  /** Prefix of this client's message ids (seed and client), so a log names them. */
  idPrefix: string;
  log(line: string): void;
}

/**
 * A page: it can be reloaded (reload()), which closes the connection with
 * writes still unanswered and starts over from a fresh board, as a browser
 * tab would, keeping the outbox (the page's IndexedDB) so the new connection
 * replays those writes under their original ids.
 */
export class SdkClient {
  readonly outbox = makeMemoryOutbox();
  readonly writes: WriteRecord[] = [];
  /** Rule breaks noticed while running (events out of order, a second reply, a resync, ...). */
  readonly problems: string[] = [];
  tap!: SocketTap;
  conn!: Connection;
  model!: BoardModel;
  feed!: ProjectFeed;
  /** Seqs this page was handed, in order: events from the feed, and own Results the feed counted (see start()). */
  handed: number[] = [];
  /** The seq of the board this page started from: it must be handed every seq after it. */
  startSeq = 0;
  /** Pages before this one (reloaded away): what each was handed, from its board's seq to where its feed got. */
  readonly pastPages: { handed: number[]; from: number; to: number }[] = [];
  /** Every event the feed handed on, on any page of this client. */
  readonly received: IEvent[] = [];
  /** Partial items (changed fields only) this client laid over items it held. */
  partials = 0;
  private lastEvent = 0;
  private readonly byId = new Map<string, WriteRecord>();

  private constructor(readonly opts: ClientOptions) {}

  /** The page being loaded (a reload waits for it: a tab cannot reload before it has loaded). */
  private loading: Promise<void> = Promise.resolve();

  static async open(opts: ClientOptions): Promise<SdkClient> {
    const client = new SdkClient(opts);
    await (client.loading = client.start());
    return client;
  }

  /** A new page: connection, board, feed. */
  private async start(): Promise<void> {
    const { opts } = this;
    this.handed = [];
    this.lastEvent = 0;
    const page = { model: undefined as BoardModel | undefined, feed: undefined as ProjectFeed | undefined };
    this.tap = tapSockets();
    const conn = makeConnection({
      url: opts.url,
      token: async () => opts.session.token,
      WebSocketImpl: this.tap.Impl,
      outbox: this.outbox,
      backoff: { initialMs: 40, maxMs: 300 },
      random: () => 0.5,
    });
    this.conn = conn;
    // Registered before the feed's own listener, so it runs first and sees the
    // feed's cursor as the feed is about to judge this Result: the feed counts
    // an own seq only when it is past what it has handed on already (a seq
    // that came first as a replayed event is not handed on twice). Replies
    // that come before this page has its board (writes of the page before,
    // replayed from the outbox) are in that board already.
    conn.onReply((reply) => {
      if (reply.meta === null) return; // reads and subscribes
      const record = this.byId.get(reply.messageId);
      if (!record) {
        this.problems.push(`${opts.name}: a reply to ${reply.messageId}, which this client never sent`);
        return;
      }
      if (record.reply) this.problems.push(`${opts.name}: a second reply to ${record.ref}`);
      if (!reply.ok) {
        record.reply = { ok: false, code: reply.error.code, message: reply.error.message };
        opts.log(`    ${record.ref} <- ${codeName(reply.error.code)}: ${reply.error.message}`);
        return;
      }
      record.reply = { ok: true, result: reply.result };
      const seq = Number(reply.result.seq ?? 0);
      const last = page.feed?.lastSeq(opts.projectId);
      if (seq > 0 && last !== undefined && seq > last) this.handed.push(seq);
      page.model?.applyResult(reply.result);
      opts.log(`    ${record.ref} <- ok${seq ? ` seq ${seq}` : ' (no change)'}`);
    });
    const { board } = await this.read(conn, { getBoard: { projectId: opts.projectId } });
    page.model = this.model = new BoardModel(board!, opts.name);
    this.startSeq = Number(board!.seq ?? 0);
    page.feed = this.feed = makeProjectFeed(conn, {
      onEvent: (event) => this.onEvent(event),
      onResync: (projectId) => this.problems.push(`${opts.name}: RESYNC_REQUIRED for ${projectId} (the log is never trimmed here)`),
      onError: (projectId, error) => this.problems.push(`${opts.name}: subscribe to ${projectId} refused: ${error.message}`),
      changedFieldsOnly: opts.changedFieldsOnly,
    });
    this.feed.watch(opts.projectId, this.startSeq);
    for (const item of board!.workItems ?? []) {
      const { comments } = await this.read(conn, { getComments: { workItemId: item.id! } });
      page.model.loadComments(item.id!, comments!.comments ?? []);
    }
  }

  /** A read as a page makes it: reads are never queued, so one that a dropped socket lost is asked again. */
  private async read(conn: Connection, command: Command): Promise<IResult> {
    for (let attempt = 1; ; attempt++) {
      await waitFor(() => (conn.state.state === 'open' ? true : undefined), `${this.opts.name} to open`, 10_000);
      try {
        return await conn.request(command);
      } catch (err) {
        if (!(err instanceof ConnectionError) || err.reason === 'closed' || attempt >= 5) throw err;
      }
    }
  }

  private onEvent(event: IEvent): void {
    const seq = Number(event.seq ?? 0);
    if (seq === 0) return; // presence: never stored, no seq
    if (event.projectId !== this.opts.projectId) {
      this.problems.push(`${this.opts.name}: an event of project ${event.projectId}, which it does not watch`);
      return;
    }
    if (seq <= this.lastEvent) this.problems.push(`${this.opts.name}: event seq ${seq} handed on after seq ${this.lastEvent}`);
    this.lastEvent = Math.max(this.lastEvent, seq);
    this.handed.push(seq);
    this.received.push(event);
    if (event.workItem?.partial) this.partials++;
    this.model.applyEvent(event);
  }

  /** Sends a write through the outbox; resolves once it is answered (or its page is gone). */
  write(op: Op): { record: WriteRecord; settled: Promise<void> } {
    const n = this.writes.length + 1;
    const record: WriteRecord = {
      ref: `${this.opts.name}#${n}`,
      userId: this.opts.session.user.id,
      messageId: `${this.opts.idPrefix}-${n}`,
      command: op.command,
      label: op.label,
    };
    this.writes.push(record);
    this.byId.set(record.messageId, record);
    this.opts.log(`  ${record.ref} -> ${op.label}`);
    const settled = this.conn
      .request(op.command, { messageId: record.messageId, projectId: this.opts.projectId })
      .then(() => undefined, () => undefined); // refusals are recorded by onReply
    return { record, settled };
  }

  /** Drops the socket at the TCP level, as a lost network would: no close frame. */
  drop(): boolean {
    if (this.conn.state.state !== 'open') return false;
    destroyTcp(this.tap.sockets.at(-1));
    return true;
  }

  /** The page reloads: unanswered writes stay in the outbox for the next connection. */
  async reload(): Promise<number> {
    await this.loading;
    const unanswered = this.conn.pending().length;
    this.pastPages.push({ handed: this.handed, from: this.startSeq, to: this.feed.lastSeq(this.opts.projectId) ?? this.startSeq });
    this.close();
    await (this.loading = this.start());
    return unanswered;
  }

  close(): void {
    this.feed?.dispose();
    this.conn?.close();
  }
}
