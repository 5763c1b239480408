// Capacity planning (docs/PROTOCOL.md §5, v14): what each member's
// availability gives a sprint in hours, and in points by the team's velocity.
// Shared: the server checks availability, the backlog computes capacity.
import type { IMemberCapacity } from '../proto.ts';
import { invalidArgument } from './errors.ts';

export const CAPACITY_LIMITS = { membersMax: 200, daysOffMax: 366, hoursPerDayMin: 0.5, hoursPerDayMax: 24 } as const;

/** A sprint without both dates is taken as two working weeks. */
export const DEFAULT_WORKING_DAYS = 10;

export function checkCapacity(members: readonly IMemberCapacity[]): IMemberCapacity[] {
  const seen = new Set<string>();
  for (const m of members) {
    const who = m.userId ?? '';
    if (seen.has(who)) throw invalidArgument('members', 'Each member is listed once');
    seen.add(who);
    const days = Number(m.daysOff ?? 0);
    const focus = Number(m.focusPercent ?? 0);
    const hours = Number(m.hoursPerDay ?? 0);
    if (!Number.isInteger(days) || days < 0 || days > CAPACITY_LIMITS.daysOffMax) throw invalidArgument('members', 'Days off are whole days from 0');
    if (!Number.isInteger(focus) || focus < 0 || focus > 100) throw invalidArgument('members', 'Focus is a share from 0 to 100 %');
    if (!(hours >= CAPACITY_LIMITS.hoursPerDayMin && hours <= CAPACITY_LIMITS.hoursPerDayMax)) {
      throw invalidArgument('members', `Hours per day are from ${CAPACITY_LIMITS.hoursPerDayMin} to ${CAPACITY_LIMITS.hoursPerDayMax}`);
    }
  }
  return [...members];
}

/** Monday-to-Friday days from start to end (YYYY-MM-DD), both included; DEFAULT_WORKING_DAYS without both. */
export function workingDays(start: string, end: string): number {
  if (!start || !end || end < start) return DEFAULT_WORKING_DAYS;
  let days = 0;
  for (let t = Date.parse(start); t <= Date.parse(end); t += 86_400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return days;
}

/** A member's hours for the sprint: the days they are there, their day, their focus. */
export function memberHours(m: IMemberCapacity, sprintDays: number): number {
  return Math.max(0, sprintDays - Number(m.daysOff ?? 0)) * Number(m.hoursPerDay ?? 0) * (Number(m.focusPercent ?? 0) / 100);
}

export interface SprintCapacity {
  hours: number;
  /** Null without a velocity to go by. */
  points: number | null;
  people: Array<{ userId: string; hours: number; points: number | null }>;
}

/**
 * The sprint's capacity. Points come from the team's velocity (the average
 * completed per sprint), scaled by the share of the team's usual hours this
 * sprint has: a week off for one of four is a quarter less of their share.
 */
export function sprintCapacity(members: readonly IMemberCapacity[], sprintDays: number, averageVelocity: number | null): SprintCapacity {
  const usual = members.reduce((sum, m) => sum + memberHours({ ...m, daysOff: 0 }, sprintDays), 0);
  const people = members.map((m) => {
    const hours = memberHours(m, sprintDays);
    const points = averageVelocity === null || usual === 0 ? null : (averageVelocity * hours) / usual;
    return { userId: m.userId ?? '', hours, points };
  });
  const hours = people.reduce((sum, p) => sum + p.hours, 0);
  const points = averageVelocity === null || usual === 0 ? null : (averageVelocity * hours) / usual;
  return { hours, points, people };
}
