// An upload's body written to its incoming file as it arrives, hashed on the
// way, never held whole: each chunk is hashed and queued for the disk, and
// past HIGH_WATER queued bytes the client is paused until the disk catches up
// (the network can outrun the disk, and the queue would otherwise grow). A
// body past the size limit, cut off, or failing to write leaves no file.
import { createHash } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { HEAD_BYTES } from './raster-type.ts';

const HIGH_WATER = 1024 * 1024;
const LOW_WATER = 256 * 1024;

export interface ReceivedFile {
  path: string;
  sha256: string;
  size: number;
  /** The first bytes, to tell what the file is. */
  head: Buffer;
}

/** Past the size limit: nothing is kept. */
export class UploadTooBig extends Error {}

/** The client went away before the last byte. */
export class UploadCutOff extends Error {}

export interface BodyFlow {
  pause(): void;
  resume(): void;
}

export class UploadFile {
  /** Resolves once the whole body is on disk (synced); rejects once the file is gone again. */
  readonly done: Promise<ReceivedFile>;
  private readonly hash = createHash('sha256');
  private size = 0;
  private head = Buffer.alloc(0);
  private queued = 0;
  private paused = false;
  private failed = false;
  /** Whole and handed over: from here the route owns the file. */
  private received = false;
  private file: FileHandle | null = null;
  /** Each write after the one before, so the file gets the chunks in order. */
  private writes: Promise<void>;
  private settle!: { resolve(file: ReceivedFile): void; reject(err: Error): void };

  constructor(
    private readonly path: string,
    private readonly maxBytes: number,
    private readonly flow: BodyFlow,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // 'wx': a path is made for one upload only; finding a file there is a bug, not something to overwrite.
    this.writes = open(path, 'wx').then(
      (file) => void (this.file = file),
      (err: Error) => this.fail(err),
    );
  }

  push(chunk: Buffer, isLast: boolean): void {
    if (this.failed) return;
    this.size += chunk.byteLength;
    if (this.size > this.maxBytes) return this.fail(new UploadTooBig());
    this.hash.update(chunk);
    if (this.head.byteLength < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.byteLength)]);
    this.queued += chunk.byteLength;
    this.then(async () => {
      await this.file!.write(chunk);
      this.queued -= chunk.byteLength;
      if (this.paused && this.queued <= LOW_WATER && !this.failed) {
        this.paused = false;
        this.flow.resume();
      }
    });
    if (!this.paused && this.queued > HIGH_WATER) {
      this.paused = true;
      this.flow.pause();
    }
    if (isLast) {
      this.then(async () => {
        // Synced before it is renamed and named by a committed row: a crash must not leave a row over half a file.
        await this.file!.sync();
        await this.file!.close();
        this.file = null;
        this.received = true;
        this.settle.resolve({ path: this.path, sha256: this.hash.digest('hex'), size: this.size, head: this.head });
      });
    }
  }

  /** The client went away: whatever arrived is dropped. */
  abort(): void {
    this.fail(new UploadCutOff());
  }

  private then(step: () => Promise<void>): void {
    this.writes = this.writes.then(() => (this.failed ? undefined : step())).catch((err: Error) => this.fail(err));
  }

  private fail(err: Error): void {
    if (this.failed || this.received) return;
    this.failed = true;
    // The rest of the body still arrives and is ignored; a paused client would never send it.
    if (this.paused) {
      this.paused = false;
      this.flow.resume();
    }
    // After the write in flight, if any: the file is closed and removed before anyone hears of the failure.
    void this.writes.then(async () => {
      await this.file?.close().catch(() => undefined);
      this.file = null;
      await rm(this.path, { force: true });
      this.settle.reject(err);
    });
  }
}
