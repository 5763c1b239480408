// The writes of set_workflow (docs/PROTOCOL.md §5, v16): a project's statuses
// renamed, reordered, added and removed. A removed status stays as a row with
// a negative position, so (project_id, position) stays unique and history can
// still name it.
import { randomUUID } from 'node:crypto';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { StatusCategoryName, WorkflowStatusRow, WorkItemRow } from './tables.ts';

const lowestPosition = prepared((projectId: string) =>
  q.selectFrom('pm_workflow_statuses').select((eb) => eb.fn.min<number>('position').as('lowest')).where('project_id', '=', projectId));

const setPosition = prepared((id: string, position: number) =>
  q.updateTable('pm_workflow_statuses').set({ position }).where('id', '=', id));

const setColumn = prepared((id: string, name: string, category: StatusCategoryName, wipLimit: number, position: number) =>
  q.updateTable('pm_workflow_statuses').set({ name, category, wip_limit: wipLimit, position }).where('id', '=', id));

const markRemoved = prepared((id: string, now: number) =>
  q.updateTable('pm_workflow_statuses').set({ removed_at_ms: now }).where('id', '=', id));

// Deleted items too: a restored item must come back into a column that exists.
const itemsIn = prepared((projectId: string, statusId: string) =>
  q.selectFrom('pm_work_items').selectAll().where('project_id', '=', projectId).where('status_id', '=', statusId)
    .orderBy('rank').orderBy('id'));

const liveCount = prepared((projectId: string, statusId: string) =>
  q.selectFrom('pm_work_items').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId).where('status_id', '=', statusId).where('deleted_at_ms', 'is', null));

/**
 * Moves the given statuses to fresh negative positions, below every position
 * the project holds (removed statuses' included), so that the live columns can
 * then take 0, 1, 2... in any order without meeting UNIQUE(project_id,
 * position) on the way. A status removed now simply stays where this put it.
 */
export function clearPositions(db: SqlRunner, projectId: string, statusIds: readonly string[]): void {
  const lowest = Math.min(db.get(lowestPosition(projectId))?.lowest ?? 0, 0);
  statusIds.forEach((id, i) => db.run(setPosition(id, lowest - 1 - i)));
}

export function setStatusColumn(
  db: SqlRunner,
  id: string,
  column: { name: string; category: StatusCategoryName; wipLimit: number; position: number },
): void {
  db.run(setColumn(id, column.name, column.category, column.wipLimit, column.position));
}

export function insertStatus(
  db: SqlRunner,
  projectId: string,
  column: { name: string; category: StatusCategoryName; wipLimit: number; position: number },
): WorkflowStatusRow {
  const row: WorkflowStatusRow = {
    id: randomUUID(),
    project_id: projectId,
    name: column.name,
    category: column.category,
    position: column.position,
    wip_limit: column.wipLimit,
    removed_at_ms: null,
  };
  db.run(q.insertInto('pm_workflow_statuses').values(row));
  return row;
}

export function markStatusRemoved(db: SqlRunner, id: string, now: number): void {
  db.run(markRemoved(id, now));
}

/** Every item in the status, deleted ones too, in rank order. */
export function itemsInStatus(db: SqlRunner, projectId: string, statusId: string): WorkItemRow[] {
  return db.all(itemsIn(projectId, statusId));
}

/** How many live items the status holds (the board's count). */
export function liveItemCount(db: SqlRunner, projectId: string, statusId: string): number {
  return Number(db.get(liveCount(projectId, statusId))?.n ?? 0);
}
