// Field values in words for the panel, the history list, presence and the
// conflict dialog: names for ids (status, assignee, parent, sprint), labels
// for enums, lists as words. Never an id or a JSON text: a person reads these.
import { parseDuration } from '../../../shared/domain/time-tracking.ts';
import { ItemType, Priority } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import { duration } from '../store/hours-per-day.ts';
import type { PatchField, PatchValue } from '../store/model/item-patch.ts';
import { customTypeOf } from '../store/model/item-types-draft.ts';
import type { Person } from '../../../shared/domain/mentions.ts';

/** What naming needs of a board (a stand-in in tests); custom fields name their history rows. */
export type BoardNames = Pick<BoardSlice, 'members' | 'columns' | 'items' | 'sprints'> & Partial<Pick<BoardSlice, 'customFields' | 'project'>>;

/** History names a custom field's change `custom:<field id>`. */
const CUSTOM_PREFIX = 'custom:';

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

export function memberName(board: BoardNames, userId: string | null | undefined, me?: string): string {
  if (!userId) return 'Nobody';
  if (me && userId === me) return 'You';
  return board.members().find((m) => m.userId === userId)?.displayName || 'Someone';
}

export function statusName(board: BoardNames, id: string | null | undefined): string {
  return board.columns().find((c) => c.status.id === id)?.status.name ?? (id ? 'Unknown status' : 'None');
}

export function itemLabel(board: BoardNames, id: string | null | undefined): string {
  if (!id) return 'None';
  const item = board.items().get(id);
  return item ? `${item.key} ${item.title}` : 'An item not on this board';
}

export function sprintName(board: BoardNames, id: string): string {
  return board.sprints().get(id)?.name || 'A sprint not on this board';
}

/** The people `@name` can mention: the project's members. */
export function mentionable(board: BoardNames): Person[] {
  return board.members().map((m) => ({ id: m.userId ?? '', name: m.displayName ?? '' }));
}

/** The item someone is looking at, for presence: its key and title. */
export function viewedItem(board: BoardNames, id: string): string {
  const item = board.items().get(id);
  return item ? `${item.key} ${item.title}` : 'an item';
}

/** Who made the change a conflict is about, named from the members. */
export function changedBy(board: BoardNames, userId: string | null | undefined, me: string): string {
  if (userId && userId === me) return 'You, in another tab or on another device,';
  return board.members().find((m) => m.userId === userId)?.displayName || 'Someone else';
}

/** One patch field's value in words. */
export function describeValue(board: BoardNames, field: PatchField, value: PatchValue): string {
  switch (field) {
    case 'itemType':
      return TYPE_NAMES[value as number] ?? 'Unknown type';
    // One of the project's own types by its name (v18); none: the item is of a built-in type.
    case 'customTypeId':
      return value ? (customTypeOf({ customTypeId: value as string }, board.project?.())?.name ?? 'A type this project no longer has') : 'None (a built-in type)';
    case 'priority':
      return PRIORITY_NAMES[value as number] ?? 'Unknown';
    case 'statusId':
      return statusName(board, value as string);
    case 'assigneeId':
      return memberName(board, value as string | null);
    case 'parentId':
      return itemLabel(board, value as string | null);
    case 'sprintId':
      return value ? sprintName(board, value as string) : 'None (backlog)';
    case 'storyPoints':
      return value === null || value === undefined ? 'None' : String(value);
    case 'labels':
      return (value as string[] | undefined)?.length ? (value as string[]).join(', ') : 'None';
    case 'description':
      return (value as string) || '(empty)';
    case 'startDate':
    case 'dueDate':
      return (value as string | null) || 'None';
    case 'originalEstimateMinutes':
    case 'remainingEstimateMinutes':
      return value === null || value === undefined ? 'None' : duration(value as number);
    default:
      return String(value ?? '');
  }
}

const HISTORY_FIELDS: Record<string, string> = {
  title: 'title',
  description: 'description',
  item_type: 'type',
  custom_type_id: 'own type',
  parent_id: 'parent',
  status_id: 'status',
  priority: 'priority',
  story_points: 'story points',
  assignee_id: 'assignee',
  sprint_id: 'sprint',
  labels: 'labels',
  rank: 'position',
  original_estimate_minutes: 'original estimate',
  remaining_estimate_minutes: 'remaining estimate',
};

