// The sprints of one open project, from the board slice (get_board's sprints,
// sprint events and the Results of sprint writes all land there), and the
// sprint writes. A sprint carries a version, so whichever of a reply, an
// event or a reload arrives last, the newest version wins.
import { createMemo, type Accessor } from 'solid-js';
import { ErrorCode, SprintState, type ISprint } from '../../../shared/proto.ts';
import type { BoardSlice } from './board.ts';
import type { Live } from './live.ts';
import type { BoardWriteMeta } from './replayed.ts';
import { openSprints, sprintPatch, type SprintFields } from './sprint-logic.ts';

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
  /** Rejects with the server's refusal (one active sprint per project: FAILED_PRECONDITION). */
  start(sprintId: string): Promise<void>;
  /** Unfinished items go to `nextSprintId`, or to the backlog when it is ''. */
  complete(sprintId: string, nextSprintId: string): Promise<void>;
}

export function createSprintsSlice(live: Live, board: BoardSlice): SprintsSlice {
  const open = createMemo(() => openSprints(board.sprints().values()));
  const projectId = () => board.project()?.id ?? '';
  // The board slice takes the Result's sprint from the reply itself, before this promise settles;
  // after a reload (no promise) it also says in words why a replayed sprint write was refused.
  const write = (command: Parameters<Live['connection']['request']>[0], action: string) => {
    const meta: BoardWriteMeta = { board: projectId(), action };
    return live.connection.request(command, { meta });
  };
  const named = (sprintId: string) => board.sprints().get(sprintId)?.name || 'the sprint';

  return {
    open,
    planned: () => open().filter((s) => s.state === SprintState.SPRINT_STATE_PLANNED),
    active: () => open().find((s) => s.state === SprintState.SPRINT_STATE_ACTIVE) ?? null,
    create: async (fields) => (await write({ createSprint: { projectId: projectId(), ...fields } }, `create ${fields.name}`)).sprint ?? {},
    async update(base, wanted) {
      const patch = sprintPatch(base, wanted);
      if (Object.keys(patch).length === 0) return { kind: 'unchanged' };
      try {
        await write({ updateSprint: { sprintId: base.id ?? '', expectedVersion: Number(base.version ?? 0), ...patch } }, `save ${named(base.id ?? '')}`);
        return { kind: 'saved' };
      } catch (err) {
        const e = err as { code?: number; current?: { sprint?: ISprint } | null };
        if (e?.code === ErrorCode.ERROR_CODE_CONFLICT && e.current?.sprint) return { kind: 'conflict', theirs: e.current.sprint };
        throw err;
      }
    },
    start: async (sprintId) => {
      await write({ startSprint: { sprintId } }, `start ${named(sprintId)}`);
    },
    complete: async (sprintId, nextSprintId) => {
      await write({ completeSprint: { sprintId, nextSprintId } }, `complete ${named(sprintId)}`);
    },
  };
}
