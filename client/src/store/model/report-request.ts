// What the Reports page asks the server for: which sprint a burndown shows,
// which days the flow reports cover, and the get_report command with the
// asker's time zone. No Solid, no DOM.
import { SprintState, type IClientFrame, type ISprint, type ReportKind } from '../../../../shared/proto.ts';

export interface ReportRequest {
  kind: ReportKind;
  sprintId?: string;
  fromDate?: string;
  toDate?: string;
}

export type GetReport = NonNullable<IClientFrame['getReport']>;

/** The command for `request`, with where this browser's days begin (the server counts days there). */
export function reportCommand(projectId: string, request: ReportRequest, now: Date): GetReport {
  return { projectId, ...request, utcOffsetMinutes: -now.getTimezoneOffset() };
}

export const sameRequest = (a: ReportRequest | null, b: ReportRequest | null): boolean =>
  a === b ||
  (a !== null && b !== null && a.kind === b.kind && a.sprintId === b.sprintId && a.fromDate === b.fromDate && a.toDate === b.toDate);

export const RANGE_DAYS = [14, 30, 90] as const;
export type RangeDays = (typeof RANGE_DAYS)[number];

/** The `?range=` of the page's address; anything else is the last 30 days. */
export function rangeOf(param: string | undefined): RangeDays {
  return RANGE_DAYS.find((d) => String(d) === param) ?? 30;
}

const calendarDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The last `days` calendar days here, today included. */
export function lastDays(days: number, now: Date): { fromDate: string; toDate: string } {
  const first = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { fromDate: calendarDate(first), toDate: calendarDate(now) };
}

/** The sprints a burndown can show (those that have started): the active one first, then the completed ones, latest first. */
export function burndownSprints(sprints: Iterable<ISprint>): ISprint[] {
  const order = (s: ISprint) => (s.state === SprintState.SPRINT_STATE_ACTIVE ? 0 : 1);
  return [...sprints]
    .filter((s) => s.state === SprintState.SPRINT_STATE_ACTIVE || s.state === SprintState.SPRINT_STATE_COMPLETED)
    .sort((a, b) => order(a) - order(b) || Number(b.startedAt ?? 0) - Number(a.startedAt ?? 0) || (a.id ?? '').localeCompare(b.id ?? ''));
}

/** The sprint chosen when it can be shown, else the active one; null when neither (the page offers the choice). */
export function burndownSprintId(choices: readonly ISprint[], chosen: string | undefined): string | null {
  if (chosen && choices.some((s) => s.id === chosen)) return chosen;
  const active = choices.find((s) => s.state === SprintState.SPRINT_STATE_ACTIVE);
  return active?.id ?? null;
}

/** The item number of a key (`WEB-12` is 12), which the item's address uses. */
export function itemNumberOfKey(key: string): number | null {
  const n = Number(key.slice(key.lastIndexOf('-') + 1));
  return Number.isInteger(n) && n > 0 ? n : null;
}
