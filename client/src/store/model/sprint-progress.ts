// Where the active sprint stands, from the cards the board holds: how much of
// it is done (points, or items when nothing is estimated) and how many days
// are left. No Solid, no DOM.
import { StatusCategory, type ISprint } from '../../../../shared/proto.ts';
import type { Card } from './items.ts';

export interface SprintProgress {
  items: number;
  doneItems: number;
  points: number;
  donePoints: number;
  /** Calendar days from today to the last day (0 on it), negative once past; null without an end date. */
  daysLeft: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from one YYYY-MM-DD date to another. */
export const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export function sprintProgress(
  sprint: ISprint,
  cards: Iterable<Card>,
  categoryOf: (statusId: string) => StatusCategory | undefined,
  today: string,
): SprintProgress {
  const progress: SprintProgress = { items: 0, doneItems: 0, points: 0, donePoints: 0, daysLeft: sprint.endDate ? daysFrom(today, sprint.endDate) : null };
  for (const card of cards) {
    if (card.sprintId !== sprint.id) continue;
    const done = categoryOf(card.statusId) === StatusCategory.STATUS_CATEGORY_COMPLETED;
    const points = card.hasStoryPoints ? Number(card.storyPoints ?? 0) : 0;
    progress.items++;
    progress.points += points;
    if (done) {
      progress.doneItems++;
      progress.donePoints += points;
    }
  }
  return progress;
}

/** The share done, 0-1: by points when anything is estimated, else by items. */
export function doneShare(p: SprintProgress): number {
  if (p.points > 0) return p.donePoints / p.points;
  return p.items > 0 ? p.doneItems / p.items : 0;
}

/** "4 days left", "Last day", "2 days over", or null without an end date. */
export function daysLeftText(daysLeft: number | null): string | null {
  if (daysLeft === null) return null;
  if (daysLeft === 0) return 'Last day';
  if (daysLeft > 0) return `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`;
  return `${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} over`;
}

/** Today as the person's calendar has it, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
