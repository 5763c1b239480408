// What a report request may ask for (GetReport, docs/PROTOCOL.md §5).
import { ReportKind } from '../proto.ts';
import { invalidArgument } from './errors.ts';
import { checkDate } from './validation.ts';

export const REPORT_LIMITS = {
  sprintsDefault: 6,
  sprintsMax: 20,
  rangeDaysDefault: 30,
  rangeDaysMax: 366,
  /** Time zones run from UTC-12 to UTC+14. */
  offsetMinutesMax: 14 * 60,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export function checkReportKind(kind: number): ReportKind {
  if (!Object.values(ReportKind).includes(kind) || kind === ReportKind.REPORT_KIND_UNSPECIFIED) {
    throw invalidArgument('kind', 'kind must be a known report: burndown, velocity, cumulative flow or cycle time');
  }
  return kind as ReportKind;
}

export function checkSprintCount(count: number): number {
  if (count === 0) return REPORT_LIMITS.sprintsDefault;
  if (!Number.isInteger(count) || count < 1 || count > REPORT_LIMITS.sprintsMax) {
    throw invalidArgument('sprints', `Velocity covers 1 to ${REPORT_LIMITS.sprintsMax} sprints`);
  }
  return count;
}

export function checkUtcOffset(minutes: number): number {
  if (!Number.isInteger(minutes) || Math.abs(minutes) > REPORT_LIMITS.offsetMinutesMax) {
    throw invalidArgument('utc_offset_minutes', 'utc_offset_minutes must be a time zone offset, -840 to 840');
  }
  return minutes;
}

/** The range's dates, both given or neither (then the last 30 days up to `today`). */
export function checkReportRange(from: string, to: string, today: string): { from: string; to: string } {
  checkDate(from, 'from_date');
  checkDate(to, 'to_date');
  if (!from && !to) return { from: shiftDate(today, 1 - REPORT_LIMITS.rangeDaysDefault), to: today };
  if (!from || !to) throw invalidArgument(from ? 'to_date' : 'from_date', 'A range needs both from_date and to_date');
  if (from > to) throw invalidArgument('to_date', 'to_date comes before from_date');
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > REPORT_LIMITS.rangeDaysMax) {
    throw invalidArgument('to_date', `A range is at most ${REPORT_LIMITS.rangeDaysMax} days`);
  }
  return { from, to };
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}
