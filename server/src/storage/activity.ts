import { toActivity } from './mappers.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { EntityType } from './tables.ts';
import type { IActivityEntry } from '../../../shared/proto.ts';

export interface FieldChange {
  field: string;
  old: string | null;
  new: string | null;
}

export interface ActivityTarget {
  projectId: string;
  entityType: EntityType;
  entityId: string;
  workItemId: string | null;
}

const insertActivity = prepared(
  (
    projectId: string, entityType: EntityType, entityId: string, workItemId: string | null, field: string,
    oldValue: string | null, newValue: string | null, actorId: string, at: number, seq: number,
  ) =>
    q.insertInto('pm_activity').values({
      project_id: projectId, entity_type: entityType, entity_id: entityId, work_item_id: workItemId, field,
      old_value: oldValue, new_value: newValue, actor_id: actorId, occurred_at_ms: at, event_seq: seq,
    }),
);

export function recordActivity(
  db: SqlRunner,
  target: ActivityTarget,
  changes: readonly FieldChange[],
  actorId: string,
  now: number,
  seq: number,
): void {
  for (const c of changes) {
    db.run(insertActivity(target.projectId, target.entityType, target.entityId, target.workItemId, c.field, c.old, c.new, actorId, now, seq));
  }
}

/** A work item's history (its own changes and its comments'), newest first. */
export function historyOf(db: SqlRunner, workItemId: string, limit = 500): IActivityEntry[] {
  return db
    .all(q.selectFrom('pm_activity').selectAll().where('work_item_id', '=', workItemId).orderBy('id', 'desc').limit(limit))
    .map(toActivity);
}
