// The caller's one running timer, kept in the tenant file so it outlives a
// reload, another device and a restart.
import { WORK_LOG_LIMITS, checkWorkNote } from '../../../shared/domain/time-tracking.ts';
import { failedPrecondition } from '../../../shared/domain/errors.ts';
import type { IWorkLog } from '../../../shared/proto.ts';
import type { TimerRow } from '../storage/tables.ts';
import { dropTimer } from '../storage/work-logs.ts';
import { findWorkItem } from '../storage/work-items.ts';
import type { WriteContext } from './context.ts';
import { logWorkOn } from './work-log-changes.ts';
import { liveEditableItem } from './work-item-access.ts';

/** Minutes a timer ran: rounded, at least one, at most a work log's longest. */
export const timerMinutes = (timer: TimerRow, now: number) =>
  Math.min(WORK_LOG_LIMITS.minutesMax, Math.max(1, Math.round((now - timer.started_at_ms) / 60_000)));

/** Ends the timer, logging its time on its item; nothing is logged for an item since deleted. */
export function stopAndLog(ctx: WriteContext, timer: TimerRow, note: string): IWorkLog | null {
  dropTimer(ctx.db, ctx.caller.userId);
  const item = findWorkItem(ctx.db, timer.work_item_id);
  if (!item || item.deleted_at_ms !== null) return null;
  liveEditableItem(ctx, item.id);
  return logWorkOn(ctx, item, timer.started_at_ms, timerMinutes(timer, ctx.now), checkWorkNote(note));
}

export const noTimer = () => failedPrecondition('No timer is running', 'timer');
