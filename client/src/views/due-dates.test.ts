// Item dates on the viewer's calendar (due-dates.ts): weeks from Monday,
// overdue and soon, days in words. No DOM.
import { describe, expect, it } from 'vitest';
import { dayWords, dueState, dueThisWeek, localDay, weekOf } from './due-dates.ts';

describe('due dates', () => {
  it("DUE-1 today is the viewer's own calendar day", () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });

  it('DUE-2 a week runs Monday to Sunday, across months and years', () => {
    expect(weekOf('2026-03-04')).toEqual({ first: '2026-03-02', last: '2026-03-08' }); // a Wednesday
    expect(weekOf('2026-03-02')).toEqual({ first: '2026-03-02', last: '2026-03-08' }); // its Monday
    expect(weekOf('2026-03-08')).toEqual({ first: '2026-03-02', last: '2026-03-08' }); // its Sunday
    expect(weekOf('2026-01-01')).toEqual({ first: '2025-12-29', last: '2026-01-04' });
    expect(weekOf('2024-02-29')).toEqual({ first: '2024-02-26', last: '2024-03-03' });
  });

  it('DUE-3 due this week: from its Monday to its Sunday; nothing without a date', () => {
    const today = '2026-03-04';
    expect(['2026-03-01', '2026-03-02', '2026-03-04', '2026-03-08', '2026-03-09'].map((d) => dueThisWeek(d, today))).toEqual([false, true, true, true, false]);
    expect(dueThisWeek('', today)).toBe(false);
    expect(dueThisWeek(undefined, today)).toBe(false);
  });

  it('DUE-4 past due and not done is overdue; today and the next two days are soon; done work is never overdue', () => {
    const today = '2026-03-04';
    expect(dueState('2026-03-03', today, false)).toBe('overdue');
    expect(dueState('2025-12-31', today, false)).toBe('overdue');
    expect(dueState('2026-03-04', today, false)).toBe('soon');
    expect(dueState('2026-03-06', today, false)).toBe('soon');
    expect(dueState('2026-03-07', today, false)).toBe('later');
    expect(dueState('2026-03-03', today, true)).toBe('later');
  });

  it('DUE-5 a day in words, with its year only when it is not this one', () => {
    expect(dayWords('2026-03-05', '2026-01-01')).toBe(new Date(2026, 2, 5).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }));
    expect(dayWords('2027-03-05', '2026-01-01')).toContain('2027');
    expect(dayWords('soon', '2026-01-01')).toBe('soon');
  });
});
