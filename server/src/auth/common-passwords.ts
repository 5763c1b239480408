// Asks the common-password thread (common-password-worker.js) whether a
// password is one of the commonest. The thread starts on the first question,
// so servers that never see a sign-up never pay for the list.
import { Worker } from 'node:worker_threads';

export class CommonPasswords {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(common: boolean): void; reject(err: Error): void }>();

  isCommon(password: string): Promise<boolean> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, password });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./common-password-worker.js', import.meta.url));
    worker.unref();
    worker.on('message', ({ id, common }: { id: number; common: boolean }) => {
      this.waiting.get(id)?.resolve(common);
      this.waiting.delete(id);
    });
    // A dead thread fails the questions it held; the next question starts a new one.
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the common-password thread exited (${code})`)));
    return worker;
  }
}
