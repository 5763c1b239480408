// What a handler gets: the caller, the tenant database and the clock; writes
// also get `emit`, which appends an event (next seq) and its audit rows inside
// the command's one transaction (pipeline/write-recorder.ts).
import type { IEvent, INotificationNotice, IResult } from '../../../shared/proto.ts';
import type { Caller } from '../auth/caller.ts';
import type { FieldChange } from '../storage/activity.ts';
import type { EntityType } from '../storage/tables.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';

export interface ReadContext {
  db: TenantDb;
  caller: Caller;
  now: number;
}

export type EventChange = Pick<IEvent, 'workItem' | 'comment' | 'sprint' | 'member' | 'project' | 'link' | 'workLog' | 'attachment'>;

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
  /** After the commit, tells a person's open sockets (their unread count changed, say). */
  tell(userId: string, notice: INotificationNotice): void;
}

/** A Result without its seq: the pipeline fills that in. */
export type ResultValue = Omit<IResult, 'seq'>;
