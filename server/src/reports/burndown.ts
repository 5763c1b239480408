// A sprint's burndown: what remained to do at the end of each of its days,
// against the ideal straight line from what was committed at the start, with
// the scope added after the start marked on the day it joined.
import { StatusCategory, type IBurndown, type IBurndownDay, type ISprint } from '../../../shared/proto.ts';
import { addDays, datesBetween, dayOf, endOfDay, startOfDay } from './calendar.ts';
import { walkBack, type ItemChange, type ItemFacts, type ItemState } from './timeline.ts';

export interface SprintFacts {
  id: string;
  startDate: string;
  endDate: string;
  startedAt: number;
  completedAt: number | null;
}

export interface BurndownInput {
  sprint: SprintFacts;
  message: ISprint;
  items: readonly ItemFacts[];
  changes: readonly ItemChange[];
  categories: ReadonlyMap<string, StatusCategory>;
  offsetMinutes: number;
  now: number;
}

/** A sprint without an end date is drawn over two weeks. */
const DEFAULT_DAYS = 14;
const MAX_DAYS = 366;

const isDone = (categories: ReadonlyMap<string, StatusCategory>, state: ItemState) => {
  const category = categories.get(state.statusId);
  return category === StatusCategory.STATUS_CATEGORY_COMPLETED || category === StatusCategory.STATUS_CATEGORY_CANCELED;
};
const isCompleted = (categories: ReadonlyMap<string, StatusCategory>, state: ItemState) =>
  categories.get(state.statusId) === StatusCategory.STATUS_CATEGORY_COMPLETED;

/** The moment a sprint's figures are read at: now while it runs, its completion once complete. */
export const sprintCutoff = (sprint: SprintFacts, now: number) => sprint.completedAt ?? now;

/**
 * Completing a sprint moves its unfinished items out in the same
 * millisecond: those moves are read as coming after it, so the sprint's end
 * holds what it held when completed, a card moved to Done in that same
 * millisecond included. Kept in the order they were made otherwise.
 */
export function completionMovesLast(changes: readonly ItemChange[], sprints: readonly SprintFacts[]): ItemChange[] {
  const completedAt = new Map(sprints.filter((s) => s.completedAt !== null).map((s) => [s.id, s.completedAt!]));
  const byCompletion = (c: ItemChange) => c.field === 'sprint_id' && c.old !== null && completedAt.get(c.old) === c.at;
  return changes.map((c, i) => ({ c, i, at: byCompletion(c) ? c.at + 0.5 : c.at })).sort((a, b) => a.at - b.at || a.i - b.i).map((x) => (x.at === x.c.at ? x.c : { ...x.c, at: x.at }));
}

export function burndown(input: BurndownInput): IBurndown {
  const { sprint, categories, offsetMinutes } = input;
  const first = sprint.startDate || dayOf(sprint.startedAt, offsetMinutes);
  const lastPlanned = sprint.endDate || (sprint.completedAt !== null ? dayOf(sprint.completedAt, offsetMinutes) : addDays(first, DEFAULT_DAYS - 1));
  const dates = datesBetween(first, lastPlanned < first ? first : lastPlanned).slice(0, MAX_DAYS);
  const cutoff = sprintCutoff(sprint, input.now);
  const dayMoments = dates.map((date) => Math.max(sprint.startedAt, Math.min(endOfDay(date, offsetMinutes), cutoff)));

  const scopeAt = new Map<number, Map<string, ItemState>>();
  walkBack(input.items, completionMovesLast(input.changes, [sprint]), [sprint.startedAt, cutoff, ...dayMoments], (moment, each) => {
    const scope = new Map<string, ItemState>();
    each((item, state) => {
      if (!state.deleted && state.sprintId === sprint.id) scope.set(item.id, { ...state });
    });
    scopeAt.set(moment, scope);
  });

  const committed = scopeAt.get(sprint.startedAt)!;
  const points = (states: Iterable<ItemState>) => [...states].reduce((sum, s) => sum + (s.points ?? 0), 0);
  const committedPoints = points(committed.values());
  const seen = new Set(committed.keys());
  const added = { points: 0, items: 0 };

  const days = dates.map((date, i): IBurndownDay => {
    const ideal = dates.length === 1 ? committedPoints : committedPoints * (1 - i / (dates.length - 1));
    if (startOfDay(date, offsetMinutes) > cutoff) return { date, actual: false, idealPoints: ideal };
    const scope = scopeAt.get(dayMoments[i]!)!;
    const remaining = [...scope.values()].filter((s) => !isDone(categories, s));
    const joined = [...scope.entries()].filter(([id]) => !seen.has(id));
    for (const [id] of joined) seen.add(id);
    const joinedPoints = points(joined.map(([, s]) => s));
    added.points += joinedPoints;
    added.items += joined.length;
    return {
      date,
      actual: true,
      remainingPoints: points(remaining),
      remainingItems: remaining.length,
      idealPoints: ideal,
      addedPoints: joinedPoints,
      addedItems: joined.length,
    };
  });

  const atEnd = [...scopeAt.get(cutoff)!.values()];
  const completed = atEnd.filter((s) => isCompleted(categories, s));
  const open = atEnd.filter((s) => !isDone(categories, s));
  return {
    sprint: input.message,
    days,
    summary: {
      committedPoints,
      committedItems: committed.size,
      completedPoints: points(completed),
      completedItems: completed.length,
      addedPoints: added.points,
      addedItems: added.items,
      carriedOverPoints: points(open),
      carriedOverItems: open.length,
    },
  };
}
