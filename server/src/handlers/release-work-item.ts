import type { Commands } from '../commands/parsers.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import { updateWorkItemRow, workItemMessage } from '../storage/work-items.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { checkRelease } from './pull-mode-guard.ts';
import { diffColumns, emitWorkItem } from './work-item-changes.ts';
import { liveEditableItem } from './work-item-access.ts';

/**
 * "I'm not doing this after all": claim_work_item's way back, in any project.
 * No expected_version, like the claim: the only thing it changes is the
 * assignee, and only the assignee (or an admin) may. An unclaimed item is
 * answered as it is.
 */
export function releaseWorkItem(ctx: WriteContext, cmd: Commands['releaseWorkItem']): ResultValue {
  const { db } = ctx;
  const target = liveEditableItem(ctx, cmd.workItemId);
  const { item } = target;
  checkRelease(ctx, target);
  if (item.assignee_id === null) return { workItem: workItemMessage(db, item) };

  const next: WorkItemRow = { ...item, assignee_id: null };
  const diff = diffColumns(item, next, ['assignee_id']);
  const row = updateWorkItemRow(db, item, diff.columns, ctx.caller.userId, ctx.now);
  return { workItem: emitWorkItem(ctx, row, diff.fields, diff.activity) };
}
