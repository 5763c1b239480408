// The work item a write targets. An item in a project the caller cannot see
// is NOT_FOUND exactly like a missing one, and so is a deleted item, except
// to restore, which is the one write that wants it deleted.
import { Role } from '../../../shared/proto.ts';
import type { ProjectRow, WorkItemRow } from '../storage/tables.ts';
import { workItemMessage } from '../storage/work-items.ts';
import type { ReadContext } from './context.ts';
import { checkVersion, workItemAccess } from './entity-access.ts';

export interface TargetItem {
  item: WorkItemRow;
  project: ProjectRow;
  /** The caller's role in the item's project. */
  role: Role;
}

/** The item, live or deleted, in a project where the caller may edit. */
export function editableItem(ctx: ReadContext, workItemId: string): TargetItem {
  const { item, project, role } = workItemAccess(ctx, workItemId, Role.ROLE_EDITOR, false);
  return { item, project, role };
}

export function liveEditableItem(ctx: ReadContext, workItemId: string): TargetItem {
  const { item, project, role } = workItemAccess(ctx, workItemId, Role.ROLE_EDITOR, true);
  return { item, project, role };
}

/** A live item the caller may edit, still at the version the caller last saw. */
export function itemAtVersion(
  ctx: ReadContext,
  workItemId: string,
  expectedVersion: number,
): TargetItem {
  const target = liveEditableItem(ctx, workItemId);
  checkVersion(expectedVersion, target.item.version, target.item.key, () => ({
    workItem: workItemMessage(ctx.db, target.item),
  }));
  return target;
}