/** A stored enum name (`SUBTASK`, `HIGH`) in words. */
const enumWords = (names: Record<number, string>, enumObj: Record<string, string | number>, prefix: string, v: string) =>
  names[enumObj[`${prefix}${v}`] as number] ?? v.charAt(0) + v.slice(1).toLowerCase();

/** A list stored as JSON text (labels: `["frontend","safari"]`), or null when the text is not one. */
export function listOf(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((x) => typeof x === 'string') ? value : null;
  } catch {
    return null;
  }
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** A change of labels as what was added and what removed: "added labels frontend, safari and removed label ios". */
function labelChange(oldValue: string, newValue: string): string | null {
  const before = listOf(oldValue || '[]');
  const after = listOf(newValue || '[]');
  if (!before || !after) return null;
  const added = after.filter((l) => !before.includes(l));
  const removed = before.filter((l) => !after.includes(l));
  const parts = [
    ...(added.length ? [`added ${plural(added.length, 'label', 'labels')} ${added.join(', ')}`] : []),
    ...(removed.length ? [`removed ${plural(removed.length, 'label', 'labels')} ${removed.join(', ')}`] : []),
  ];
  return parts.length ? parts.join(' and ') : null;
}

/** One stored history value (an id, an enum name, a list, a text) in words. */
function historyWords(board: BoardNames, field: string, v: string): string {
  if (!v) return field === 'sprint_id' ? 'backlog' : 'none';
  switch (field) {
    case 'status_id':
      return statusName(board, v);
    case 'assignee_id':
      return memberName(board, v);
    case 'parent_id':
      return itemLabel(board, v);
    case 'sprint_id':
      return sprintName(board, v);
    case 'item_type':
      return enumWords(TYPE_NAMES, ItemType, 'ITEM_TYPE_', v);
    case 'priority':
      return enumWords(PRIORITY_NAMES, Priority, 'PRIORITY_', v);
    case 'original_estimate_minutes':
    case 'remaining_estimate_minutes':
      return duration(Number(v));
    // The server writes a log's time with 8-hour days ("1h 30m"); this device may count days otherwise.
    case 'work_logged':
      return duration(parseDuration(v, 8) ?? 0);
  }
  const list = listOf(v);
  if (list) return list.length ? list.join(', ') : 'none';
  return v.length > 120 ? `${v.slice(0, 117)}…` : v;
}

/**
 * A custom field's change by the field's name as it is now ("changed
 * Severity"), or "a removed field" once it is gone. The server writes the
 * values as readable text (a person by name), so they are shown as written.
 */
function customChange(board: BoardNames, fieldId: string, oldValue: string, newValue: string): { what: string; from: string; to: string } {
  const name = board.customFields?.().find((f) => f.id === fieldId)?.name;
  const short = (v: string) => (v.length > 120 ? `${v.slice(0, 117)}…` : v);
  return { what: `changed ${name ?? 'a removed field'}`, from: oldValue ? short(oldValue) : 'none', to: newValue ? short(newValue) : 'none' };
}

/** One activity entry as "field: old → new" in words. */
export function describeHistory(board: BoardNames, field: string, oldValue: string, newValue: string): { what: string; from: string; to: string } {
  if (field.startsWith(CUSTOM_PREFIX)) return customChange(board, field.slice(CUSTOM_PREFIX.length), oldValue, newValue);
  const words = (v: string) => historyWords(board, field, v);
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
    // The stored text is the link from this item's side: "blocks WEB-2 Title".
    case 'link':
      return newValue ? { what: 'added a link', from: '', to: newValue } : { what: 'removed a link', from: oldValue, to: '' };
    // The stored text is the file's name.
    case 'attachment':
      return newValue ? { what: 'attached a file', from: '', to: newValue } : { what: 'deleted an attachment', from: oldValue, to: '' };
    case 'work_logged':
      if (!oldValue) return { what: 'logged', from: '', to: words(newValue) };
      return newValue ? { what: 'changed a work log', from: words(oldValue), to: words(newValue) } : { what: 'deleted a work log', from: words(oldValue), to: '' };
    case 'labels': {
      const change = labelChange(oldValue, newValue);
      if (change) return { what: change, from: '', to: '' };
    }
  }
  return { what: `changed ${HISTORY_FIELDS[field] ?? field.replace(/_/g, ' ')}`, from: words(oldValue), to: words(newValue) };
}

export function when(ms: number | string | null | undefined): string {
  const t = Number(ms ?? 0);
  if (!t) return '';
  return new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
