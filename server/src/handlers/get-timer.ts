import type { Commands } from '../commands/parsers.ts';
import { findTimer } from '../storage/work-logs.ts';
import type { ReadContext, ResultValue } from './context.ts';

/** The caller's running timer, or an empty one. */
export function getTimer(ctx: ReadContext, _cmd: Commands['getTimer']): ResultValue {
  const timer = findTimer(ctx.db, ctx.caller.userId);
  return { timer: timer ? { workItemId: timer.work_item_id, startedAt: timer.started_at_ms } : {} };
}
