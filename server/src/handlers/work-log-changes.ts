// What logging, editing or deleting time writes: the log, the item's logged
// total (and, on logging, its remaining estimate) with the item's event and
// history row, and the log's own event.
import { formatMinutes, remainingAfter } from '../../../shared/domain/time-tracking.ts';
import { randomUUID } from 'node:crypto';
import type { IWorkLog } from '../../../shared/proto.ts';
import type { WorkItemRow, WorkLogRow } from '../storage/tables.ts';
import { insertWorkLog, toWorkLog } from '../storage/work-logs.ts';
import { updateWorkItemRow } from '../storage/work-items.ts';
import type { WriteContext } from './context.ts';
import { diffColumns, emitWorkItem } from './work-item-changes.ts';

function emitLog(ctx: WriteContext, row: WorkLogRow): IWorkLog {
  const workLog = toWorkLog(row);
  ctx.emit({
    projectId: row.project_id,
    kind: 'work_item',
    entityId: row.work_item_id,
    workItemId: row.work_item_id,
    change: { workLog: { workLog } },
    changedFields: ['work_log'],
    activity: [],
  });
  return workLog;
}

/** The item's logged total moved by `delta`, its remaining estimate set to `remaining` (unchanged when undefined), with `text` in its history. */
function adjustItem(ctx: WriteContext, item: WorkItemRow, delta: number, remaining: number | null | undefined, text: { old: string | null; new: string | null }): void {
  const next: WorkItemRow = { ...item, logged_minutes: item.logged_minutes + delta };
  if (remaining !== undefined) next.remaining_estimate_minutes = remaining;
  const diff = diffColumns(item, next, ['logged_minutes', 'remaining_estimate_minutes']);
  const row = updateWorkItemRow(ctx.db, item, diff.columns, ctx.caller.userId, ctx.now);
  emitWorkItem(ctx, row, diff.fields, [{ field: 'work_logged', ...text }, ...diff.activity]);
}

/** Logs `minutes` on a live item for the caller; the remaining estimate goes down unless `remaining` says what it is. */
export function logWorkOn(ctx: WriteContext, item: WorkItemRow, startedAt: number, minutes: number, note: string, remaining?: number): IWorkLog {
  const row: WorkLogRow = {
    id: randomUUID(),
    work_item_id: item.id,
    project_id: item.project_id,
    user_id: ctx.caller.userId,
    started_at_ms: startedAt,
    minutes,
    note,
    version: 1,
    created_at_ms: ctx.now,
    updated_at_ms: ctx.now,
    deleted_at_ms: null,
  };
  insertWorkLog(ctx.db, row);
  adjustItem(ctx, item, minutes, remaining ?? remainingAfter(item.remaining_estimate_minutes, minutes), { old: null, new: formatMinutes(minutes) });
  return emitLog(ctx, row);
}

/** A log changed or deleted (`after`): the item's total follows, its remaining estimate stays as the person left it. */
export function reviseWorkLog(ctx: WriteContext, item: WorkItemRow, before: WorkLogRow, after: WorkLogRow): IWorkLog {
  const counted = (r: WorkLogRow) => (r.deleted_at_ms === null ? r.minutes : 0);
  const delta = counted(after) - counted(before);
  if (delta !== 0) adjustItem(ctx, item, delta, undefined, { old: formatMinutes(counted(before)), new: after.deleted_at_ms === null ? formatMinutes(after.minutes) : null });
  return emitLog(ctx, after);
}
