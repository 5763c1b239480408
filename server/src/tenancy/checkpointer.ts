// WAL checkpoints off the event loop. A checkpoint copies the pages that
// commits appended to a file's WAL back into the database file and syncs it.
// Left to SQLite, it runs inside whichever commit crosses 1,000 WAL pages: at
// a few thousand writes a second that is many times a second, each a stall of
// milliseconds for every socket of the instance. So tenant connections turn
// it off (wal_autocheckpoint = 0, see tenant-db.ts) and a worker thread
// (checkpoint-worker.js) checkpoints the files that were written.
//
// Not every round: a checkpoint has a fixed cost (a sync, the WAL lock, the
// wal-index reset) and copies each changed page once however often it was
// rewritten, so a busy file is worth checkpointing only after it has gathered
// commits. A file is due once it has waited `settleMs` since its first commit
// after the last checkpoint, or sooner when it gathered `maxCommits` (which
// bounds the WAL of a file written flat out). The worker shares the
// instance's cores, so checkpointing every file five times a second cost a
// third of the write throughput.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.ts';

type WorkerReply = 'stopped' | { done: number } | { failed: string; error: string } | { holdFailed: string; error: string };

export interface CheckpointTimings {
  /** How often due files are looked for. */
  tickMs: number;
  /** A written file waits this long for more commits before its checkpoint. */
  settleMs: number;
  /** ...or until it has this many. */
  maxCommits: number;
}

export const DEFAULT_CHECKPOINT_TIMINGS: CheckpointTimings = { tickMs: 200, settleMs: 1000, maxCommits: 200 };

interface Dirty {
  since: number;
  commits: number;
}

export class Checkpointer {
  private worker: Worker;
  private dirty = new Map<string, Dirty>();
  /** The files the main thread has open: a thread that takes over after a crash holds them again. */
  private readonly held = new Set<string>();
  /** Resolvers of the round in flight, if any: one round at a time, so a slow disk does not pile them up. */
  private inFlight: Array<() => void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly log: Logger,
    private readonly timings: CheckpointTimings = DEFAULT_CHECKPOINT_TIMINGS,
    /** The most files the main thread keeps open (OPEN_DATABASES): the thread holds each of them too. */
    private readonly mainOpen = 256,
  ) {
    this.worker = this.start();
    this.timer = setInterval(() => this.round(), timings.tickMs);
    this.timer.unref();
  }

  /** A transaction committed to this file. */
  wrote(path: string): void {
    const known = this.dirty.get(path);
    if (known) known.commits++;
    else this.dirty.set(path, { since: Date.now(), commits: 1 });
  }

  /**
   * The main thread opened this file: the thread opens it too and holds it
   * until closed(), so the main thread's close is not the last connection's
   * (which checkpoints, syncs and removes the WAL on the event loop).
   */
  opened(path: string): void {
    this.held.add(path);
    this.worker.postMessage({ hold: path });
  }

  /**
   * The main thread closed this file: the thread closes its connection, the
   * last one, which finishes the WAL there. No round needs the file any more.
   */
  closed(path: string): void {
    this.dirty.delete(path);
    this.held.delete(path);
    this.worker.postMessage({ release: path });
  }

  /** Checkpoints every file written so far; resolves when that round is done. */
  flush(): Promise<void> {
    return new Promise((resolve) => {
      if (this.inFlight) this.inFlight.push(() => void this.flush().then(resolve));
      else if (!this.round(resolve, true)) resolve();
    });
  }

  /** Waits for the thread to close its connections (the last one to a file removes its WAL). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    this.stopping = true;
    const stopped = new Promise<void>((resolve) => this.worker.once('message', () => resolve()));
    this.worker.postMessage('stop');
    await stopped;
    await this.worker.terminate();
  }

  /** Sends the due files (every written one when `all`) to the thread; false if there were none. */
  private round(done?: () => void, all = false): boolean {
    if (this.inFlight || this.dirty.size === 0) return false;
    const settledBefore = Date.now() - this.timings.settleMs;
    const paths: string[] = [];
    for (const [path, { since, commits }] of this.dirty) {
      if (all || since <= settledBefore || commits >= this.timings.maxCommits) paths.push(path);
    }
    if (paths.length === 0) return false;
    for (const path of paths) this.dirty.delete(path);
    this.inFlight = done ? [done] : [];
    this.worker.postMessage({ paths });
    return true;
  }

  private start(): Worker {
    // Room for the files whose release is still on its way.
    const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), { workerData: { maxOpen: this.mainOpen + 64 } });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      if (typeof reply === 'object' && 'failed' in reply) this.log.warn('checkpoint_failed', { path: reply.failed, error: reply.error });
      if (typeof reply === 'object' && 'holdFailed' in reply) this.log.warn('checkpoint_hold_failed', { path: reply.holdFailed, error: reply.error });
      if (typeof reply === 'object' && 'done' in reply) this.finishRound();
    });
    worker.on('error', (err) => this.log.error('checkpointer_failed', {}, err));
    // Without the thread, WALs would grow without bound: a new one takes over.
    worker.on('exit', () => {
      if (this.stopping) return;
      this.log.error('checkpointer_restarted', {});
      this.finishRound();
      this.worker = this.start();
      for (const path of this.held) this.worker.postMessage({ hold: path });
    });
    return worker;
  }

  private finishRound(): void {
    const waiting = this.inFlight ?? [];
    this.inFlight = null;
    for (const resolve of waiting) resolve();
  }
}
