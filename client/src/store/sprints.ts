// The sprints of one open project, from the board slice (get_board's sprints,
// sprint events and the Results of sprint writes all land there), and the
// sprint writes, through the board's send path. They wait for their reply
// (nothing is shown before it) and refusals go back to the form that asked.
import { createMemo, type Accessor } from 'solid-js';
import { SprintState, type ISprint } from '../../../shared/proto.ts';
import type { Command } from '../../../shared/protocol/commands.ts';
import type { BoardSlice } from './board.ts';
import { availabilityOf, sameAvailability, type Availability } from './model/capacity.ts';
import { sprintPatch, type SprintFields } from './model/sprint-edit.ts';
import { openSprints } from './model/sprints.ts';
import { resultOf } from './writes.ts';

export type SprintUpdate =
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  /** Someone saved the sprint since `base`: their version, for the person to choose against. */
  | { kind: 'conflict'; theirs: ISprint };

export interface SprintsSlice {
  /** Planned and active sprints: the active one first, then planned by start date and name. */
  open: Accessor<ISprint[]>;
  planned: Accessor<ISprint[]>;
  active: Accessor<ISprint | null>;
  create(fields: SprintFields): Promise<ISprint>;
  /** Sends the fields of `wanted` that differ from `base`, against base's version; other refusals reject. */
  update(base: ISprint, wanted: SprintFields): Promise<SprintUpdate>;
  /** Replaces the sprint's availability, against base's version; other refusals reject. */
  setCapacity(base: ISprint, members: readonly Availability[]): Promise<SprintUpdate>;
  /** Rejects with the server's refusal (one active sprint per project: FAILED_PRECONDITION). */
  start(sprintId: string): Promise<void>;
  /** Unfinished items go to `nextSprintId`, or to the backlog when it is ''. */
  complete(sprintId: string, nextSprintId: string): Promise<void>;
  /** A sprint that has not started; its items go to the backlog. */
  remove(sprintId: string): Promise<void>;
}

export function createSprintsSlice(board: BoardSlice): SprintsSlice {
  const open = createMemo(() => openSprints(board.sprints().values()));
  const projectId = () => board.project()?.id ?? '';
  const write = async (command: Command, action: string) => resultOf(await board.send({ command, action }));
  const named = (sprintId: string) => board.sprints().get(sprintId)?.name || 'the sprint';
  /** A write against the sprint's version: CONFLICT comes back as theirs, for the person to choose against. */
  const versioned = async (command: Command, action: string): Promise<SprintUpdate> => {
    const outcome = await board.send({ command, action });
    const current = outcome.kind === 'conflict' ? outcome.error.current : null;
    if (current && 'sprint' in current) return { kind: 'conflict', theirs: current.sprint };
    resultOf(outcome);
    return { kind: 'saved' };
  };

  return {
    open,
    planned: () => open().filter((s) => s.state === SprintState.SPRINT_STATE_PLANNED),
    active: () => open().find((s) => s.state === SprintState.SPRINT_STATE_ACTIVE) ?? null,
    create: async (fields) => (await write({ createSprint: { projectId: projectId(), ...fields } }, `create ${fields.name}`)).sprint ?? {},
    async update(base, wanted) {
      const patch = sprintPatch(base, wanted);
      if (Object.keys(patch).length === 0) return { kind: 'unchanged' };
      return versioned({ updateSprint: { sprintId: base.id ?? '', expectedVersion: Number(base.version ?? 0), ...patch } }, `save ${named(base.id ?? '')}`);
    },
    async setCapacity(base, members) {
      if (sameAvailability(availabilityOf(base), members)) return { kind: 'unchanged' };
      return versioned(
        { setSprintCapacity: { sprintId: base.id ?? '', expectedVersion: Number(base.version ?? 0), members: [...members] } },
        `save the availability for ${named(base.id ?? '')}`,
      );
    },
    start: async (sprintId) => {
      await write({ startSprint: { sprintId } }, `start ${named(sprintId)}`);
    },
    complete: async (sprintId, nextSprintId) => {
      await write({ completeSprint: { sprintId, nextSprintId } }, `complete ${named(sprintId)}`);
    },
    remove: async (sprintId) => {
      await write({ deleteSprint: { sprintId } }, `delete ${named(sprintId)}`);
    },
  };
}
