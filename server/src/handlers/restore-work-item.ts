import { failedPrecondition } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import { findWorkItem, subtasksDeletedAt, updateWorkItemRow } from '../storage/work-items.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { checkPullMode } from './pull-mode-guard.ts';
import { diffColumns, emitWorkItem, itemText } from './work-item-changes.ts';
import { editableItem } from './work-item-access.ts';
import { freeRank } from './work-item-rank.ts';

/** Restores the row; the returned function emits its event. */
function restore(ctx: WriteContext, item: WorkItemRow, parentGone: boolean): () => ReturnType<typeof emitWorkItem> {
  const next: WorkItemRow = {
    ...item,
    deleted_at_ms: null,
    parent_id: parentGone ? null : item.parent_id,
    rank: freeRank(ctx.db, item),
  };
  const diff = diffColumns(item, next, ['parent_id', 'rank']);
  const row = updateWorkItemRow(ctx.db, item, { ...diff.columns, deleted_at_ms: null }, ctx.caller.userId, ctx.now);
  return () =>
    emitWorkItem(ctx, row, ['restored', ...diff.fields], [{ field: 'restored', old: null, new: itemText(row) }, ...diff.activity]);
}

/**
 * Brings a deleted item back with the sub-tasks that were deleted with it.
 * If its parent is still deleted it comes back without one, except a
 * sub-task, which cannot: its parent must be restored first.
 */
export function restoreWorkItem(ctx: WriteContext, cmd: Commands['restoreWorkItem']): ResultValue {
  const target = editableItem(ctx, cmd.workItemId);
  const { item } = target;
  const deletedAt = item.deleted_at_ms;
  if (deletedAt === null) throw failedPrecondition(`${item.key} is not deleted`, 'work_item_id');
  checkPullMode(ctx, target, { kind: 'edit' });

  const parent = item.parent_id === null ? null : findWorkItem(ctx.db, item.parent_id);
  const parentGone = parent != null && parent.deleted_at_ms !== null;
  if (parentGone && item.item_type === 'SUBTASK') {
    throw failedPrecondition(`Restore ${parent.key}, the parent of ${item.key}, first`, 'parent_id');
  }
  const emitItem = restore(ctx, item, parentGone);
  for (const child of subtasksDeletedAt(ctx.db, item.id, deletedAt)) restore(ctx, child, false)();
  // The item's own event goes last: the Result stands for the last event.
  return { workItem: emitItem() };
}
