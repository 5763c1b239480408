// Access to a project through one of its entities. A project the caller cannot
// see hides its entities too: they are NOT_FOUND under their own name.
import { AppError, conflict, notFound, type CurrentEntity } from '../../../shared/domain/errors.ts';
import { ErrorCode, type Role } from '../../../shared/proto.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import { findWorkItem } from '../storage/work-items.ts';
import { projectAccess, type ProjectAccess } from './access.ts';
import type { ReadContext } from './context.ts';

/** projectAccess, reporting a hidden project as the entity the caller asked for. */
export function entityAccess(
  ctx: ReadContext,
  projectId: string,
  needed: Role,
  what: string,
  field: string,
): ProjectAccess {
  try {
    return projectAccess(ctx, projectId, needed, field);
  } catch (err) {
    if (err instanceof AppError && err.code === ErrorCode.ERROR_CODE_NOT_FOUND) throw notFound(what, field);
    throw err;
  }
}

export interface WorkItemAccess extends ProjectAccess {
  item: WorkItemRow;
}

/**
 * A work item the caller may act on. `live` hides a deleted one, as every write
 * but a restore does; reads take it, so its history stays readable. `as` names
 * what a hidden item is reported as.
 */
export function workItemAccess(
  ctx: ReadContext,
  workItemId: string,
  needed: Role,
  live: boolean,
  as = { what: 'Work item', field: 'work_item_id' },
): WorkItemAccess {
  const item = findWorkItem(ctx.db, workItemId);
  if (!item || (live && item.deleted_at_ms !== null)) throw notFound(as.what, as.field);
  return { ...entityAccess(ctx, item.project_id, needed, as.what, as.field), item };
}

/** Optimistic concurrency: a stale expected_version gets the server's current entity back. */
export function checkVersion(
  expected: number,
  actual: number,
  what: string,
  current: () => CurrentEntity,
): void {
  if (expected !== actual) {
    throw conflict(`${what} was changed by someone else (now version ${actual}); reload and try again`, current());
  }
}
