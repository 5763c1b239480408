// The project's sprints (completed ones too), the newest version of each
// whichever of a reply, an event or a reload arrives last, and the open ones
// in planning order.
import { SprintState, type ISprint } from '../../../../shared/proto.ts';
import type { EntityReducer } from './reducer.ts';

export type SprintsById = ReadonlyMap<string, ISprint>;

/** Keeps the newer of what we hold and what arrived (a reload may be older than an event that overtook it). */
export function applySprint(known: SprintsById, sprint: ISprint): SprintsById {
  const id = sprint.id ?? '';
  if (!id) return known;
  const have = known.get(id);
  if (have && Number(have.version ?? 0) > Number(sprint.version ?? 0)) return known;
  if (Number(sprint.deletedAt ?? 0) > 0) {
    const rest = new Map(known);
    rest.delete(id);
    return rest;
  }
  return new Map(known).set(id, sprint);
}

export function openSprints(all: Iterable<ISprint>): ISprint[] {
  const order = (s: ISprint) => (s.state === SprintState.SPRINT_STATE_ACTIVE ? 0 : 1);
  return [...all]
    .filter((s) => s.state === SprintState.SPRINT_STATE_ACTIVE || s.state === SprintState.SPRINT_STATE_PLANNED)
    .sort(
      (a, b) =>
        order(a) - order(b) ||
        // Undated sprints after dated ones.
        (a.startDate || '\uffff').localeCompare(b.startDate || '\uffff') ||
        (a.name ?? '').localeCompare(b.name ?? '') ||
        (a.id ?? '').localeCompare(b.id ?? ''),
    );
}

export const sprintsReducer: EntityReducer<SprintsById> = {
  event: (known, event) => (event.sprint?.sprint ? applySprint(known, event.sprint.sprint) : known),
  reply(known, reply, projectId) {
    const sprint = reply.ok ? reply.result.sprint : reply.error.current && 'sprint' in reply.error.current ? reply.error.current.sprint : null;
    return sprint && sprint.projectId === projectId ? applySprint(known, sprint) : known;
  },
};
