// Item dates as a person's calendar reads them: calendar days written
// `YYYY-MM-DD` (as the wire carries them) in the viewer's own time zone,
// weeks from Monday to Sunday. Comparing such days is comparing their text.
// No Solid and no DOM here.

/** How a card's due date is marked. */
export type DueState = 'overdue' | 'soon' | 'later';

/** Due within this many days from today (today included) is "soon". */
const SOON_DAYS = 2;

const pad = (n: number) => String(n).padStart(2, '0');

/** The viewer's calendar day now. */
export function localDay(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Day arithmetic at noon UTC, where no daylight-saving change can move it to another day. */
function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!, 12) + days * 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Monday and Sunday of the week `day` is in. */
export function weekOf(day: string): { first: string; last: string } {
  const [y, m, d] = day.split('-').map(Number);
  const sinceMonday = (new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7;
  const first = addDays(day, -sinceMonday);
  return { first, last: addDays(first, 6) };
}

export function dueThisWeek(due: string | null | undefined, today: string): boolean {
  if (!due) return false;
  const { first, last } = weekOf(today);
  return due >= first && due <= last;
}

/** Finished work is never overdue. */
export function dueState(due: string, today: string, finished: boolean): DueState {
  if (finished) return 'later';
  if (due < today) return 'overdue';
  return due <= addDays(today, SOON_DAYS) ? 'soon' : 'later';
}

/** "Mar 5", with the year when it is not this year's. */
export function dayWords(day: string, today: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}
