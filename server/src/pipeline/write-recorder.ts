// A write's WriteContext: `emit` appends the event with the project's next seq
// and its activity rows, in the write's transaction, and keeps what was
// appended for the fan-out after the commit.
import type { Caller } from '../auth/caller.ts';
import type { Emit, WriteContext } from '../handlers/context.ts';
import { recordActivity } from '../storage/activity.ts';
import { appendEvent, nextSeq, type AppendedEvent } from '../storage/events.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';

export class WriteRecorder implements WriteContext {
  readonly events: AppendedEvent[] = [];
  lastSeq = 0;

  constructor(
    readonly db: TenantDb,
    readonly caller: Caller,
    readonly now: number,
  ) {}

  emit(e: Emit): number {
    const seq = nextSeq(this.db, e.projectId);
    const event = { projectId: e.projectId, seq, actorId: this.caller.userId, occurredAtMs: this.now, ...e.change };
    this.events.push(appendEvent(this.db, event, e.kind, e.entityId, e.changedFields));
    recordActivity(
      this.db,
      { projectId: e.projectId, entityType: e.kind, entityId: e.entityId, workItemId: e.workItemId },
      e.activity,
      this.caller.userId,
      this.now,
      seq,
    );
    this.lastSeq = seq;
    return seq;
  }
}
