// What a handler gets: the caller, the tenant database and the clock; writes
// also get `emit`, which appends an event (next seq) and its audit rows inside
// the command's one transaction.
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import type { IEvent, IResult } from '../../../shared/proto.ts';
import { recordActivity, type FieldChange } from '../storage/activity.ts';
import { appendEvent, nextSeq, type AppendedEvent } from '../storage/events.ts';
import type { EntityType } from '../storage/tables.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';

export interface Caller {
  tenantId: string;
  userId: string;
  displayName: string;
  email: string;
  tenantRole: TenantRole;
}

export interface ReadContext {
  db: TenantDb;
  caller: Caller;
  now: number;
}

export type EventChange = Pick<IEvent, 'workItem' | 'comment' | 'sprint' | 'member' | 'project'>;

export interface Emit {
  projectId: string;
  kind: EntityType;
  entityId: string;
  /** The work item whose history shows this change, if any. */
  workItemId: string | null;
  change: EventChange;
  changedFields: readonly string[];
  activity: readonly FieldChange[];
}

export interface WriteContext extends ReadContext {
  /** Stores one event with the project's next seq and its activity rows; returns the seq. */
  emit(e: Emit): number;
}

/** A Result without its seq: the pipeline fills that in. */
export type ResultValue = Omit<IResult, 'seq'>;

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
