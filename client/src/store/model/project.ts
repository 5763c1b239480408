// One open project as the server has it, one field per entity, each kept by
// its own reducer (reducer.ts) for events and for replies to writes. Pure:
// the Solid store holds it in one signal per entity (store/project-state.ts),
// so a change to the items recomputes nothing that reads only the members.
import type { tandem } from '../../../../shared/gen/tandem.js';
import type { IEvent, ILabel, IMember, IProject, IWorkflowStatus } from '../../../../shared/proto.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';
import { fromItems, itemsReducer, type Confirmed } from './items.ts';
import { EMPTY_LINKS, linkEndUnknown, linksOfBoard, linksReducer, type BoardLinks } from './links.ts';
import { membersReducer } from './members.ts';
import { CANNOT_APPLY, unchangedByFeed, type EntityReducer } from './reducer.ts';
import { applySprint, sprintsReducer, type SprintsById } from './sprints.ts';

export type IBoard = tandem.v1.IBoard;

export interface ProjectModel {
  readonly project: IProject | null;
  readonly statuses: readonly IWorkflowStatus[];
  readonly members: readonly IMember[];
  /** Only get_board brings them: labels made since show on the cards that carry them. */
  readonly labels: readonly ILabel[];
  /** Every sprint of the project (completed ones too). */
  readonly sprints: SprintsById;
  readonly items: Confirmed;
  /** The links of the items, and other projects' items at their far ends. */
  readonly links: BoardLinks;
}

export const EMPTY_MODEL: ProjectModel = { project: null, statuses: [], members: [], labels: [], sprints: new Map(), items: new Map(), links: EMPTY_LINKS };

/** The project a settings write's reply carries: its Result, or the current one a refusal at a stale version brings. */
function projectOfReply(reply: Reply, projectId: string): IProject | null {
  const sent = reply.ok ? reply.result.project : reply.error.current && 'project' in reply.error.current ? reply.error.current.project : null;
  return sent && sent.id === projectId ? sent : null;
}

/** The project itself changes through project events, which carry its workflow. */
const projectReducer: EntityReducer<IProject | null> = {
  event: (project, event) => event.project?.project ?? project,
  reply(project, reply, projectId) {
    const sent = projectOfReply(reply, projectId);
    return sent && Number(sent.version ?? 0) >= Number(project?.version ?? 0) ? sent : project;
  },
};

const statusesReducer: EntityReducer<readonly IWorkflowStatus[]> = {
  event: (statuses, event) => {
    const changed = event.project?.project?.statuses;
    return changed?.length ? changed : statuses;
  },
  // No event comes for our own set_workflow (its Result stands for it), and a
  // CONFLICT's current project carries the workflow someone else saved.
  reply(statuses, reply, projectId) {
    const changed = projectOfReply(reply, projectId)?.statuses;
    return changed?.length ? changed : statuses;
  },
};

const REDUCERS: { readonly [K in keyof ProjectModel]: EntityReducer<ProjectModel[K]> } = {
  project: projectReducer,
  statuses: statusesReducer,
  members: membersReducer,
  labels: unchangedByFeed(),
  sprints: sprintsReducer,
  items: itemsReducer,
  links: linksReducer,
};

const ENTITIES = Object.keys(REDUCERS) as (keyof ProjectModel)[];

/** The model with one entity replaced; the same model when it did not change, so nothing downstream reruns. */
function withEntity<K extends keyof ProjectModel>(model: ProjectModel, key: K, state: ProjectModel[K]): ProjectModel {
  return state === model[key] ? model : { ...model, [key]: state };
}

function eventOn<K extends keyof ProjectModel>(model: ProjectModel, key: K, event: IEvent): ProjectModel | null {
  const reducer: EntityReducer<ProjectModel[K]> = REDUCERS[key];
  const state = reducer.event(model[key], event);
  return state === CANNOT_APPLY ? null : withEntity(model, key, state);
}

function replyOn<K extends keyof ProjectModel>(model: ProjectModel, key: K, reply: Reply): ProjectModel {
  const reducer: EntityReducer<ProjectModel[K]> = REDUCERS[key];
  return withEntity(model, key, reducer.reply(model[key], reply, model.project?.id ?? ''));
}

/** One event of the project's feed; null when it cannot be laid on the model (fetch the board again). */
export function applyEvent(model: ProjectModel, event: IEvent): ProjectModel | null {
  let next: ProjectModel | null = model;
  for (const key of ENTITIES) next = next && eventOn(next, key, event);
  // The one rule across entities: a link is shown from the items at its ends.
  return next && linkEndUnknown(next.links, next.items, event) ? null : next;
}

/** The reply to a write: its Result, or the current version a refusal carries. */
export function applyReply(model: ProjectModel, reply: Reply): ProjectModel {
  return ENTITIES.reduce((next, key) => replyOn(next, key, reply), model);
}

/** A get_board answer (live, or a saved copy); a board without its project keeps the one held. */
export function modelOfBoard(board: IBoard, held: IProject | null): ProjectModel {
  return {
    project: board.project ?? held,
    statuses: board.statuses ?? [],
    members: board.members ?? [],
    labels: board.labels ?? [],
    sprints: (board.sprints ?? []).reduce(applySprint, EMPTY_MODEL.sprints),
    items: fromItems(board.workItems ?? []),
    links: linksOfBoard(board),
  };
}

/**
 * The model as get_board would answer it, for the saved copy. The big lists
 * are made only when read: a snapshot is taken at every change but encoded
 * seldom, and copying 5,000 items per event into an array nobody reads was a
 * cost of its own.
 */
export function boardOfModel(model: ProjectModel): IBoard {
  return {
    project: model.project,
    statuses: [...model.statuses],
    members: [...model.members],
    labels: [...model.labels],
    get sprints() {
      return [...model.sprints.values()];
    },
    get workItems() {
      return [...model.items.values()];
    },
    get links() {
      return [...model.links.byId.values()];
    },
    get linkedItems() {
      return [...model.links.linkedItems.values()];
    },
  };
}
