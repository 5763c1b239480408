// The work item a write targets. An item in a project the caller cannot see
// is NOT_FOUND exactly like a missing one, and so is a deleted item, except
// to restore, which is the one write that wants it deleted.
import { AppError, conflict, notFound } from '../../../shared/domain/errors.ts';
import { checkId } from '../../../shared/domain/validation.ts';
import { ErrorCode, Role } from '../../../shared/proto.ts';
import type { ProjectRow, WorkItemRow } from '../storage/tables.ts';
import { findWorkItem, workItemMessage } from '../storage/work-items.ts';
import { projectAccess } from './access.ts';
import type { ReadContext } from './context.ts';

export interface TargetItem {
  item: WorkItemRow;
  project: ProjectRow;
}

const FIELD = 'work_item_id';

/** The item, live or deleted, in a project where the caller may edit. */
export function editableItem(ctx: ReadContext, workItemId: string | null | undefined): TargetItem {
  const item = findWorkItem(ctx.db, checkId(workItemId ?? '', FIELD));
  if (!item) throw notFound('Work item', FIELD);
  try {
    return { item, project: projectAccess(ctx, item.project_id, Role.ROLE_EDITOR, FIELD).project };
  } catch (err) {
    // Saying "project not found" would tell the caller the item exists elsewhere.
    if (err instanceof AppError && err.code === ErrorCode.ERROR_CODE_NOT_FOUND) throw notFound('Work item', FIELD);
    throw err;
  }
}

export function liveEditableItem(ctx: ReadContext, workItemId: string | null | undefined): TargetItem {
  const target = editableItem(ctx, workItemId);
  if (target.item.deleted_at_ms !== null) throw notFound('Work item', FIELD);
  return target;
}

/** A live item the caller may edit, still at the version the caller last saw. */
export function itemAtVersion(
  ctx: ReadContext,
  workItemId: string | null | undefined,
  expectedVersion: number | null | undefined,
): TargetItem {
  const target = liveEditableItem(ctx, workItemId);
  const { item } = target;
  if ((expectedVersion ?? 0) !== item.version) {
    throw conflict(`${item.key} was changed by someone else (now version ${item.version})`, {
      workItem: workItemMessage(ctx.db, item),
    });
  }
  return target;
}
