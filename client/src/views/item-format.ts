// Field values in words for the panel, the history list and the conflict
// dialog: names for ids (status, assignee, parent), labels for enums.
import { ItemType, Priority } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import type { PatchField, PatchValue } from '../store/model/item-patch.ts';

export const TYPE_NAMES: Record<number, string> = {
  [ItemType.ITEM_TYPE_EPIC]: 'Epic',
  [ItemType.ITEM_TYPE_STORY]: 'Story',
  [ItemType.ITEM_TYPE_TASK]: 'Task',
  [ItemType.ITEM_TYPE_BUG]: 'Bug',
  [ItemType.ITEM_TYPE_SUBTASK]: 'Sub-task',
};

export const PRIORITY_NAMES: Record<number, string> = {
  [Priority.PRIORITY_NONE]: 'No priority',
  [Priority.PRIORITY_LOW]: 'Low',
  [Priority.PRIORITY_MEDIUM]: 'Medium',
  [Priority.PRIORITY_HIGH]: 'High',
  [Priority.PRIORITY_URGENT]: 'Urgent',
};

export function memberName(board: BoardSlice, userId: string | null | undefined, me?: string): string {
  if (!userId) return 'Nobody';
  if (me && userId === me) return 'You';
  return board.members().find((m) => m.userId === userId)?.displayName || 'Someone';
}

export function statusName(board: BoardSlice, id: string | null | undefined): string {
  return board.columns().find((c) => c.status.id === id)?.status.name ?? (id ? 'Unknown status' : 'None');
}

export function itemLabel(board: BoardSlice, id: string | null | undefined): string {
  if (!id) return 'None';
  const item = board.items().get(id);
  return item ? `${item.key} ${item.title}` : 'An item not on this board';
}

/** One patch field's value in words. */
export function describeValue(board: BoardSlice, field: PatchField, value: PatchValue): string {
  switch (field) {
    case 'itemType':
      return TYPE_NAMES[value as number] ?? 'Unknown type';
    case 'priority':
      return PRIORITY_NAMES[value as number] ?? 'Unknown';
    case 'statusId':
      return statusName(board, value as string);
    case 'assigneeId':
      return memberName(board, value as string | null);
    case 'parentId':
      return itemLabel(board, value as string | null);
    case 'sprintId':
      return value ? board.sprints().get(value as string)?.name || 'A sprint not on this board' : 'None (backlog)';
    case 'storyPoints':
      return value === null || value === undefined ? 'None' : String(value);
    case 'labels':
      return (value as string[] | undefined)?.length ? (value as string[]).join(', ') : 'None';
    case 'description':
      return (value as string) || '(empty)';
    default:
      return String(value ?? '');
  }
}

const HISTORY_FIELDS: Record<string, string> = {
  title: 'title',
  description: 'description',
  item_type: 'type',
  parent_id: 'parent',
  status_id: 'status',
  priority: 'priority',
  story_points: 'story points',
  assignee_id: 'assignee',
  sprint_id: 'sprint',
  labels: 'labels',
  rank: 'position',
};

/** One activity entry as "field: old → new" in words. */
export function describeHistory(board: BoardSlice, field: string, oldValue: string, newValue: string): { what: string; from: string; to: string } {
  const words = (v: string) => {
    if (!v) return 'none';
    if (field === 'status_id') return statusName(board, v);
    if (field === 'assignee_id') return memberName(board, v);
    if (field === 'parent_id') return itemLabel(board, v);
    if (field === 'item_type' || field === 'priority') return v.charAt(0) + v.slice(1).toLowerCase();
    return v.length > 120 ? `${v.slice(0, 117)}…` : v;
  };
  switch (field) {
    case 'created':
      return { what: 'created the item', from: '', to: '' };
    case 'deleted':
    case 'restored':
      return { what: `${field} the item`, from: '', to: '' };
    case 'comment_added':
      return { what: 'commented', from: '', to: words(newValue) };
    case 'comment_edited':
      return { what: 'edited a comment', from: words(oldValue), to: words(newValue) };
    case 'comment_deleted':
      return { what: 'deleted a comment', from: words(oldValue), to: '' };
    default:
      return { what: `changed ${HISTORY_FIELDS[field] ?? field.replace(/_/g, ' ')}`, from: words(oldValue), to: words(newValue) };
  }
}

export function when(ms: number | string | null | undefined): string {
  const t = Number(ms ?? 0);
  if (!t) return '';
  return new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
