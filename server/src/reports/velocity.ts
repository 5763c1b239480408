// Velocity: for each of the last completed sprints, the points committed at
// its start against the points done when it was completed.
import { StatusCategory, type IVelocity } from '../../../shared/proto.ts';
import { completionMovesLast, sprintCutoff, type SprintFacts } from './burndown.ts';
import { walkBack, type ItemChange, type ItemFacts } from './timeline.ts';

export interface VelocityInput {
  /** Completed sprints, oldest first. */
  sprints: ReadonlyArray<SprintFacts & { name: string; completedAt: number }>;
  items: readonly ItemFacts[];
  changes: readonly ItemChange[];
  categories: ReadonlyMap<string, StatusCategory>;
}

export function velocity(input: VelocityInput): IVelocity {
  const committed = new Map<string, number>();
  const completed = new Map<string, number>();
  const asks = new Map<number, Array<{ sprintId: string; what: 'committed' | 'completed' }>>();
  const ask = (moment: number, sprintId: string, what: 'committed' | 'completed') => asks.set(moment, [...(asks.get(moment) ?? []), { sprintId, what }]);
  for (const sprint of input.sprints) {
    ask(sprint.startedAt, sprint.id, 'committed');
    ask(sprintCutoff(sprint, 0), sprint.id, 'completed');
  }
  walkBack(input.items, completionMovesLast(input.changes, input.sprints), [...asks.keys()], (moment, each) => {
    for (const { sprintId, what } of asks.get(moment)!) {
      let sum = 0;
      each((_item, state) => {
        if (state.deleted || state.sprintId !== sprintId) return;
        if (what === 'completed' && input.categories.get(state.statusId) !== StatusCategory.STATUS_CATEGORY_COMPLETED) return;
        sum += state.points ?? 0;
      });
      (what === 'committed' ? committed : completed).set(sprintId, sum);
    }
  });
  return {
    sprints: input.sprints.map((s) => ({
      sprintId: s.id,
      name: s.name,
      committedPoints: committed.get(s.id) ?? 0,
      completedPoints: completed.get(s.id) ?? 0,
      completedAt: s.completedAt,
    })),
  };
}
