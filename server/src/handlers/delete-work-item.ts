import type { Commands } from '../commands/parsers.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import { liveChildren, updateWorkItemRow } from '../storage/work-items.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { checkPullMode } from './pull-mode-guard.ts';
import { emitWorkItem, itemText } from './work-item-changes.ts';
import { itemAtVersion } from './work-item-access.ts';

function softDelete(ctx: WriteContext, item: WorkItemRow) {
  const row = updateWorkItemRow(ctx.db, item, { deleted_at_ms: ctx.now }, ctx.caller.userId, ctx.now);
  return emitWorkItem(ctx, row, ['deleted'], [{ field: 'deleted', old: null, new: itemText(row) }]);
}

/**
 * A soft delete. Sub-tasks cannot live without their parent, so they go with
 * it, stamped with the same time so that restoring the parent brings back
 * exactly these. Other children (an epic's stories) stay.
 */
export function deleteWorkItem(ctx: WriteContext, cmd: Commands['deleteWorkItem']): ResultValue {
  const target = itemAtVersion(ctx, cmd.workItemId, cmd.expectedVersion);
  const { item } = target;
  // Its sub-tasks go with it whoever holds them: the parent's claimer decides.
  checkPullMode(ctx, target, { kind: 'edit' });
  for (const child of liveChildren(ctx.db, item.id)) {
    if (child.item_type === 'SUBTASK') softDelete(ctx, child);
  }
  // The item's own event goes last: the Result stands for the last event.
  return { workItem: softDelete(ctx, item) };
}
