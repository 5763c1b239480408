// Time as the board adds it up, from the items it holds: an item's own logged
// time and estimates, an epic's together with every item under it, a
// sprint's over its cards; and those totals in words. No Solid, no DOM.
import { formatMinutes } from '../../../../shared/domain/time-tracking.ts';
import { isFinished } from '../../../../shared/domain/workflow.ts';
import { ItemType, type IWorkItem, type StatusCategory } from '../../../../shared/proto.ts';

export interface TimeTotals {
  logged: number;
  /** Original estimates added up; null when no item counted has one. */
  estimate: number | null;
  /** Remaining estimates added up; null when no item counted has one. */
  remaining: number | null;
}

export const NO_TIME: TimeTotals = { logged: 0, estimate: null, remaining: null };

/** One item's own time. */
export function timeOf(item: IWorkItem): TimeTotals {
  return {
    logged: Number(item.loggedMinutes ?? 0),
    estimate: item.hasOriginalEstimate ? Number(item.originalEstimateMinutes ?? 0) : null,
    remaining: item.hasRemainingEstimate ? Number(item.remainingEstimateMinutes ?? 0) : null,
  };
}

const sum = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

const addTime = (a: TimeTotals, b: TimeTotals): TimeTotals => ({
  logged: a.logged + b.logged,
  estimate: sum(a.estimate, b.estimate),
  remaining: sum(a.remaining, b.remaining),
});

/** Deeper than any hierarchy allows (epic, story, sub-task): a parent loop in bad data ends here. */
const MAX_DEPTH = 8;

/** The epic an item is under, through its parents (a sub-task's story's epic); '' when none is on the board. */
function epicAbove(items: ReadonlyMap<string, IWorkItem>, item: IWorkItem): string {
  let parentId = item.parentId ?? '';
  for (let depth = 0; parentId && depth < MAX_DEPTH; depth++) {
    const parent = items.get(parentId);
    if (!parent) return '';
    if (parent.itemType === ItemType.ITEM_TYPE_EPIC) return parentId;
    parentId = parent.parentId ?? '';
  }
  return '';
}

/** Each epic's time with that of every item under it (its children and their sub-tasks), over the items a board holds. */
export function epicTimes(items: ReadonlyMap<string, IWorkItem>): ReadonlyMap<string, TimeTotals> {
  const totals = new Map<string, TimeTotals>();
  for (const [id, item] of items) {
    const epic = item.itemType === ItemType.ITEM_TYPE_EPIC ? id : epicAbove(items, item);
    if (epic) totals.set(epic, addTime(totals.get(epic) ?? NO_TIME, timeOf(item)));
  }
  return totals;
}

/** A sprint's time over its cards: everything logged, and what remains of the work not finished (done work has nothing left). */
export function sprintTime(sprintId: string, cards: Iterable<IWorkItem>, categoryOf: (statusId: string) => StatusCategory | undefined): TimeTotals {
  let totals = NO_TIME;
  for (const card of cards) {
    if (card.sprintId !== sprintId) continue;
    const own = timeOf(card);
    totals = addTime(totals, isFinished(categoryOf(card.statusId ?? '') ?? 0) ? { ...own, remaining: null } : own);
  }
  return totals;
}

/** Whether there is anything to say: time logged, or an estimate. */
export const hasTime = (t: TimeTotals): boolean => t.logged > 0 || t.estimate !== null;

/** "1h 30m / 4h": logged against the estimate; the logged time alone without one. */
export function loggedAgainstEstimate(t: TimeTotals, hoursPerDay: number): string {
  const logged = formatMinutes(t.logged, hoursPerDay);
  return t.estimate === null ? logged : `${logged} / ${formatMinutes(t.estimate, hoursPerDay)}`;
}

/** "1h 30m logged of 4h estimated, 2h 30m remaining", for a title or a screen reader. */
export function timeSentence(t: TimeTotals, hoursPerDay: number): string {
  const parts = [`${formatMinutes(t.logged, hoursPerDay)} logged`];
  if (t.estimate !== null) parts[0] += ` of ${formatMinutes(t.estimate, hoursPerDay)} estimated`;
  if (t.remaining !== null) parts.push(`${formatMinutes(t.remaining, hoursPerDay)} remaining`);
  return parts.join(', ');
}
