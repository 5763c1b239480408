import type { IWorkItem } from '../../../shared/proto.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import { labelsByItem, labelsOfItem } from './labels.ts';
import { toWorkItem } from './mappers.ts';
import { tenantQueries as q } from './sql.ts';
import type { WorkItemRow } from './tables.ts';

export function findWorkItem(db: TenantDb, id: string): WorkItemRow | undefined {
  return db.get(q.selectFrom('pm_work_items').selectAll().where('id', '=', id));
}

export function workItemMessage(db: TenantDb, row: WorkItemRow): IWorkItem {
  return toWorkItem(row, labelsOfItem(db, row.id));
}

export function liveWorkItems(db: TenantDb, projectId: string): IWorkItem[] {
  const labels = labelsByItem(db, projectId);
  return db
    .all(
      q.selectFrom('pm_work_items')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('deleted_at_ms', 'is', null)
        .orderBy('rank')
        .orderBy('id'),
    )
    .map((row) => toWorkItem(row, labels.get(row.id) ?? []));
}

export function insertWorkItem(db: TenantDb, row: WorkItemRow): void {
  db.run(q.insertInto('pm_work_items').values(row));
}

/** Writes the changed columns and bumps the version; returns the new row. */
export function updateWorkItemRow(
  db: TenantDb,
  id: string,
  changes: Partial<Omit<WorkItemRow, 'id' | 'version'>>,
  actorId: string,
  now: number,
): WorkItemRow {
  db.run(
    q.updateTable('pm_work_items')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at_ms: now, updated_by: actorId }))
      .where('id', '=', id),
  );
  return findWorkItem(db, id)!;
}

/**
 * The live item just above (direction 'prev') or below ('next') a rank in a
 * project. `excludeId` skips the item being moved, which is not its own neighbour.
 */
export function neighbourRank(
  db: TenantDb,
  projectId: string,
  rank: string,
  direction: 'prev' | 'next',
  excludeId: string | null = null,
): string | null {
  let query = q.selectFrom('pm_work_items')
    .select('rank')
    .where('project_id', '=', projectId)
    .where('deleted_at_ms', 'is', null)
    .where('rank', direction === 'prev' ? '<' : '>', rank);
  if (excludeId !== null) query = query.where('id', '!=', excludeId);
  const row = db.get(query.orderBy('rank', direction === 'prev' ? 'desc' : 'asc').limit(1));
  return row?.rank ?? null;
}

/** Whether another live item of the project already holds this rank. */
export function rankTaken(db: TenantDb, projectId: string, rank: string, excludeId: string): boolean {
  const row = db.get(
    q.selectFrom('pm_work_items')
      .select('id')
      .where('project_id', '=', projectId)
      .where('deleted_at_ms', 'is', null)
      .where('rank', '=', rank)
      .where('id', '!=', excludeId)
      .limit(1),
  );
  return row !== undefined;
}

export function firstOrLastRank(db: TenantDb, projectId: string, which: 'first' | 'last'): string | null {
  const row = db.get(
    q.selectFrom('pm_work_items')
      .select('rank')
      .where('project_id', '=', projectId)
      .where('deleted_at_ms', 'is', null)
      .orderBy('rank', which === 'first' ? 'asc' : 'desc')
      .limit(1),
  );
  return row?.rank ?? null;
}

export function liveChildren(db: TenantDb, parentId: string): WorkItemRow[] {
  return db.all(
    q.selectFrom('pm_work_items').selectAll().where('parent_id', '=', parentId).where('deleted_at_ms', 'is', null),
  );
}

/** Sub-tasks deleted together with their parent: same parent, same deletion time. */
export function subtasksDeletedAt(db: TenantDb, parentId: string, deletedAtMs: number): WorkItemRow[] {
  return db.all(
    q.selectFrom('pm_work_items')
      .selectAll()
      .where('parent_id', '=', parentId)
      .where('item_type', '=', 'SUBTASK')
      .where('deleted_at_ms', '=', deletedAtMs),
  );
}
