import { randomUUID } from 'node:crypto';
import { DEFAULT_WORKFLOW } from '../../../shared/domain/workflow.ts';
import type { IProject } from '../../../shared/proto.ts';
import { statusCategories } from './enums.ts';
import { toProject } from './mappers.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { ProjectRow, WorkflowStatusRow } from './tables.ts';

const projectById = prepared((id: string) => q.selectFrom('pm_projects').selectAll().where('id', '=', id));
const statusesByProject = prepared((projectId: string) =>
  q.selectFrom('pm_workflow_statuses').selectAll().where('project_id', '=', projectId).orderBy('position', 'asc'));
const statusById = prepared((id: string) => q.selectFrom('pm_workflow_statuses').selectAll().where('id', '=', id));
const takeNumber = prepared((projectId: string) =>
  q.updateTable('pm_projects')
    .set((eb) => ({ next_item_number: eb('next_item_number', '+', 1) }))
    .where('id', '=', projectId)
    .returning('next_item_number'));

export function findProject(db: SqlRunner, projectId: string): ProjectRow | undefined {
  return db.get(projectById(projectId));
}

export function findProjectByKey(db: SqlRunner, key: string): ProjectRow | undefined {
  return db.get(q.selectFrom('pm_projects').selectAll().where('key', '=', key));
}

export function statusesOf(db: SqlRunner, projectId: string): WorkflowStatusRow[] {
  return db.all(statusesByProject(projectId));
}

export function findStatus(db: SqlRunner, statusId: string): WorkflowStatusRow | undefined {
  return db.get(statusById(statusId));
}

export function projectMessage(db: SqlRunner, row: ProjectRow): IProject {
  return toProject(row, statusesOf(db, row.id));
}

/** All projects, or only those the user is a member of. */
export function listProjects(db: SqlRunner, memberUserId: string | null): ProjectRow[] {
  let query = q.selectFrom('pm_projects').selectAll('pm_projects').orderBy('pm_projects.name', 'asc');
  if (memberUserId !== null) {
    query = query
      .innerJoin('pm_project_members as m', 'm.project_id', 'pm_projects.id')
      .where('m.user_id', '=', memberUserId);
  }
  return db.all(query);
}

export function insertProject(
  db: SqlRunner,
  input: { key: string; name: string; description: string },
  actorId: string,
  now: number,
): ProjectRow {
  const row: ProjectRow = {
    id: randomUUID(),
    key: input.key,
    name: input.name,
    description: input.description,
    version: 1,
    last_event_seq: 0,
    next_item_number: 1,
    created_at_ms: now,
    created_by: actorId,
    updated_at_ms: now,
  };
  db.run(q.insertInto('pm_projects').values(row));
  DEFAULT_WORKFLOW.forEach((status, position) => {
    db.run(
      q.insertInto('pm_workflow_statuses').values({
        id: randomUUID(),
        project_id: row.id,
        name: status.name,
        category: statusCategories.toName(status.category),
        position,
      }),
    );
  });
  return row;
}

/** Takes the next work item number of a project (inside the write transaction). */
export function takeItemNumber(db: SqlRunner, projectId: string): number {
  return db.get(takeNumber(projectId))!.next_item_number - 1;
}
