// How many hours make a day of work ("1d"): a setting of the web client on
// this device (8 unless changed on the Timesheet page). One signal for the
// tab, so every duration shown is written again when it changes; another tab
// reads it at its next load.
import { createSignal } from 'solid-js';
import { formatMinutes } from '../../../shared/domain/time-tracking.ts';
import { makeDeviceStorage } from './device-storage.ts';

const KEY = 'tandem.hours-per-day';
export const HOURS_PER_DAY = { usual: 8, min: 1, max: 24 } as const;

const storage = makeDeviceStorage();

/** A stored or typed value when it is a day's hours (halves allowed: 7.5), else null. */
function validHours(value: string | number | null): number | null {
  const n = Number(value);
  if (value === null || value === '' || !Number.isFinite(n) || n < HOURS_PER_DAY.min || n > HOURS_PER_DAY.max || (n * 2) % 1 !== 0) return null;
  return n;
}

const [hours, setHours] = createSignal(validHours(storage.get(KEY)) ?? HOURS_PER_DAY.usual);

export const hoursPerDay = hours;

/** Keeps `value` on this device when it is a day's hours; false when it is not. */
export function setHoursPerDay(value: string | number): boolean {
  const n = validHours(value);
  if (n === null) return false;
  storage.set(KEY, String(n));
  setHours(n);
  return true;
}

/** Minutes in words, with this device's days: "1d 3h 20m". */
export const duration = (minutes: number): string => formatMinutes(minutes, hours());
