import type { Commands } from '../commands/parsers.ts';
import { findTimer, saveTimer } from '../storage/work-logs.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { stopAndLog } from './timers.ts';
import { liveEditableItem } from './work-item-access.ts';

/** One timer per person: starting one on another item first stops and logs the running one. */
export function startTimer(ctx: WriteContext, cmd: Commands['startTimer']): ResultValue {
  const { item } = liveEditableItem(ctx, cmd.workItemId);
  const running = findTimer(ctx.db, ctx.caller.userId);
  if (running?.work_item_id === item.id) return { timer: { workItemId: item.id, startedAt: running.started_at_ms } };
  if (running) stopAndLog(ctx, running, '');
  saveTimer(ctx.db, { user_id: ctx.caller.userId, work_item_id: item.id, started_at_ms: ctx.now });
  return { timer: { workItemId: item.id, startedAt: ctx.now } };
}
