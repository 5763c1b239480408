// The sprints of one open project. The board slice drops get_board's sprints
// and sprint events (it draws columns), so this slice reads them itself: its
// own get_board on each socket open, then every sprint event on the socket
// for this project, and the Result of its own writes. A sprint carries a
// version, so whichever of a reply, an event or a reload arrives last, the
// newest version wins and nothing needs seq order here.
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { SprintState, type ISprint } from '../../../shared/proto.ts';
import type { Live } from './live.ts';

export interface NewSprint {
  name: string;
  goal: string;
  startDate: string;
  endDate: string;
}

export interface SprintsSlice {
  /** Planned and active sprints: the active one first, then planned by start date and name. */
  open: Accessor<ISprint[]>;
  planned: Accessor<ISprint[]>;
  active: Accessor<ISprint | null>;
  create(fields: NewSprint): Promise<ISprint>;
  /** Rejects with the server's refusal (one active sprint per project: FAILED_PRECONDITION). */
  start(sprintId: string): Promise<void>;
  /** Unfinished items go to `nextSprintId`, or to the backlog when it is ''. */
  complete(sprintId: string, nextSprintId: string): Promise<void>;
}

type ById = ReadonlyMap<string, ISprint>;

/** Keeps the newer of what we hold and what arrived (a reload may be older than an event that overtook it). */
export function applySprint(known: ById, sprint: ISprint): ById {
  const id = sprint.id ?? '';
  if (!id) return known;
  const have = known.get(id);
  if (have && Number(have.version ?? 0) > Number(sprint.version ?? 0)) return known;
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

export function createSprintsSlice(live: Live, projectId: Accessor<string>): SprintsSlice {
  const [byId, setById] = createSignal<ById>(new Map());
  const merge = (list: readonly ISprint[]) =>
    setById((known) => list.reduce((acc, s) => (s.projectId === projectId() || !s.projectId ? applySprint(acc, s) : acc), known));

  createEffect(
    on([projectId, live.open], ([id, open], prev) => {
      if (prev && prev[0] !== id) setById(new Map());
      if (!id || !open) return;
      // Each open: sprint events missed while the socket was down come back with the board.
      live.connection.request({ getBoard: { projectId: id } }).then(
        (result) => {
          if (projectId() === id) merge(result.board?.sprints ?? []);
        },
        () => undefined, // the board slice says why a board cannot be read
      );
    }),
  );

  const offEvent = live.connection.onEvent((event) => {
    const sprint = event.sprint?.sprint;
    if (sprint && event.projectId === projectId()) merge([sprint]);
  });
  // Replies to sprint writes, including ones replayed from an earlier page.
  const offReply = live.connection.onReply((reply) => {
    const sprint = reply.ok ? reply.result.sprint : reply.error.current && 'sprint' in reply.error.current ? reply.error.current.sprint : null;
    if (sprint && sprint.projectId === projectId()) merge([sprint]);
  });
  onCleanup(() => {
    offEvent();
    offReply();
  });

  const open = createMemo(() => openSprints(byId().values()));
  const write = async (command: Parameters<Live['connection']['request']>[0]) => {
    const result = await live.connection.request(command);
    if (result.sprint) merge([result.sprint]);
    return result.sprint ?? {};
  };

  return {
    open,
    planned: () => open().filter((s) => s.state === SprintState.SPRINT_STATE_PLANNED),
    active: () => open().find((s) => s.state === SprintState.SPRINT_STATE_ACTIVE) ?? null,
    create: (fields) => write({ createSprint: { projectId: projectId(), ...fields } }),
    start: async (sprintId) => {
      await write({ startSprint: { sprintId } });
    },
    complete: async (sprintId, nextSprintId) => {
      await write({ completeSprint: { sprintId, nextSprintId } });
    },
  };
}
