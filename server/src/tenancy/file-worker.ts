// A thread for whole-file work on SQLite files (file-worker-thread.js): a
// consistent copy through the online backup API, which is safe while other
// connections write (a plain file copy of a WAL database can miss committed
// pages or catch a half-written one), and a file's figures: integrity_check,
// page count, every table's rows, each project's last event seq. Used by
// scripts/backup.ts and by tenant moves (docs/DESIGN.md decision 57). Off the
// event loop: in slices on it, a 100 MB backup held the loop for milliseconds
// per slice (each slice a commit and an fsync of the copy), and an integrity
// check for a second at once.
import { Worker } from 'node:worker_threads';

export interface FileFigures {
  /** integrity_check's verdict, 'ok' when sound; null when it was not asked for. */
  integrity: string | null;
  pages: number;
  /** Table name → rows. */
  tables: Record<string, number>;
  /** Project id → its last event seq (a tenant file's pm_events). */
  seqs: Record<string, number>;
}

type Reply = { id: number; ok: unknown } | { id: number; error: string };

export class FileWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  private next = 0;
  private failure: Error | null = null;

  /**
   * Starts the thread now, so its start (a tenth of a second on a slow
   * machine) can overlap other work before the first job.
   */
  constructor() {
    // Plain JavaScript: without the parent's loader (tsx) the thread starts several times faster.
    this.worker = new Worker(new URL('./file-worker-thread.js', import.meta.url), { execArgv: [] });
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.ok);
    });
    const fail = (err: Error) => {
      this.failure = err;
      for (const waiter of this.waiting.values()) waiter.reject(err);
      this.waiting.clear();
    };
    this.worker.once('error', fail);
    this.worker.once('exit', (code) => fail(new Error(`the file thread exited with ${code}`)));
  }

  /** Copies `source` to `dest` (a new file) as one consistent snapshot, without WAL. */
  async copy(source: string, dest: string): Promise<void> {
    await this.ask({ copy: { source, dest } });
  }

  inspect(path: string, { integrity }: { integrity: boolean }): Promise<FileFigures> {
    return this.ask({ inspect: { path, integrity } }) as Promise<FileFigures>;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private ask(job: object): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...job });
    });
  }
}
