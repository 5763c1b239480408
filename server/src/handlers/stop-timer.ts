import type { Commands } from '../commands/parsers.ts';
import { dropTimer, findTimer } from '../storage/work-logs.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { noTimer, stopAndLog } from './timers.ts';

/** Stops the caller's timer and logs its time (with `discard`, drops it); the reply is the log, or an empty timer when nothing was logged. */
export function stopTimer(ctx: WriteContext, cmd: Commands['stopTimer']): ResultValue {
  const running = findTimer(ctx.db, ctx.caller.userId);
  if (!running) throw noTimer();
  if (cmd.discard) {
    dropTimer(ctx.db, ctx.caller.userId);
    return { timer: {} };
  }
  const workLog = stopAndLog(ctx, running, cmd.note);
  return workLog ? { workLog } : { timer: {} };
}
