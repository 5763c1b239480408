import type { Commands } from '../commands/parsers.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import { updateWorkItemRow, workItemMessage } from '../storage/work-items.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { checkPullMode } from './pull-mode-guard.ts';
import { diffColumns, emitWorkItem } from './work-item-changes.ts';
import { itemAtVersion } from './work-item-access.ts';
import { placedRank } from './work-item-rank.ts';
import { checkReferences } from './work-item-refs.ts';

/**
 * A drag on the board: to another status, another place in the column, and
 * into a sprint or (empty sprint_id) the backlog. A drop where the item
 * already was stores and sends nothing.
 */
export function moveWorkItem(ctx: WriteContext, cmd: Commands['moveWorkItem']): ResultValue {
  const { db } = ctx;
  const target = itemAtVersion(ctx, cmd.workItemId, cmd.expectedVersion);
  const { item } = target;
  checkPullMode(ctx, target, { kind: 'edit' });

  const next: WorkItemRow = { ...item };
  if (cmd.statusId) next.status_id = cmd.statusId;
  if (cmd.sprintId !== undefined) next.sprint_id = cmd.sprintId || null;
  checkReferences(db, next, item);
  next.rank = placedRank(db, item.project_id, cmd, item) ?? item.rank;

  const diff = diffColumns(item, next, ['status_id', 'rank', 'sprint_id']);
  if (diff.fields.length === 0) return { workItem: workItemMessage(db, item) };
  const row = updateWorkItemRow(db, item, diff.columns, ctx.caller.userId, ctx.now);
  return { workItem: emitWorkItem(ctx, row, diff.fields, diff.activity) };
}
