import { randomUUID } from 'node:crypto';
import { DEFAULT_WORKFLOW, type StatusTemplate } from '../../../shared/domain/workflow.ts';
import type { IProject } from '../../../shared/proto.ts';
import { liveFieldsOf, toCustomField } from './custom-fields.ts';
import { liveTypesOf, toCustomItemType } from './item-types.ts';
import { statusCategories } from './enums.ts';
import { toProject } from './mappers.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { ProjectRow, WorkflowStatusRow } from './tables.ts';

const projectById = prepared((id: string) =>
  q.selectFrom('pm_projects').selectAll().where('id', '=', id).where('deleted_at_ms', 'is', null));
const formerKeys = prepared((projectId: string) =>
  q.selectFrom('pm_project_former_keys').select('key').where('project_id', '=', projectId).orderBy('retired_at_ms').orderBy('key'));
const statusesByProject = prepared((projectId: string) =>
  q.selectFrom('pm_workflow_statuses').selectAll().where('project_id', '=', projectId).where('removed_at_ms', 'is', null)
    .orderBy('position', 'asc'));
// SQLite sorts NULL first: the live statuses, then the removed ones by when they went.
const allStatusesByProject = prepared((projectId: string) =>
  q.selectFrom('pm_workflow_statuses').selectAll().where('project_id', '=', projectId)
    .orderBy('removed_at_ms', 'asc').orderBy('position', 'asc'));
const statusById = prepared((id: string) => q.selectFrom('pm_workflow_statuses').selectAll().where('id', '=', id));
const takeNumber = prepared((projectId: string) =>
  q.updateTable('pm_projects')
    .set((eb) => ({ next_item_number: eb('next_item_number', '+', 1) }))
    .where('id', '=', projectId)
    .returning('next_item_number'));

/** A deleted project is found by nothing: it is NOT_FOUND everywhere while its rows wait out the retention period. */
export function findProject(db: SqlRunner, projectId: string): ProjectRow | undefined {
  return db.get(projectById(projectId));
}

/** The live project a key names: its key now, or one it had before (WEB-12 still opens after WEB became APP). */
export function findProjectByKey(db: SqlRunner, key: string): ProjectRow | undefined {
  const id = keyOwner(db, key);
  return id === undefined ? undefined : findProject(db, id);
}

/** Which project holds a key, as its key or a former one, deleted ones included: a key is never handed out twice. */
export function keyOwner(db: SqlRunner, key: string): string | undefined {
  return db.get(q.selectFrom('pm_projects').select('id').where('key', '=', key))?.id
    ?? db.get(q.selectFrom('pm_project_former_keys').select('project_id').where('key', '=', key))?.project_id;
}

/** Moves a project to a new key, keeping the old one as a former key; taking back a former key of its own un-retires it. */
export function retireKey(db: SqlRunner, project: ProjectRow, newKey: string, now: number): void {
  db.run(q.deleteFrom('pm_project_former_keys').where('key', '=', newKey).where('project_id', '=', project.id));
  db.run(q.insertInto('pm_project_former_keys').values({ key: project.key, project_id: project.id, retired_at_ms: now }));
}

/** Writes the changed columns and bumps the version; returns the new row (undefined once deleted). */
export function updateProjectRow(
  db: SqlRunner,
  id: string,
  changes: Partial<Pick<ProjectRow, 'key' | 'name' | 'description' | 'archived_at_ms' | 'deleted_at_ms' | 'pull_mode'>>,
  now: number,
): ProjectRow {
  db.run(q.updateTable('pm_projects').set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at_ms: now })).where('id', '=', id));
  return db.get(q.selectFrom('pm_projects').selectAll().where('id', '=', id))!;
}

export function statusesOf(db: SqlRunner, projectId: string): WorkflowStatusRow[] {
  return db.all(statusesByProject(projectId));
}

/**
 * Every status the project ever had, removed ones too (live first, in board
 * order): history still names a removed status, and reports must know what
 * it meant.
 */
export function allStatusesOf(db: SqlRunner, projectId: string): WorkflowStatusRow[] {
  return db.all(allStatusesByProject(projectId));
}

/** Any status by id, a removed one too (history and notifications still name it). */
export function findStatus(db: SqlRunner, statusId: string): WorkflowStatusRow | undefined {
  return db.get(statusById(statusId));
}

export function projectMessage(db: SqlRunner, row: ProjectRow): IProject {
  return toProject(
    row, statusesOf(db, row.id), db.all(formerKeys(row.id)).map((r) => r.key), liveFieldsOf(db, row.id).map(toCustomField),
    liveTypesOf(db, row.id).map(toCustomItemType),
  );
}

/** All live projects, or only those the user is a member of; archived ones only when asked. */
export function listProjects(db: SqlRunner, memberUserId: string | null, includeArchived: boolean): ProjectRow[] {
  let query = q.selectFrom('pm_projects').selectAll('pm_projects').where('pm_projects.deleted_at_ms', 'is', null)
    .orderBy('pm_projects.name', 'asc');
  if (!includeArchived) query = query.where('pm_projects.archived_at_ms', 'is', null);
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
  workflow: readonly StatusTemplate[] = DEFAULT_WORKFLOW,
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
    archived_at_ms: null,
    deleted_at_ms: null,
    pull_mode: 0,
  };
  db.run(q.insertInto('pm_projects').values(row));
  workflow.forEach((status, position) => {
    db.run(
      q.insertInto('pm_workflow_statuses').values({
        id: randomUUID(),
        project_id: row.id,
        name: status.name,
        category: statusCategories.toName(status.category),
        position,
        wip_limit: 0,
        removed_at_ms: null,
      }),
    );
  });
  return row;
}

/** Takes the next work item number of a project (inside the write transaction). */
export function takeItemNumber(db: SqlRunner, projectId: string): number {
  return db.get(takeNumber(projectId))!.next_item_number - 1;
}
