// Capacity planning's arithmetic (shared/domain/capacity.ts).
import { describe, expect, it } from 'vitest';
import { checkCapacity, memberHours, sprintCapacity, workingDays } from './capacity.ts';

const ada = { userId: 'ada', daysOff: 0, focusPercent: 80, hoursPerDay: 8 };
const bob = { userId: 'bob', daysOff: 5, focusPercent: 100, hoursPerDay: 6 };

describe('capacity', () => {
  it('CAP-1 working days are Monday to Friday, both ends included; two weeks without dates', () => {
    expect([workingDays('2026-12-07', '2026-12-18'), workingDays('2026-12-05', '2026-12-06'), workingDays('', '')]).toEqual([10, 0, 10]);
  });

  it('CAP-1 a member\'s hours: days there, times their day, times their focus; points by velocity scaled by the hours the team has', () => {
    expect([memberHours(ada, 10), memberHours(bob, 10)]).toEqual([64, 30]);
    const cap = sprintCapacity([ada, bob], 10, 40);
    // Usual hours: 64 + 60 = 124; this sprint 94: 40 * 94 / 124.
    expect(cap.hours).toBe(94);
    expect(cap.points).toBeCloseTo((40 * 94) / 124);
    expect(cap.people.map((p) => [p.userId, p.hours])).toEqual([['ada', 64], ['bob', 30]]);
    expect(sprintCapacity([ada], 10, null).points).toBeNull();
  });

  it('CAP-1 availability is checked: each member once, days off, focus and hours in range', () => {
    expect(() => checkCapacity([ada, ada])).toThrow(/once/);
    expect(() => checkCapacity([{ ...ada, focusPercent: 120 }])).toThrow(/Focus/);
    expect(() => checkCapacity([{ ...ada, hoursPerDay: 0 }])).toThrow(/Hours per day/);
    expect(() => checkCapacity([{ ...ada, daysOff: -1 }])).toThrow(/Days off/);
  });
});
