// The Timesheet page's week and table (timesheet.ts).
import { describe, expect, it } from 'vitest';
import { addDays, itemHref, mondayOf, sheetTable, utcOffsetOn, weekFromAddress } from './timesheet.ts';

describe('timesheet', () => {
  it('TIMEUI-14 weeks run Monday to Sunday; the address names any day of one, anything else means this week', () => {
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(addDays('2026-11-30', 7)).toBe('2026-12-07');
    expect(addDays('2026-03-30', -7)).toBe('2026-03-23');
    expect(weekFromAddress('2026-12-02', '2027-01-14')).toBe('2026-11-30');
    expect(weekFromAddress(undefined, '2027-01-14')).toBe('2027-01-11');
    expect(weekFromAddress('2026-02-30', '2027-01-14')).toBe('2027-01-11');
    expect(weekFromAddress('next', '2027-01-14')).toBe('2027-01-11');
    expect(utcOffsetOn('2026-11-30')).toBe(-new Date(2026, 10, 30, 12).getTimezoneOffset());
  });

  it('TIMEUI-15 the answer as one row per item with its minutes per day, each day\'s total and the week\'s; rows link to their items', () => {
    const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
    const table = sheetTable({
      userId: 'u',
      days: days.map((date, i) => ({
        date,
        totalMinutes: [90, 45, 0, 75, 0, 0, 0][i],
        entries: [
          [{ workItemId: 'a', key: 'WEB-10', title: 'Ten', minutes: 90 }],
          [{ workItemId: 'b', key: 'WEB-2', title: 'Two', minutes: 45 }],
          [],
          [
            { workItemId: 'b', key: 'WEB-2', title: 'Two', minutes: 15 },
            { workItemId: 'c', key: 'API-7', title: 'Seven', minutes: 60 },
          ],
          [],
          [],
          [],
        ][i],
      })),
      totalMinutes: 210,
    });
    expect(table.days.map((d) => d.total)).toEqual([90, 45, 0, 75, 0, 0, 0]);
    expect(table.total).toBe(210);
    expect(table.rows.map((r) => [r.key, r.minutes, r.total, r.href])).toEqual([
      ['API-7', [0, 0, 0, 60, 0, 0, 0], 60, '/p/API/item/7'],
      ['WEB-2', [0, 45, 0, 15, 0, 0, 0], 60, '/p/WEB/item/2'],
      ['WEB-10', [90, 0, 0, 0, 0, 0, 0], 90, '/p/WEB/item/10'],
    ]);
    expect(itemHref('OPS-123')).toBe('/p/OPS/item/123');
  });
});
