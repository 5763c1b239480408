// Cumulative flow: how many live items stood in each status at the end of
// each day of a range (today: now).
import type { ICumulativeFlow, IWorkflowStatus } from '../../../shared/proto.ts';
import { datesBetween, endOfDay, startOfDay } from './calendar.ts';
import { walkBack, type ItemChange, type ItemFacts } from './timeline.ts';

export interface FlowInput {
  /** In board order. */
  statuses: readonly IWorkflowStatus[];
  items: readonly ItemFacts[];
  changes: readonly ItemChange[];
  from: string;
  to: string;
  offsetMinutes: number;
  now: number;
}

export function cumulativeFlow(input: FlowInput): ICumulativeFlow {
  const column = new Map(input.statuses.map((s, i) => [s.id ?? '', i]));
  // Days still to come have nothing to count yet.
  const dates = datesBetween(input.from, input.to).filter((date) => startOfDay(date, input.offsetMinutes) <= input.now);
  const momentOf = (date: string) => Math.min(endOfDay(date, input.offsetMinutes), input.now);
  const counts = new Map<number, number[]>();
  walkBack(input.items, input.changes, dates.map(momentOf), (moment, each) => {
    const row = input.statuses.map(() => 0);
    each((_item, state) => {
      const at = column.get(state.statusId);
      if (!state.deleted && at !== undefined) row[at]!++;
    });
    counts.set(moment, row);
  });
  return { statuses: [...input.statuses], days: dates.map((date) => ({ date, counts: counts.get(momentOf(date))! })) };
}
