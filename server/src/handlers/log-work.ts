import { checkEstimate } from '../../../shared/domain/validation.ts';
import { checkLoggedMinutes, checkStartedAt, checkWorkNote } from '../../../shared/domain/time-tracking.ts';
import type { Commands } from '../commands/parsers.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { logWorkOn } from './work-log-changes.ts';
import { liveEditableItem } from './work-item-access.ts';

/** The caller logs time on a live item they can edit. */
export function logWork(ctx: WriteContext, cmd: Commands['logWork']): ResultValue {
  const minutes = checkLoggedMinutes(cmd.minutes);
  const startedAt = checkStartedAt(cmd.startedAt, ctx.now);
  const note = checkWorkNote(cmd.note);
  const remaining = cmd.remainingEstimateMinutes === undefined ? undefined : checkEstimate(cmd.remainingEstimateMinutes, 'remaining_estimate_minutes');
  const { item } = liveEditableItem(ctx, cmd.workItemId);
  return { workLog: logWorkOn(ctx, item, startedAt, minutes, note, remaining) };
}
