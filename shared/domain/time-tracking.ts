// Time tracking rules (docs/PROTOCOL.md §5, v12), shared so the client says
// the same before sending: what a work log may hold, and how minutes read.
import { invalidArgument } from './errors.ts';
import { checkText, MINUTES_MAX } from './validation.ts';

export const WORK_LOG_LIMITS = { noteMax: 1000, minutesMax: 7 * 24 * 60 } as const;

/** A work log's length: at least a minute, at most a week (a typo, not a log, past that). */
export function checkLoggedMinutes(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > WORK_LOG_LIMITS.minutesMax) {
    throw invalidArgument('minutes', `A work log is whole minutes from 1 to ${WORK_LOG_LIMITS.minutesMax} (a week)`);
  }
  return minutes;
}

export function checkWorkNote(note: string): string {
  checkText(note, 'note', 'The note');
  if ([...note].length > WORK_LOG_LIMITS.noteMax) throw invalidArgument('note', `A note is at most ${WORK_LOG_LIMITS.noteMax} characters`);
  return note;
}

/** When the work began: a moment, not more than a day ahead of now (clocks differ, plans are not logs). */
export function checkStartedAt(startedAt: number, now: number): number {
  if (!Number.isInteger(startedAt) || startedAt <= 0 || startedAt > now + 24 * 60 * 60 * 1000) {
    throw invalidArgument('started_at', 'started_at must be a moment up to a day from now');
  }
  return startedAt;
}

/** The remaining estimate after logging `minutes`: down by them, not below 0; none stays none. */
export function remainingAfter(remaining: number | null, minutes: number): number | null {
  return remaining === null ? null : Math.max(0, remaining - minutes);
}

/** "1d 3h 20m" with days of `hoursPerDay` hours; "0m" for nothing. */
export function formatMinutes(total: number, hoursPerDay = 8): string {
  const perDay = hoursPerDay * 60;
  const days = Math.floor(total / perDay);
  const hours = Math.floor((total % perDay) / 60);
  const minutes = total % 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0m';
}

/** "1d 3h", "90m", "2h30m", "1.5h" as minutes; null when it is not a duration. */
export function parseDuration(text: string, hoursPerDay = 8): number | null {
  const clean = text.trim().toLowerCase();
  if (!clean) return null;
  if (/^\d+$/.test(clean)) return Number(clean);
  let total = 0;
  let rest = clean;
  const unit = { d: hoursPerDay * 60, h: 60, m: 1 } as const;
  for (const m of clean.matchAll(/(\d+(?:\.\d+)?)\s*([dhm])/g)) {
    total += Number(m[1]) * unit[m[2] as keyof typeof unit];
    rest = rest.replace(m[0], '');
  }
  if (rest.trim() !== '') return null;
  const minutes = Math.round(total);
  return minutes > 0 && minutes <= MINUTES_MAX ? minutes : null;
}
