// Time tracking rules (shared/domain/time-tracking.ts).
import { describe, expect, it } from 'vitest';
import { checkLoggedMinutes, formatMinutes, parseDuration, remainingAfter } from './time-tracking.ts';

describe('time tracking rules', () => {
  it('TIME-1 minutes read as days of the configured hours, hours and minutes; durations parse back', () => {
    expect([formatMinutes(0), formatMinutes(45), formatMinutes(90), formatMinutes(8 * 60 + 200), formatMinutes(6 * 60, 6)]).toEqual(['0m', '45m', '1h 30m', '1d 3h 20m', '1d']);
    expect([parseDuration('1d 3h'), parseDuration('90'), parseDuration('2h30m'), parseDuration('1.5h'), parseDuration('1d', 6)]).toEqual([660, 90, 150, 90, 360]);
    expect([parseDuration(''), parseDuration('soon'), parseDuration('3x')]).toEqual([null, null, null]);
  });

  it('TIME-1 logging lowers the remaining estimate, not below 0; a log is 1 minute to a week', () => {
    expect([remainingAfter(120, 30), remainingAfter(20, 30), remainingAfter(null, 30)]).toEqual([90, 0, null]);
    expect(() => checkLoggedMinutes(0)).toThrow(/from 1/);
    expect(() => checkLoggedMinutes(7 * 24 * 60 + 1)).toThrow(/a week/);
    expect(checkLoggedMinutes(15)).toBe(15);
  });
});
