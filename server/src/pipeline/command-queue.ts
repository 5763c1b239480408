// Group commit. Commands wait for the end of the current event-loop turn,
// queued per tenant; then the writes that arrived together run in ONE SQLite
// transaction, each inside its own savepoint (write.ts's nested transaction),
// so a refused write undoes only itself. Most of a write's cost is the commit
// (appending the touched pages to the WAL, and with synchronous=FULL an
// fsync), and writes that share a commit share those pages.
//
// Nothing is delivered before the commit: a reply is an acknowledgement and
// must never name a write that could still be rolled back. Reads and session
// commands keep their place in the queue, so one socket's commands are still
// answered in the order sent and a read sees the writes sent before it.
import type { AppError } from '../../../shared/domain/errors.ts';
import { ErrorCode, type ClientFrame } from '../../../shared/proto.ts';
import { isWrite } from '../../../shared/protocol/commands.ts';
import type { Caller } from '../auth/caller.ts';
import { dispatch, type DispatchDeps, type Dispatched } from './dispatch.ts';
import { errorFrame, internalError } from './reply.ts';
import { isStorageFault } from '../tenancy/storage-fault.ts';
import { retryWhileBusy, storageUnavailable } from './write.ts';

export interface Job {
  caller: Caller;
  subscriptions: ReadonlySet<string>;
  frame: ClientFrame;
  now: number;
  /** Called once with the outcome, after its write (if any) is committed. */
  deliver(out: Dispatched): void;
}

/**
 * Bounds how long the first write of a busy turn waits for the last one's
 * work before its commit, and so its reply latency.
 */
export const MAX_WRITES_PER_COMMIT = 128;

const isWriteFrame = (frame: ClientFrame): boolean => frame.command !== undefined && isWrite(frame.command);

export interface QueueDeps extends DispatchDeps {
  /**
   * Why the tenant's writes are refused just now, or null: it is read-only
   * while its file moves to another cell (decision 57). Asked once per group,
   * before any transaction begins; reads and session commands go on.
   */
  writesRefused?(tenantId: string): AppError | null;
}

export class CommandQueue {
  private pending = new Map<string, Job[]>();
  private scheduled: NodeJS.Immediate | null = null;

  constructor(
    private readonly deps: QueueDeps,
    /** Told the size of each group commit. */
    private readonly onCommit: (writes: number) => void = () => {},
  ) {}

  push(job: Job): void {
    const jobs = this.pending.get(job.caller.tenantId);
    if (jobs) jobs.push(job);
    else this.pending.set(job.caller.tenantId, [job]);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Runs and delivers everything queued; also used on shutdown. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const pending = this.pending;
    this.pending = new Map();
    for (const [tenantId, jobs] of pending) this.runTenant(tenantId, jobs);
  }

  private runTenant(tenantId: string, jobs: Job[]): void {
    for (let start = 0; start < jobs.length; ) {
      let end = start;
      while (end < jobs.length && end - start < MAX_WRITES_PER_COMMIT && isWriteFrame(jobs[end]!.frame)) end++;
      if (end === start) {
        const job = jobs[start++]!;
        job.deliver(this.run(job));
        continue;
      }
      const group = jobs.slice(start, end);
      const outs = this.commitTogether(tenantId, group);
      group.forEach((job, i) => job.deliver(outs[i]!));
      start = end;
    }
  }

  private run(job: Job): Dispatched {
    return dispatch(this.deps, job.caller, job.subscriptions, job.frame, job.now);
  }

  private commitTogether(tenantId: string, group: Job[]): Dispatched[] {
    const refused = this.deps.writesRefused?.(tenantId);
    if (refused) return group.map((job) => refusal(job, refused));
    this.onCommit(group.length);
    if (group.length === 1) return [this.run(group[0]!)];
    let storageFault = false;
    try {
      const db = this.deps.database(tenantId);
      return retryWhileBusy(() => db.transaction(() => group.map((job) => {
        const out = this.run(job);
        // On a full disk SQLite may roll back the whole transaction, not just
        // the failing statement (write.ts answered that write UNAVAILABLE):
        // the writes before it are gone too, and the ones after it would each
        // commit on their own. So the group ends here, and nobody gets a Result.
        if (!db.sqlite.inTransaction) {
          storageFault = out.errorCode === ErrorCode.ERROR_CODE_UNAVAILABLE;
          throw new Error(`the group transaction was rolled back at ${job.frame.messageId}`);
        }
        return out;
      })));
    } catch (err) {
      // The commit itself failed (disk full, I/O error, the lock never came):
      // none of these writes happened, and each sender may safely resend.
      storageFault ||= isStorageFault(err);
      const answer = storageFault ? storageUnavailable() : internalError();
      if (storageFault) this.deps.log.warn('group_not_stored', { tenant: tenantId, writes: group.length, error: String(err) });
      else this.deps.log.error('group_commit_failed', { tenant: tenantId, writes: group.length }, err);
      return group.map((job) => refusal(job, answer));
    }
  }
}

/** A write answered with an error without running: nothing of it was done. */
const refusal = (job: Job, error: AppError): Dispatched => ({
  command: job.frame.command ?? 'unknown',
  reply: errorFrame(job.frame.messageId, job.now, error),
  errorCode: error.code,
  events: [],
  session: null,
  notices: [],
});
