// Capacity planning in the backlog (docs/PROTOCOL.md §5 set_sprint_capacity):
// each member's availability as the editor holds it, checked before it is
// sent, a conflict's differences member by member, and a sprint's capacity
// against what is committed to it, per person and in total. The arithmetic is
// shared/domain/capacity.ts. No Solid, no DOM.
import { checkCapacity, sprintCapacity, workingDays } from '../../../../shared/domain/capacity.ts';
import type { ISprint, IVelocity, IWorkItem } from '../../../../shared/proto.ts';
import { velocityChart } from './report-series.ts';

export interface Availability {
  userId: string;
  daysOff: number;
  focusPercent: number;
  hoursPerDay: number;
}

/** What a member brings when added to a sprint's availability, until changed. */
export const NEW_AVAILABILITY: Omit<Availability, 'userId'> = { daysOff: 0, focusPercent: 80, hoursPerDay: 8 };

export const availabilityOf = (sprint: ISprint): Availability[] =>
  (sprint.capacity ?? []).map((m) => ({
    userId: m.userId ?? '',
    daysOff: Number(m.daysOff ?? 0),
    focusPercent: Number(m.focusPercent ?? 0),
    hoursPerDay: Number(m.hoursPerDay ?? 0),
  }));

/** What is wrong with the list in words (the server's own rules, checked first); null when it may be sent. */
export function availabilityProblem(list: readonly Availability[]): string | null {
  try {
    checkCapacity(list);
    return null;
  } catch (err) {
    return err instanceof Error ? `${err.message}.` : 'The availability cannot be saved.';
  }
}

const same = (a: Availability | undefined, b: Availability | undefined) =>
  a === b || (!!a && !!b && a.daysOff === b.daysOff && a.focusPercent === b.focusPercent && a.hoursPerDay === b.hoursPerDay);

/** Whether two lists give everyone the same availability, whatever their order. */
export function sameAvailability(a: readonly Availability[], b: readonly Availability[]): boolean {
  const byId = new Map(b.map((m) => [m.userId, m]));
  return a.length === b.length && a.every((m) => same(m, byId.get(m.userId)));
}

export interface AvailabilityClash {
  userId: string;
  /** Undefined: not listed on that side. */
  theirs?: Availability;
  mine?: Availability;
}

/** The members the person changed from `base` and someone else saved differently: what they must choose between. */
export function availabilityClashes(base: readonly Availability[], theirs: readonly Availability[], mine: readonly Availability[]): AvailabilityClash[] {
  const index = (list: readonly Availability[]) => new Map(list.map((m) => [m.userId, m]));
  const [b, t, m] = [index(base), index(theirs), index(mine)];
  const ids = [...new Set([...b.keys(), ...t.keys(), ...m.keys()])];
  return ids.filter((id) => !same(m.get(id), b.get(id)) && !same(t.get(id), m.get(id))).map((id) => ({ userId: id, theirs: t.get(id), mine: m.get(id) }));
}

/** "2 days off, 80 % of 8 h"; "not listed" for someone without availability on that side. */
export function availabilityWords(a: Availability | undefined): string {
  if (!a) return 'not listed';
  return `${a.daysOff} ${a.daysOff === 1 ? 'day' : 'days'} off, ${a.focusPercent} % of ${a.hoursPerDay} h`;
}

/** The team's average completed points per sprint; null before a sprint has completed any (no velocity to go by). */
export function teamVelocity(velocity: IVelocity | null | undefined): number | null {
  const average = velocity ? velocityChart(velocity).averageCompleted : null;
  return average && average > 0 ? average : null;
}

export interface Committed {
  points: number;
  /** Remaining estimates of unfinished items, in minutes. */
  minutes: number;
}

export interface PersonLoad {
  userId: string;
  hours: number;
  /** Null without a velocity. */
  points: number | null;
  committed: Committed;
  over: boolean;
}

export interface SprintLoad {
  /** Whether anyone's availability is set; without it there is nothing to be over. */
  planned: boolean;
  hours: number;
  points: number | null;
  committed: Committed;
  /** Members with availability, then anyone else with items assigned in the sprint (who has none). */
  people: PersonLoad[];
  over: boolean;
}

/** Rounding noise (51.2 h of 0.8 focus) is not over. */
const EPSILON = 1e-6;
const exceeds = (c: Committed, hours: number, points: number | null) => c.minutes / 60 > hours + EPSILON || (points !== null && c.points > points + EPSILON);

/**
 * The sprint's capacity against what is committed: every item's story points
 * (done ones too: points are what the sprint took on, as velocity counts
 * them), and the remaining estimates of unfinished items (done work has
 * nothing left). An item counts for its assignee; unassigned ones only in
 * the total.
 */
export function sprintLoad<T extends IWorkItem>(sprint: ISprint, cards: Iterable<T>, finished: (item: T) => boolean, averageVelocity: number | null): SprintLoad {
  const availability = availabilityOf(sprint);
  const capacity = sprintCapacity(availability, workingDays(sprint.startDate ?? '', sprint.endDate ?? ''), averageVelocity);
  const total: Committed = { points: 0, minutes: 0 };
  const byPerson = new Map<string, Committed>();
  for (const item of cards) {
    if (item.sprintId !== sprint.id) continue;
    const points = item.hasStoryPoints ? Number(item.storyPoints ?? 0) : 0;
    const minutes = item.hasRemainingEstimate && !finished(item) ? Number(item.remainingEstimateMinutes ?? 0) : 0;
    total.points += points;
    total.minutes += minutes;
    const who = item.assigneeId ?? '';
    if (!who) continue;
    const mine = byPerson.get(who) ?? { points: 0, minutes: 0 };
    byPerson.set(who, { points: mine.points + points, minutes: mine.minutes + minutes });
  }
  const listed = new Set(capacity.people.map((p) => p.userId));
  const unlisted = [...byPerson.keys()].filter((id) => !listed.has(id)).map((userId) => ({ userId, hours: 0, points: averageVelocity === null ? null : 0 }));
  const people = [...capacity.people, ...unlisted].map((p) => {
    const committed = byPerson.get(p.userId) ?? { points: 0, minutes: 0 };
    return { ...p, committed, over: exceeds(committed, p.hours, p.points) };
  });
  const planned = availability.length > 0;
  return { planned, hours: capacity.hours, points: capacity.points, committed: total, people, over: planned && exceeds(total, capacity.hours, capacity.points) };
}

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);
export const hoursWords = (hours: number): string => `${oneDecimal(hours)} h`;
export const pointsWords = (points: number): string => `${oneDecimal(points)} ${points === 1 ? 'pt' : 'pts'}`;

/** "61.5 h committed of 51.2 h; 21 pts of 18 pts": what is over, in words; null when nothing is. */
export function overWords(capacity: { hours: number; points: number | null }, committed: Committed): string | null {
  const parts: string[] = [];
  if (committed.minutes / 60 > capacity.hours + EPSILON) parts.push(`${hoursWords(committed.minutes / 60)} committed of ${hoursWords(capacity.hours)}`);
  if (capacity.points !== null && committed.points > capacity.points + EPSILON) parts.push(`${pointsWords(committed.points)} committed of ${pointsWords(capacity.points)}`);
  return parts.length ? parts.join('; ') : null;
}
