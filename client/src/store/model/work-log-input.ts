// The "Log work" form and a log's edit as a person fills them in: how long
// (a duration in the device's days), when (the browser's datetime-local text,
// on the person's own clock), a note, and what remains. Checked with the
// server's own rules (shared/domain/time-tracking.ts) before anything is sent,
// so a typo is said in the form rather than refused a round trip later.
import { AppError } from '../../../../shared/domain/errors.ts';
import { checkLoggedMinutes, checkStartedAt, checkWorkNote, parseDuration } from '../../../../shared/domain/time-tracking.ts';
import type { IWorkLog } from '../../../../shared/proto.ts';
import { readDuration } from './estimates.ts';
import type { WorkLogChange } from './work-logs.ts';

export interface LogForm {
  duration: string;
  /** `YYYY-MM-DDTHH:mm`, local time. */
  when: string;
  note: string;
  /** null: the remaining estimate goes down by the time logged; text: what remains. */
  remaining: string | null;
}

export interface LogFields {
  startedAt: number;
  minutes: number;
  note: string;
  remainingEstimateMinutes?: number;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

const problem = (words: string): { ok: false; problem: string } => ({ ok: false, problem: words });

/** A rule's refusal as the form says it. */
function checked<T>(check: () => T): Read<T> {
  try {
    return { ok: true, value: check() };
  } catch (err) {
    if (err instanceof AppError) return problem(`${err.message}.`);
    throw err;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a datetime-local input shows it, on this device's clock. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function readCommon(form: Omit<LogForm, 'remaining'>, hoursPerDay: number, now: number): Read<Omit<LogFields, 'remainingEstimateMinutes'>> {
  const minutes = parseDuration(form.duration, hoursPerDay);
  if (minutes === null) return problem(form.duration.trim() ? `“${form.duration.trim()}” is not a duration: write it as 1h 30m, 45m or 1d.` : 'Say how long you worked, as 1h 30m, 45m or 1d.');
  // Typed without an offset, the text is read as local time.
  const startedAt = new Date(form.when).getTime();
  if (!form.when || Number.isNaN(startedAt)) return problem('Say when the work began.');
  if (startedAt > now + DAY_MS) return problem('That is more than a day ahead: log the work once it is done.');
  return checked(() => ({
    minutes: checkLoggedMinutes(minutes),
    startedAt: checkStartedAt(startedAt, now),
    note: checkWorkNote(form.note.trim()),
  }));
}

/** A new log's fields for log_work. */
export function readLogForm(form: LogForm, hoursPerDay: number, now: number): Read<LogFields> {
  const common = readCommon(form, hoursPerDay, now);
  if (!common.ok || form.remaining === null) return common;
  const remaining = readDuration(form.remaining, hoursPerDay);
  if (!remaining.ok) return remaining;
  if (remaining.minutes === null) return problem('Say what remains, or let the remaining estimate go down by the time logged.');
  return { ok: true, value: { ...common.value, remainingEstimateMinutes: remaining.minutes } };
}

/** What an edit changes of `log`: only the fields that differ (none: nothing to send). */
export function readLogEdit(log: IWorkLog, form: Omit<LogForm, 'remaining'>, hoursPerDay: number, now: number): Read<WorkLogChange> {
  const read = readCommon(form, hoursPerDay, now);
  if (!read.ok) return read;
  const { minutes, startedAt, note } = read.value;
  const change: WorkLogChange = {};
  if (minutes !== Number(log.minutes ?? 0)) change.minutes = minutes;
  // The form shows minutes only: a start left alone keeps its seconds.
  if (localDateTime(startedAt) !== localDateTime(Number(log.startedAt ?? 0))) change.startedAt = startedAt;
  if (note !== (log.note ?? '')) change.note = note;
  return { ok: true, value: change };
}
