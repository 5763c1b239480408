// A write's WriteContext: `emit` appends the event with the project's next seq
// and its activity rows, in the write's transaction, and keeps what was
// appended for the fan-out after the commit.
import type { Caller } from '../auth/caller.ts';
import type { Emit, WriteContext } from '../handlers/context.ts';
import type { INotificationNotice } from '../../../shared/proto.ts';
import type { Notice } from '../notifications/record.ts';
import type { Emitted } from '../notifications/rules.ts';
import { recordActivity } from '../storage/activity.ts';
import { appendEvent, nextSeq, type AppendedEvent } from '../storage/events.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import { enqueueDeliveries } from '../webhooks/outbox.ts';

export class WriteRecorder implements WriteContext {
  readonly events: AppendedEvent[] = [];
  /** What the handler emitted, for the notifications the write makes (notifications/). */
  readonly emitted: Emitted[] = [];
  /** What the handler asked to tell people after the commit. */
  readonly told: Notice[] = [];
  lastSeq = 0;

  constructor(
    readonly db: TenantDb,
    readonly caller: Caller,
    readonly now: number,
  ) {}

  tell(userId: string, notice: INotificationNotice): void {
    this.told.push({ userId, notice });
  }

  emit(e: Emit): number {
    const seq = nextSeq(this.db, e.projectId);
    const event = { projectId: e.projectId, seq, actorId: this.caller.userId, occurredAtMs: this.now, ...e.change };
    const appended = appendEvent(this.db, event, e.kind, e.entityId, e.changedFields);
    this.events.push(appended);
    // In this transaction: an event is never stored without its deliveries, nor they without it.
    enqueueDeliveries(this.db, appended, e.change, e.changedFields, this.now);
    recordActivity(
      this.db,
      { projectId: e.projectId, entityType: e.kind, entityId: e.entityId, workItemId: e.workItemId },
      e.activity,
      this.caller.userId,
      this.now,
      seq,
    );
    this.emitted.push(e);
    this.lastSeq = seq;
    return seq;
  }
}
