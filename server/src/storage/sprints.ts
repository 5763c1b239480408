import type { IMemberCapacity, ISprint } from '../../../shared/proto.ts';
import { toSprint } from './mappers.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { SprintRow, StatusCategoryName, WorkItemRow } from './tables.ts';

/** A deleted sprint is found by nothing: its items went to the backlog and boards dropped it. */
export function findSprint(db: SqlRunner, id: string): SprintRow | undefined {
  return db.get(q.selectFrom('pm_sprints').selectAll().where('id', '=', id).where('deleted_at_ms', 'is', null));
}

export function sprintsOf(db: SqlRunner, projectId: string): ISprint[] {
  return db
    .all(q.selectFrom('pm_sprints').selectAll().where('project_id', '=', projectId).where('deleted_at_ms', 'is', null)
      .orderBy('created_at_ms').orderBy('id'))
    .map((row) => sprintMessage(db, row));
}

const capacityOf = prepared((sprintId: string) => q.selectFrom('pm_sprint_capacity').selectAll().where('sprint_id', '=', sprintId).orderBy('user_id'));

/** The sprint as sent: its row and its members' availability. */
export function sprintMessage(db: SqlRunner, row: SprintRow): ISprint {
  const capacity = db.all(capacityOf(row.id)).map((c) => ({ userId: c.user_id, daysOff: c.days_off, focusPercent: c.focus_percent, hoursPerDay: c.hours_per_day }));
  return { ...toSprint(row), capacity };
}

/** Replaces the sprint's availability list. */
export function replaceSprintCapacity(db: SqlRunner, sprintId: string, members: readonly IMemberCapacity[]): void {
  db.run(q.deleteFrom('pm_sprint_capacity').where('sprint_id', '=', sprintId));
  for (const m of members) {
    db.run(q.insertInto('pm_sprint_capacity').values({
      sprint_id: sprintId, user_id: m.userId ?? '', days_off: Number(m.daysOff ?? 0), focus_percent: Number(m.focusPercent ?? 0), hours_per_day: Number(m.hoursPerDay ?? 0),
    }));
  }
}

export function activeSprint(db: SqlRunner, projectId: string): SprintRow | undefined {
  return db.get(
    q.selectFrom('pm_sprints').selectAll().where('project_id', '=', projectId).where('state', '=', 'ACTIVE'),
  );
}

export function insertSprint(db: SqlRunner, row: SprintRow): void {
  db.run(q.insertInto('pm_sprints').values(row));
}

/** Marks a sprint deleted; its row stays, so history rows naming it can still say its name. */
export function markSprintDeleted(db: SqlRunner, id: string, now: number): void {
  db.run(q.updateTable('pm_sprints').set((eb) => ({ deleted_at_ms: now, version: eb('version', '+', 1), updated_at_ms: now })).where('id', '=', id));
}

/** Writes the changed columns and bumps the version; returns the new row. */
export function updateSprintRow(
  db: SqlRunner,
  id: string,
  changes: Partial<Omit<SprintRow, 'id' | 'version'>>,
  now: number,
): SprintRow {
  db.run(
    q.updateTable('pm_sprints')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at_ms: now }))
      .where('id', '=', id),
  );
  return findSprint(db, id)!;
}

export type SprintItemRow = WorkItemRow & { category: StatusCategoryName };

/** The live items of a sprint with their status category, in board order. */
export function liveSprintItems(db: SqlRunner, sprintId: string): SprintItemRow[] {
  return db.all(
    q.selectFrom('pm_work_items as w')
      .innerJoin('pm_workflow_statuses as s', 's.id', 'w.status_id')
      .selectAll('w')
      .select('s.category')
      .where('w.sprint_id', '=', sprintId)
      .where('w.deleted_at_ms', 'is', null)
      .orderBy('w.rank')
      .orderBy('w.id'),
  );
}

const assignees = prepared((sprintId: string) =>
  q.selectFrom('pm_work_items')
    .select('assignee_id')
    .distinct()
    .where('sprint_id', '=', sprintId)
    .where('deleted_at_ms', 'is', null)
    .where('assignee_id', 'is not', null),
);

/** The people with live items in the sprint. */
export function sprintAssignees(db: SqlRunner, sprintId: string): string[] {
  return db.all(assignees(sprintId)).map((r) => r.assignee_id!);
}
