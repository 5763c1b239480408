// Random writes, chosen from what the client's own board shows it (so they
// are the writes a person looking at that board could make, stale view
// included). Many are refused by the server (CONFLICT on a stale version,
// FAILED_PRECONDITION on a completed sprint, NOT_FOUND on an item deleted
// meanwhile, ...): that is expected, and a refused write must change nothing.
import { ItemType, Priority, SprintState } from '../../../../shared/proto.ts';
import type { tandem } from '../../../../shared/gen/tandem.js';
import type { Command } from '../../../../shared/sdk/index.ts';
import type { BoardModel, Item } from './model.ts';
import type { Rng } from '../rng.ts';

export interface OpContext {
  model: BoardModel;
  /** The user this client is signed in as. */
  me: string;
  /** Everyone who may be assigned work in the project. */
  users: readonly string[];
  projectId: string;
}

export interface Op {
  command: Command;
  /** One line for the op log. */
  label: string;
}

const WORDS = ['login', 'cache', 'search', 'export', 'billing', 'onboarding', 'sync', 'report', 'upload', 'audit'];
const LABELS = ['ui', 'api', 'db', 'perf', 'security'];
const POINTS = [0, 1, 2, 3, 5, 8, 13];
const CLEARABLE = ['description', 'story_points', 'assignee_id', 'sprint_id', 'labels', 'parent_id'] as const;

const WEIGHTS = {
  createItem: 14,
  updateItem: 16,
  moveItem: 14,
  claimItem: 5,
  deleteItem: 6,
  restoreItem: 4,
  addComment: 9,
  editComment: 5,
  deleteComment: 3,
  createSprint: 3,
  updateSprint: 3,
  startSprint: 3,
  completeSprint: 3,
};
type Kind = keyof typeof WEIGHTS;

