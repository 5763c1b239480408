import { AppError } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import { ErrorCode } from '../../../shared/proto.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import { updateWorkItemRow, workItemMessage } from '../storage/work-items.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { diffColumns, emitWorkItem } from './work-item-changes.ts';
import { liveEditableItem } from './work-item-access.ts';
import { checkReferences } from './work-item-refs.ts';

/**
 * "I'll take it": needs no expected_version, because the only race that
 * matters is two people claiming at once, and the first write wins.
 */
export function claimWorkItem(ctx: WriteContext, cmd: Commands['claimWorkItem']): ResultValue {
  const { db } = ctx;
  const { item } = liveEditableItem(ctx, cmd.workItemId);
  const me = ctx.caller.userId;
  if (item.assignee_id === me) return { workItem: workItemMessage(db, item) };
  if (item.assignee_id !== null) {
    throw new AppError(ErrorCode.ERROR_CODE_CONFLICT, `${item.key} is already assigned`, 'assignee_id', {
      workItem: workItemMessage(db, item),
    });
  }

  const next: WorkItemRow = { ...item, assignee_id: me };
  checkReferences(db, next, item);
  const diff = diffColumns(item, next, ['assignee_id']);
  const row = updateWorkItemRow(db, item, diff.columns, me, ctx.now);
  return { workItem: emitWorkItem(ctx, row, diff.fields, diff.activity) };
}
