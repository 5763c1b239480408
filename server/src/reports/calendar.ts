// Calendar days as the asker counts them: a report's days begin at midnight
// in their time zone, given as minutes east of UTC.
const DAY_MS = 24 * 60 * 60 * 1000;

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** When `date` (YYYY-MM-DD) begins, in epoch milliseconds. */
export function startOfDay(date: string, offsetMinutes: number): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) - offsetMinutes * 60_000;
}

/** The last millisecond of `date`. */
export const endOfDay = (date: string, offsetMinutes: number): number => startOfDay(date, offsetMinutes) + DAY_MS - 1;

/** The date a moment falls on. */
export function dayOf(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included; none when `to` comes first. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}