const typeName = (t: number) => (ItemType[t] ?? String(t)).replace('ITEM_TYPE_', '').toLowerCase();
const title = (rng: Rng) => `${rng.pick(WORDS)} ${rng.pick(['fix', 'polish', 'rewrite', 'spike'])} ${rng.int(1, 999)}`;
const labels = (rng: Rng) => LABELS.filter(() => rng.chance(0.3));
const date = (rng: Rng, month: number) => `2025-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

/** A parent an item of this type may take (sometimes one it may not: the server must refuse). */
function parentFor(rng: Rng, model: BoardModel, type: ItemType, self?: Item): Item | undefined {
  const live = model.liveItems().filter((w) => w.id !== self?.id);
  if (rng.chance(0.05)) return rng.maybe(live);
  if (type === ItemType.ITEM_TYPE_SUBTASK) {
    return rng.maybe(live.filter((w) => [ItemType.ITEM_TYPE_STORY, ItemType.ITEM_TYPE_TASK, ItemType.ITEM_TYPE_BUG].includes(w.itemType)));
  }
  if (type === ItemType.ITEM_TYPE_EPIC) return undefined;
  return rng.chance(0.3) ? rng.maybe(live.filter((w) => w.itemType === ItemType.ITEM_TYPE_EPIC)) : undefined;
}

/** A sprint work can go into (now and then a completed one, which the server refuses). */
function sprintFor(rng: Rng, model: BoardModel): string {
  const sprints = model.sprintList();
  const open = sprints.filter((s) => s.state !== SprintState.SPRINT_STATE_COMPLETED);
  return (rng.chance(0.1) ? rng.maybe(sprints) : rng.maybe(open))?.id ?? '';
}

/** Now and then an expected version one behind: the server must answer CONFLICT. */
const versionOf = (rng: Rng, v: number) => (rng.chance(0.05) ? v - 1 : v);

function createItem(rng: Rng, ctx: OpContext): Op {
  const { model, projectId } = ctx;
  const type = ItemType[rng.weighted({ ITEM_TYPE_EPIC: 1, ITEM_TYPE_STORY: 3, ITEM_TYPE_TASK: 4, ITEM_TYPE_BUG: 2, ITEM_TYPE_SUBTASK: 3 })];
  const parent = parentFor(rng, model, type);
  const statusId = rng.chance(0.5) ? '' : rng.pick(model.statuses).id;
  const cmd: tandem.v1.ICreateWorkItem = {
    projectId,
    itemType: type,
    title: title(rng),
    parentId: parent?.id ?? '',
    statusId,
    priority: rng.int(0, 4) as Priority,
  };
  if (rng.chance(0.3)) cmd.description = `about ${rng.pick(WORDS)}`;
  if (rng.chance(0.4)) cmd.storyPoints = rng.pick(POINTS);
  if (rng.chance(0.3)) cmd.labels = labels(rng);
  if (rng.chance(0.2)) cmd.assigneeId = rng.pick(ctx.users);
  if (rng.chance(0.25)) cmd.sprintId = sprintFor(rng, model);
  const column = model.column(statusId || (model.statuses[0]?.id ?? ''));
  if (rng.chance(0.3)) cmd.afterId = rng.maybe(column)?.id ?? '';
  else if (rng.chance(0.15)) cmd.beforeId = rng.maybe(column)?.id ?? '';
  return { command: { createWorkItem: cmd }, label: `create ${typeName(type)} "${cmd.title}"${parent ? ` under ${parent.key}` : ''}` };
}

function updateItem(rng: Rng, ctx: OpContext, item: Item): Op {
  const { model } = ctx;
  const cmd: tandem.v1.IUpdateWorkItem = { workItemId: item.id, expectedVersion: versionOf(rng, item.version) };
  const fields = ['title', 'description', 'priority', 'storyPoints', 'labels', 'status', 'assignee', 'sprint', 'parent', 'itemType', 'clear'];
  const chosen = fields.filter(() => rng.chance(0.25));
  if (chosen.length === 0) chosen.push(rng.pick(fields));
  for (const field of chosen) {
    switch (field) {
      case 'title': cmd.title = title(rng); break;
      case 'description': cmd.description = rng.chance(0.2) ? '' : `notes ${rng.int(1, 99)}`; break;
      case 'priority': cmd.priority = rng.int(0, 4) as Priority; break;
      case 'storyPoints': cmd.storyPoints = rng.pick(POINTS); break;
      case 'labels': cmd.labels = labels(rng); cmd.setLabels = true; break;
      case 'status': cmd.statusId = rng.pick(model.statuses).id; break;
      case 'assignee': cmd.assigneeId = rng.chance(0.2) ? '' : rng.pick(ctx.users); break;
      case 'sprint': cmd.sprintId = sprintFor(rng, model); break;
      case 'parent': cmd.parentId = parentFor(rng, model, item.itemType, item)?.id ?? ''; break;
      case 'itemType': cmd.itemType = rng.int(1, 5) as ItemType; break;
      case 'clear': {
        const free = CLEARABLE.filter((c) => !(
          (c === 'description' && cmd.description != null) || (c === 'story_points' && cmd.storyPoints != null) ||
          (c === 'assignee_id' && cmd.assigneeId != null) || (c === 'sprint_id' && cmd.sprintId != null) ||
          (c === 'labels' && cmd.setLabels) || (c === 'parent_id' && cmd.parentId != null)));
        const name = rng.maybe(free);
        if (name) cmd.clear = [name];
        break;
      }
    }
  }
  const what = Object.keys(cmd).filter((k) => !['workItemId', 'expectedVersion'].includes(k)).join(',');
  return { command: { updateWorkItem: cmd }, label: `update ${item.key} v${cmd.expectedVersion} {${what}}${cmd.clear ? ` clear ${cmd.clear[0]}` : ''}` };
}

function moveItem(rng: Rng, ctx: OpContext, item: Item): Op {
  const { model } = ctx;
  const statusId = rng.chance(0.4) ? item.statusId : rng.pick(model.statuses).id;
  const column = model.column(statusId).filter((w) => w.id !== item.id);
  const at = rng.int(0, column.length);
  const cmd: tandem.v1.IMoveWorkItem = { workItemId: item.id, expectedVersion: versionOf(rng, item.version) };
  if (statusId !== item.statusId || rng.chance(0.5)) cmd.statusId = statusId;
  const sides = rng.int(0, 2); // 0: both neighbours, 1: the one above, 2: the one below
  if (sides !== 2) cmd.afterId = column[at - 1]?.id ?? '';
  if (sides !== 1) cmd.beforeId = column[at]?.id ?? '';
  if (rng.chance(0.2)) cmd.sprintId = rng.chance(0.3) ? '' : sprintFor(rng, model);
  const status = model.statuses.find((s) => s.id === statusId)?.name ?? statusId;
  return {
    command: { moveWorkItem: cmd },
    label: `move ${item.key} v${cmd.expectedVersion} to ${status}#${at}${cmd.sprintId != null ? ` sprint=${cmd.sprintId ? 'some' : 'backlog'}` : ''}`,
  };
}

