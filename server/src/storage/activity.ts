import type { TenantDb } from '../tenancy/tenant-db.ts';
import { toActivity } from './mappers.ts';
import { tenantQueries as q } from './sql.ts';
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

export function recordActivity(
  db: TenantDb,
  target: ActivityTarget,
  changes: readonly FieldChange[],
  actorId: string,
  now: number,
  seq: number,
): void {
  for (const c of changes) {
    db.run(
      q.insertInto('pm_activity').values({
        project_id: target.projectId,
        entity_type: target.entityType,
        entity_id: target.entityId,
        work_item_id: target.workItemId,
        field: c.field,
        old_value: c.old,
        new_value: c.new,
        actor_id: actorId,
        occurred_at_ms: now,
        event_seq: seq,
      }),
    );
  }
}

/** A work item's history (its own changes and its comments'), newest first. */
export function historyOf(db: TenantDb, workItemId: string, limit = 500): IActivityEntry[] {
  return db
    .all(q.selectFrom('pm_activity').selectAll().where('work_item_id', '=', workItemId).orderBy('id', 'desc').limit(limit))
    .map(toActivity);
}
