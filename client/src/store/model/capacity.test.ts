// Capacity planning in the backlog (capacity.ts): the sprint's figures, the
// editor's checks and a conflict's differences.
import { describe, expect, it } from 'vitest';
import type { ISprint, IWorkItem } from '../../../../shared/proto.ts';
import {
  availabilityClashes,
  availabilityProblem,
  availabilityWords,
  NEW_AVAILABILITY,
  overWords,
  sameAvailability,
  sprintLoad,
  teamVelocity,
  type Availability,
} from './capacity.ts';

// Monday 7 to Friday 18 January 2030: ten working days.
const sprint = (capacity: Availability[]): ISprint => ({ id: 's1', startDate: '2030-01-07', endDate: '2030-01-18', capacity });
const ada: Availability = { userId: 'ada', daysOff: 2, focusPercent: 80, hoursPerDay: 8 };
const bob: Availability = { userId: 'bob', daysOff: 0, focusPercent: 50, hoursPerDay: 6 };
const item = (id: string, fields: IWorkItem): IWorkItem => ({ id, sprintId: 's1', ...fields });
const notDone = () => false;

describe('capacity in the backlog', () => {
  it('CAPUI-1 hours per person and in total from their availability; committed is story points and remaining estimates', () => {
    const items = [
      item('a', { assigneeId: 'ada', storyPoints: 5, hasStoryPoints: true, remainingEstimateMinutes: 600, hasRemainingEstimate: true }),
      item('b', { assigneeId: 'bob', storyPoints: 3, hasStoryPoints: true }),
      item('c', { remainingEstimateMinutes: 120, hasRemainingEstimate: true }),
      item('x', { sprintId: 's2', assigneeId: 'ada', storyPoints: 8, hasStoryPoints: true }),
    ];
    const load = sprintLoad(sprint([ada, bob]), items, notDone, null);
    expect(load.planned).toBe(true);
    expect(load.hours).toBeCloseTo(51.2 + 30);
    expect(load.points).toBeNull();
    expect(load.committed).toEqual({ points: 8, minutes: 720 });
    expect(load.people.map((p) => [p.userId, Math.round(p.hours * 10) / 10, p.committed])).toEqual([
      ['ada', 51.2, { points: 5, minutes: 600 }],
      ['bob', 30, { points: 3, minutes: 0 }],
    ]);
    expect(load.over).toBe(false);
  });

  it('CAPUI-2 with a velocity, points shared by each person\'s usual hours; over when points or hours exceed', () => {
    const items = [item('a', { assigneeId: 'bob', storyPoints: 13, hasStoryPoints: true })];
    const load = sprintLoad(sprint([ada, bob]), items, notDone, 20);
    // Usual hours 64 + 30 = 94; Ada's two days off leave 81.2 of them.
    expect(load.points).toBeCloseTo((20 * 81.2) / 94);
    const bobLoad = load.people.find((p) => p.userId === 'bob')!;
    expect(bobLoad.points).toBeCloseTo((20 * 30) / 94);
    expect(bobLoad.over).toBe(true);
    expect(load.over).toBe(false);
    const more = sprintLoad(sprint([ada, bob]), [...items, item('b', { storyPoints: 5, hasStoryPoints: true })], notDone, 20);
    expect(more.over).toBe(true);
  });

  it('CAPUI-3 done items keep their points but have no time left; someone assigned without availability is over with any work', () => {
    const items = [
      item('d', { assigneeId: 'ada', statusId: 'done', storyPoints: 2, hasStoryPoints: true, remainingEstimateMinutes: 300, hasRemainingEstimate: true }),
      item('z', { assigneeId: 'zed', remainingEstimateMinutes: 60, hasRemainingEstimate: true }),
    ];
    const load = sprintLoad(sprint([ada]), items, (i) => i.statusId === 'done', null);
    expect(load.committed).toEqual({ points: 2, minutes: 60 });
    expect(load.people.map((p) => [p.userId, p.hours, p.over])).toEqual([
      ['ada', expect.closeTo(51.2), false],
      ['zed', 0, true],
    ]);
  });

  it('CAPUI-4 without availability nothing is over; with it, committed hours past capacity are', () => {
    const heavy = [item('a', { remainingEstimateMinutes: 60 * 100, hasRemainingEstimate: true })];
    expect(sprintLoad(sprint([]), heavy, notDone, null)).toMatchObject({ planned: false, hours: 0, over: false });
    const load = sprintLoad(sprint([bob]), heavy, notDone, null);
    expect(load.over).toBe(true);
    expect(overWords(load, load.committed)).toBe('100 h committed of 30 h');
    expect(overWords({ hours: 10, points: 4 }, { points: 5, minutes: 60 })).toBe('5 pts committed of 4 pts');
    expect(overWords({ hours: 51.2, points: null }, { points: 0, minutes: 51.2 * 60 })).toBeNull();
  });

  it('CAPUI-5 velocity is the average completed per sprint; none before a sprint completed points', () => {
    expect(teamVelocity({ sprints: [{ completedPoints: 10 }, { completedPoints: 20 }] })).toBe(15);
    expect(teamVelocity({ sprints: [] })).toBeNull();
    expect(teamVelocity({ sprints: [{ completedPoints: 0 }] })).toBeNull();
    expect(teamVelocity(null)).toBeNull();
  });

  it('CAPUI-6 the editor is checked by the server\'s rules before sending; a new member starts at 0 days off, 80 % of 8 h', () => {
    expect(NEW_AVAILABILITY).toEqual({ daysOff: 0, focusPercent: 80, hoursPerDay: 8 });
    expect(availabilityProblem([ada, bob])).toBeNull();
    expect(availabilityProblem([{ ...ada, focusPercent: 120 }])).toMatch(/Focus is a share from 0 to 100 %/);
    expect(availabilityProblem([{ ...ada, hoursPerDay: Number.NaN }])).toMatch(/Hours per day/);
    expect(availabilityProblem([{ ...ada, daysOff: 1.5 }])).toMatch(/Days off/);
  });

  it('CAPUI-7 a conflict lists the members the person changed that someone else saved differently, in words', () => {
    const base = [ada, bob];
    const mine = [{ ...ada, daysOff: 3 }, bob, { userId: 'cy', ...NEW_AVAILABILITY }];
    const theirs = [{ ...ada, daysOff: 1 }, { ...bob, focusPercent: 70 }];
    expect(availabilityClashes(base, theirs, mine)).toEqual([
      { userId: 'ada', theirs: theirs[0], mine: mine[0] },
      { userId: 'cy', theirs: undefined, mine: mine[2] },
    ]);
    expect(availabilityClashes(base, [{ ...ada, daysOff: 3 }, bob], mine).map((c) => c.userId)).toEqual(['cy']);
    expect(availabilityWords(ada)).toBe('2 days off, 80 % of 8 h');
    expect(availabilityWords(undefined)).toBe('not listed');
    expect(sameAvailability([ada, bob], [bob, ada])).toBe(true);
    expect(sameAvailability([ada, bob], [ada])).toBe(false);
  });
});