export function nextOp(rng: Rng, ctx: OpContext): Op {
  const { model, me } = ctx;
  const kind: Kind = rng.weighted(WEIGHTS);
  const live = model.liveItems();
  const item = rng.maybe(live);
  const sprints = model.sprintList();
  const comments = model.liveComments();
  switch (kind) {
    case 'createItem':
      return createItem(rng, ctx);
    case 'updateItem':
      return item ? updateItem(rng, ctx, item) : createItem(rng, ctx);
    case 'moveItem':
      return item ? moveItem(rng, ctx, item) : createItem(rng, ctx);
    case 'claimItem': {
      const target = rng.chance(0.7) ? rng.maybe(live.filter((w) => !w.assigneeId)) ?? item : item;
      if (!target) return createItem(rng, ctx);
      return { command: { claimWorkItem: { workItemId: target.id } }, label: `claim ${target.key}` };
    }
    case 'deleteItem': {
      if (!item) return createItem(rng, ctx);
      const expectedVersion = versionOf(rng, item.version);
      return { command: { deleteWorkItem: { workItemId: item.id, expectedVersion } }, label: `delete ${item.key} v${expectedVersion}` };
    }
    case 'restoreItem': {
      const gone = rng.maybe(model.deletedItems());
      if (!gone) return createItem(rng, ctx);
      return { command: { restoreWorkItem: { workItemId: gone.id } }, label: `restore ${gone.key}` };
    }
    case 'addComment': {
      const on = rng.chance(0.05) ? rng.maybe(model.deletedItems()) ?? item : item;
      if (!on) return createItem(rng, ctx);
      const body = `${rng.pick(['+1', 'LGTM', 'blocked?', 'see logs', 'done here'])} #${rng.int(1, 999)}`;
      return { command: { addComment: { workItemId: on.id, body } }, label: `comment on ${on.key} "${body}"` };
    }
    case 'editComment': {
      const mine = comments.filter((c) => c.authorId === me);
      const c = rng.chance(0.85) ? rng.maybe(mine) : rng.maybe(comments);
      if (!c) return createItem(rng, ctx);
      const expectedVersion = versionOf(rng, c.version);
      const body = `edited #${rng.int(1, 999)}`;
      return { command: { editComment: { commentId: c.id, expectedVersion, body } }, label: `edit comment ${c.id.slice(0, 8)} v${expectedVersion}` };
    }
    case 'deleteComment': {
      const c = rng.maybe(comments);
      if (!c) return createItem(rng, ctx);
      return { command: { deleteComment: { commentId: c.id } }, label: `delete comment ${c.id.slice(0, 8)}` };
    }
    case 'createSprint': {
      const name = `Sprint ${rng.int(1, 99)}`;
      const month = rng.int(1, 11);
      const dated = rng.chance(0.5);
      const cmd: tandem.v1.ICreateSprint = { projectId: ctx.projectId, name, goal: rng.chance(0.5) ? `ship ${rng.pick(WORDS)}` : '' };
      if (dated) {
        cmd.startDate = date(rng, month);
        cmd.endDate = rng.chance(0.1) ? date(rng, month - 1 || 1).replace(/-\d\d$/, '-01') : date(rng, month + 1);
      }
      return { command: { createSprint: cmd }, label: `create sprint "${name}"${dated ? ` ${cmd.startDate}..${cmd.endDate}` : ''}` };
    }
    case 'updateSprint': {
      const s = rng.maybe(sprints);
      if (!s) return createItem(rng, ctx);
      const cmd: tandem.v1.IUpdateSprint = { sprintId: s.id, expectedVersion: versionOf(rng, s.version) };
      if (rng.chance(0.5)) cmd.name = `${s.name.split(' (')[0]} (${rng.int(1, 9)})`;
      if (rng.chance(0.5)) cmd.goal = `goal ${rng.int(1, 99)}`;
      if (rng.chance(0.3)) cmd.startDate = date(rng, rng.int(1, 6));
      if (rng.chance(0.3)) cmd.endDate = date(rng, rng.int(6, 12));
      return { command: { updateSprint: cmd }, label: `update sprint "${s.name}" v${cmd.expectedVersion}` };
    }
    case 'startSprint': {
      const s = rng.chance(0.85) ? rng.maybe(sprints.filter((x) => x.state === SprintState.SPRINT_STATE_PLANNED)) : rng.maybe(sprints);
      if (!s) return createItem(rng, ctx);
      return { command: { startSprint: { sprintId: s.id } }, label: `start sprint "${s.name}"` };
    }
    case 'completeSprint': {
      const s = rng.chance(0.85) ? rng.maybe(sprints.filter((x) => x.state === SprintState.SPRINT_STATE_ACTIVE)) : rng.maybe(sprints);
      if (!s) return createItem(rng, ctx);
      const next = rng.chance(0.5) ? rng.maybe(sprints.filter((x) => x.id !== s.id && x.state === SprintState.SPRINT_STATE_PLANNED)) : undefined;
      return {
        command: { completeSprint: { sprintId: s.id, nextSprintId: next?.id ?? '' } },
        label: `complete sprint "${s.name}"${next ? ` -> "${next.name}"` : ' -> backlog'}`,
      };
    }
  }
}
