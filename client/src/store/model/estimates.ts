// An item's estimates as a person types them ("1d 3h", with the device's
// hours per day) and the item patch that saves one.
import { parseDuration, remainingAfter } from '../../../../shared/domain/time-tracking.ts';
import type { IWorkItem } from '../../../../shared/proto.ts';
import type { ItemPatch } from './item-patch.ts';

export type Typed = { ok: true; minutes: number | null } | { ok: false; problem: string };

/** Typed text as minutes; empty text is no estimate (null). */
export function readDuration(text: string, hoursPerDay: number): Typed {
  if (!text.trim()) return { ok: true, minutes: null };
  const minutes = parseDuration(text, hoursPerDay);
  if (minutes === null) return { ok: false, problem: `“${text.trim()}” is not a duration: write it as 1d 3h, 2h 30m or 90m.` };
  return { ok: true, minutes };
}

/**
 * The patch that sets (null: clears) an estimate. An original estimate given
 * to an item with no remaining one sets that too, less what is already
 * logged: otherwise logging time would have nothing to count down.
 */
export function estimatePatch(item: IWorkItem, which: 'original' | 'remaining', minutes: number | null): ItemPatch {
  if (which === 'remaining') return { remainingEstimateMinutes: minutes };
  if (minutes === null || item.hasRemainingEstimate) return { originalEstimateMinutes: minutes };
  return { originalEstimateMinutes: minutes, remainingEstimateMinutes: remainingAfter(minutes, Number(item.loggedMinutes ?? 0)) };
}
