// The Timesheet page's week: which week its address asks for (weeks from
// Monday, days on the person's calendar), the get_timesheet request in the
// person's time zone, and the answer as a table: one row per item with its
// minutes per day, each day's total and the week's. No Solid, no DOM.
import type { tandem } from '../../../../shared/gen/tandem.js';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Noon UTC of a YYYY-MM-DD day, where no daylight-saving change moves it to another day. */
const noonOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, 12));
};
const dayText = (t: Date) => `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;

export const addDays = (day: string, days: number): string => dayText(new Date(noonOf(day).getTime() + days * DAY_MS));

/** The Monday of the week `day` is in. */
export const mondayOf = (day: string): string => addDays(day, -((noonOf(day).getUTCDay() + 6) % 7));

/** The week an address's `?week=` names (any day of it), else the week of `today`. */
export function weekFromAddress(param: string | undefined, today: string): string {
  // A day that does not exist (2026-02-30) reads back as another one.
  const asked = param && DAY.test(param) && dayText(noonOf(param)) === param ? param : today;
  return mondayOf(asked);
}

/** The person's offset from UTC on the week's first day (a change of clocks within the week moves a late-night log at most). */
export function utcOffsetOn(weekStart: string): number {
  const [y, m, d] = weekStart.split('-').map(Number);
  return -new Date(y!, m! - 1, d!, 12).getTimezoneOffset();
}

/** "WEB-12" → "/p/WEB/item/12", where the item opens over its board. */
export function itemHref(key: string): string {
  const dash = key.lastIndexOf('-');
  return `/p/${encodeURIComponent(key.slice(0, dash))}/item/${key.slice(dash + 1)}`;
}

export interface SheetRow {
  workItemId: string;
  key: string;
  title: string;
  href: string;
  /** Minutes per day of the week, Monday first. */
  minutes: number[];
  total: number;
}

export interface SheetTable {
  days: { date: string; total: number }[];
  rows: SheetRow[];
  total: number;
}

/** Keys in their project's order, then by number: WEB-2 before WEB-10. */
function byKey(a: SheetRow, b: SheetRow): number {
  const [pa, na] = [a.key.slice(0, a.key.lastIndexOf('-')), Number(a.key.slice(a.key.lastIndexOf('-') + 1))];
  const [pb, nb] = [b.key.slice(0, b.key.lastIndexOf('-')), Number(b.key.slice(b.key.lastIndexOf('-') + 1))];
  return pa.localeCompare(pb) || na - nb;
}

/** get_timesheet's answer as rows per item and totals per day. */
export function sheetTable(sheet: tandem.v1.ITimesheet): SheetTable {
  const days = sheet.days ?? [];
  const rows = new Map<string, SheetRow>();
  days.forEach((day, i) => {
    for (const entry of day.entries ?? []) {
      const id = entry.workItemId ?? '';
      let row = rows.get(id);
      if (!row) {
        const key = entry.key ?? '';
        row = { workItemId: id, key, title: entry.title ?? '', href: itemHref(key), minutes: days.map(() => 0), total: 0 };
        rows.set(id, row);
      }
      row.minutes[i]! += Number(entry.minutes ?? 0);
      row.total += Number(entry.minutes ?? 0);
    }
  });
  return {
    days: days.map((d) => ({ date: d.date ?? '', total: Number(d.totalMinutes ?? 0) })),
    rows: [...rows.values()].sort(byKey),
    total: Number(sheet.totalMinutes ?? 0),
  };
}
