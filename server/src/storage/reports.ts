// What a report is computed from (server/src/reports/): every item of a
// project as it is now, deleted ones too (they may have been in a sprint
// then), and the history rows that say how they got there.
import type { SqlRunner } from './sql.ts';
import { prepared, tenantQueries as q } from './sql.ts';
import type { SprintRow } from './tables.ts';

export interface ItemNowRow {
  id: string;
  key: string;
  title: string;
  created_at_ms: number;
  status_id: string;
  sprint_id: string | null;
  story_points: number | null;
  deleted_at_ms: number | null;
}

export interface ItemChangeRow {
  work_item_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  occurred_at_ms: number;
}

const itemsNow = prepared((projectId: string) =>
  q.selectFrom('pm_work_items')
    .select(['id', 'key', 'title', 'created_at_ms', 'status_id', 'sprint_id', 'story_points', 'deleted_at_ms'])
    .where('project_id', '=', projectId)
    .orderBy('number'),
);

export function itemsNowOf(db: SqlRunner, projectId: string): ItemNowRow[] {
  return db.all(itemsNow(projectId));
}

const changes = prepared((projectId: string) =>
  q.selectFrom('pm_activity')
    .select(['work_item_id', 'field', 'old_value', 'new_value', 'occurred_at_ms'])
    .where('project_id', '=', projectId)
    .where('entity_type', '=', 'work_item')
    .where('field', 'in', ['status_id', 'sprint_id', 'story_points', 'deleted', 'restored'])
    .orderBy('id'),
);

/** The item history rows a report reads, in the order they were written. */
export function itemChangesOf(db: SqlRunner, projectId: string): ItemChangeRow[] {
  return db.all(changes(projectId)) as ItemChangeRow[];
}

const lastCompleted = prepared((projectId: string, count: number) =>
  q.selectFrom('pm_sprints')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('state', '=', 'COMPLETED')
    .orderBy('completed_at_ms', 'desc')
    .orderBy('id')
    .limit(count),
);

/** The last `count` completed sprints, newest first. */
export function lastCompletedSprints(db: SqlRunner, projectId: string, count: number): SprintRow[] {
  return db.all(lastCompleted(projectId, count));
}
