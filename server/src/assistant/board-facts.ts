// What the model reads of a board: names instead of ids, enums in words, and
// only the fields a question about the work needs, so a board of hundreds of
// items fits a model's context.
import { customValueText } from '../../../shared/domain/custom-fields.ts';
import { ItemType, SprintState, type IComment, type IResult, type ISearchHit, type IWorkItem } from '../../../shared/proto.ts';

export type IBoard = NonNullable<IResult['board']>;

/** Items listed at most per board summary; the counts still cover all. */
const MAX_ITEMS = 200;

const TYPE: Record<number, string> = {
  [ItemType.ITEM_TYPE_EPIC]: 'epic', [ItemType.ITEM_TYPE_STORY]: 'story', [ItemType.ITEM_TYPE_TASK]: 'task',
  [ItemType.ITEM_TYPE_BUG]: 'bug', [ItemType.ITEM_TYPE_SUBTASK]: 'sub-task',
};
const SPRINT_STATE: Record<number, string> = {
  [SprintState.SPRINT_STATE_PLANNED]: 'planned', [SprintState.SPRINT_STATE_ACTIVE]: 'active', [SprintState.SPRINT_STATE_COMPLETED]: 'completed',
};

export const typeName = (type: ItemType | null | undefined) => TYPE[type ?? 0] ?? 'item';

function namers(board: IBoard) {
  const names = (pairs: Array<[string | null | undefined, string | null | undefined]>) => new Map(pairs.map(([id, name]) => [id ?? '', name ?? '']));
  const status = names((board.statuses ?? []).map((s) => [s.id, s.name]));
  const person = names((board.members ?? []).map((m) => [m.userId, m.displayName]));
  const sprint = names((board.sprints ?? []).map((s) => [s.id, s.name]));
  const key = names((board.workItems ?? []).map((i) => [i.id, i.key]));
  return { status, person, sprint, key };
}

export function itemFacts(board: IBoard, item: IWorkItem) {
  const n = namers(board);
  return {
    key: item.key,
    type: typeName(item.itemType),
    title: item.title,
    status: n.status.get(item.statusId ?? '') ?? '',
    assignee: n.person.get(item.assigneeId ?? '') || null,
    story_points: item.hasStoryPoints ? item.storyPoints : null,
    sprint: n.sprint.get(item.sprintId ?? '') || null,
    parent: n.key.get(item.parentId ?? '') || null,
    labels: item.labels ?? [],
    due_date: item.dueDate || null,
    // Only when it has some: most items have none, and every key costs the model tokens.
    ...((item.customFields ?? []).length > 0 ? { custom_fields: customFacts(board, item, n.person) } : {}),
  };
}

/** The item's custom field values by field name, as history writes them (a person by name). */
function customFacts(board: IBoard, item: IWorkItem, person: Map<string, string>): Record<string, string> {
  const fields = new Map((board.project?.customFields ?? []).map((f) => [f.id ?? '', f]));
  const out: Record<string, string> = {};
  for (const value of item.customFields ?? []) {
    const field = fields.get(value.fieldId ?? '');
    const text = field && customValueText({ kind: field.kind ?? 0 }, value, (id) => person.get(id) || 'someone');
    if (field?.name && text) out[field.name] = text;
  }
  return out;
}

export function boardSummary(board: IBoard) {
  const items = board.workItems ?? [];
  const byStatus = (board.statuses ?? []).map((s) => ({ status: s.name, items: items.filter((i) => i.statusId === s.id).length }));
  return {
    project: { key: board.project?.key, name: board.project?.name },
    columns: byStatus,
    items: items.slice(0, MAX_ITEMS).map((i) => itemFacts(board, i)),
    items_left_out: Math.max(0, items.length - MAX_ITEMS),
  };
}

export function sprintFacts(board: IBoard) {
  const items = board.workItems ?? [];
  return (board.sprints ?? []).map((s) => ({
    name: s.name,
    state: SPRINT_STATE[s.state ?? 0] ?? 'planned',
    goal: s.goal || null,
    start_date: s.startDate || null,
    end_date: s.endDate || null,
    items: items.filter((i) => i.sprintId === s.id).map((i) => itemFacts(board, i)),
  }));
}

export function itemWithComments(board: IBoard, item: IWorkItem, comments: readonly IComment[]) {
  const n = namers(board);
  return {
    ...itemFacts(board, item),
    description: item.description ?? '',
    sub_tasks: (board.workItems ?? []).filter((i) => i.parentId === item.id).map((i) => itemFacts(board, i)),
    comments: comments.filter((c) => !c.deletedAt).map((c) => ({ author: n.person.get(c.authorId ?? '') || 'someone', body: c.body })),
  };
}

export const hitFacts = (hit: ISearchHit) => ({
  key: hit.key, title: hit.title, type: typeName(hit.itemType), status: hit.statusName, matched_in: hit.matchedIn,
});
