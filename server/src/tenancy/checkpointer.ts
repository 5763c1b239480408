// WAL checkpoints off the event loop. A checkpoint copies the pages that
// commits appended to a file's WAL back into the database file and syncs it.
// Left to SQLite, it runs inside whichever commit crosses 1,000 WAL pages: at
// a few thousand writes a second that is many times a second, each a stall of
// milliseconds for every socket of the instance. So tenant connections turn
// it off (wal_autocheckpoint = 0, see tenant-db.ts) and a worker thread
// (checkpoint-worker.js) checkpoints each file written since its last round,
// a few times a second.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.ts';

type WorkerReply = 'stopped' | { done: number } | { failed: string; error: string };

export class Checkpointer {
  private worker: Worker;
  private dirty = new Set<string>();
  /** Resolvers of the round in flight, if any: one round at a time, so a slow disk does not pile them up. */
  private inFlight: Array<() => void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly log: Logger,
    intervalMs = 200,
  ) {
    this.worker = this.start();
    this.timer = setInterval(() => this.round(), intervalMs);
    this.timer.unref();
  }

  /** A transaction committed to this file. */
  wrote(path: string): void {
    this.dirty.add(path);
  }

  /** Checkpoints every file written so far; resolves when that round is done. */
  flush(): Promise<void> {
    return new Promise((resolve) => {
      if (this.inFlight) this.inFlight.push(() => void this.flush().then(resolve));
      else if (!this.round(resolve)) resolve();
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

  private round(done?: () => void): boolean {
    if (this.inFlight || this.dirty.size === 0) return false;
    const paths = [...this.dirty];
    this.dirty = new Set();
    this.inFlight = done ? [done] : [];
    this.worker.postMessage({ paths });
    return true;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url));
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      if (typeof reply === 'object' && 'failed' in reply) this.log.warn('checkpoint_failed', { path: reply.failed, error: reply.error });
      if (typeof reply === 'object' && 'done' in reply) this.finishRound();
    });
    worker.on('error', (err) => this.log.error('checkpointer_failed', { error: err.message }));
    // Without the thread, WALs would grow without bound: a new one takes over.
    worker.on('exit', () => {
      if (this.stopping) return;
      this.log.error('checkpointer_restarted', {});
      this.finishRound();
      this.worker = this.start();
    });
    return worker;
  }

  private finishRound(): void {
    const waiting = this.inFlight ?? [];
    this.inFlight = null;
    for (const resolve of waiting) resolve();
  }
}
