// Which cards the board shows, and how it is grouped, as plain data that
// lives in the URL's query string (so a reload or a shared link keeps it):
// ?q=socket&assignee=me&assignee=none&type=bug&label=docs&sprint=none&subtasks=hide&due=week&group=epic
// &type=<own type id> (one of the project's own types, v18: `type=task` is then a built-in task only)
// &cf=<field id>:High (a custom field's value: an option, a person's id, `*` any value, `-` none).
// Facets combine with AND; several values within one facet (or one custom field) are an OR.
// No Solid and no DOM here.
import { CustomFieldKind, ItemType } from '../../../shared/proto.ts';
import { valueIn } from '../store/model/custom-values.ts';
import type { ItemTypeDef } from '../store/model/item-types-draft.ts';
import type { Card } from '../store/model/items.ts';
import { dueThisWeek, localDay } from './due-dates.ts';

/** The value that stands for "no assignee" and "no sprint" (the backlog). */
export const NONE = 'none';
/** The assignee value that stands for whoever is looking. */
export const ME = 'me';

/** Every item type, in the order pickers list them; `slug` is the URL and CSS name. */
export const ITEM_TYPES: readonly { type: ItemType; slug: string; label: string }[] = [
  { type: ItemType.ITEM_TYPE_EPIC, slug: 'epic', label: 'Epic' },
  { type: ItemType.ITEM_TYPE_STORY, slug: 'story', label: 'Story' },
  { type: ItemType.ITEM_TYPE_TASK, slug: 'task', label: 'Task' },
  { type: ItemType.ITEM_TYPE_BUG, slug: 'bug', label: 'Bug' },
  { type: ItemType.ITEM_TYPE_SUBTASK, slug: 'subtask', label: 'Sub-task' },
];

export const typeInfo = (type: number | null | undefined) => ITEM_TYPES.find((t) => t.type === type);

/**
 * The type filter's choices: the built-in types by slug, then the project's
 * own types (in their order) by id, each shown by its icon and name.
 */
export const typeFilterOptions = (own: readonly ItemTypeDef[]): { value: string; label: string }[] => [
  ...ITEM_TYPES.map((t) => ({ value: t.slug, label: t.label })),
  ...own.map((t) => ({ value: t.id, label: t.icon ? `${t.icon} ${t.name}` : t.name })),
];

/** The type filter's value for an item: its own type's id, else its built-in type's slug. */
const typeValueOf = (card: Card) => card.customTypeId || typeInfo(card.itemType)?.slug || '';

export interface BoardFilter {
  /** Matched against the key and the title, ignoring case. */
  text: string;
  /** User ids, ME or NONE. */
  assignees: readonly string[];
  /** ITEM_TYPES slugs (a built-in type, an item of an own type not included) or own type ids. */
  types: readonly string[];
  /** Label names, as cards carry them. */
  labels: readonly string[];
  /** Sprint ids or NONE. */
  sprints: readonly string[];
  /** Sub-tasks left off the board (their parents show); absent when they show, as they do unless asked. */
  hideSubtasks?: boolean;
  /** Only cards due this week (Monday to Sunday, the viewer's calendar); absent when off. */
  dueThisWeek?: boolean;
  /** Custom field values, each `<field id>:<value>` (customValue()); absent when none. */
  custom?: readonly string[];
}

export type GroupBy = 'none' | 'epic';

export interface BoardView {
  filter: BoardFilter;
  groupBy: GroupBy;
}

export type Facet = Exclude<keyof BoardFilter, 'text' | 'hideSubtasks' | 'dueThisWeek' | 'custom'>;

/** The query-string name of each facet. */
const PARAM: Record<Facet, string> = { assignees: 'assignee', types: 'type', labels: 'label', sprints: 'sprint' };
const FACETS = Object.keys(PARAM) as Facet[];
/** ?subtasks=hide: the one value it takes. */
const SUBTASKS = 'subtasks';
const HIDE = 'hide';
/** ?due=week: the one value it takes. */
const DUE = 'due';
const WEEK = 'week';
/** ?cf=<field id>:<value>, repeated. */
const CUSTOM = 'cf';
/** A custom field filter's value for "has any value" and for "has none". */
export const ANY_VALUE = '*';
export const NO_VALUE = '-';

/** The filter value for one custom field's value. */
export const customValue = (fieldId: string, value: string) => `${fieldId}:${value}`;

/** `<field id>:<value>` split at its first colon (an option may hold one); null when it has none. */
function splitCustom(entry: string): [string, string] | null {
  const at = entry.indexOf(':');
  return at > 0 ? [entry.slice(0, at), entry.slice(at + 1)] : null;
}

export const EMPTY_FILTER: BoardFilter = { text: '', assignees: [], types: [], labels: [], sprints: [] };

const distinct = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

export function parseView(search: string): BoardView {
  const params = new URLSearchParams(search);
  const filter: BoardFilter = { ...EMPTY_FILTER, text: params.get('q') ?? '' };
  for (const facet of FACETS) filter[facet] = distinct(params.getAll(PARAM[facet]));
  if (params.get(SUBTASKS) === HIDE) filter.hideSubtasks = true;
  if (params.get(DUE) === WEEK) filter.dueThisWeek = true;
  const custom = distinct(params.getAll(CUSTOM)).filter((v) => splitCustom(v));
  if (custom.length > 0) filter.custom = custom;
  return { filter, groupBy: params.get('group') === 'epic' ? 'epic' : 'none' };
}

/**
 * `search` with the view written over it, leading '?' included ('' when nothing
 * is left). Parameters that are not the board's (another feature's) are kept.
 */
export function viewQuery(view: BoardView, search = ''): string {
  const params = new URLSearchParams(search);
  for (const name of ['q', 'group', SUBTASKS, DUE, CUSTOM, ...Object.values(PARAM)]) params.delete(name);
  if (view.filter.text.trim()) params.set('q', view.filter.text);
  for (const facet of FACETS) for (const value of view.filter[facet]) params.append(PARAM[facet], value);
  if (view.filter.hideSubtasks) params.set(SUBTASKS, HIDE);
  if (view.filter.dueThisWeek) params.set(DUE, WEEK);
  for (const value of view.filter.custom ?? []) params.append(CUSTOM, value);
  if (view.groupBy !== 'none') params.set('group', view.groupBy);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const isFiltering = (filter: BoardFilter) =>
  !!filter.text.trim() || !!filter.hideSubtasks || !!filter.dueThisWeek || (filter.custom?.length ?? 0) > 0 || FACETS.some((f) => filter[f].length > 0);

/** Adds `value` to a facet, or takes it out when it is there. */
export function toggle(filter: BoardFilter, facet: Facet, value: string): BoardFilter {
  const values = filter[facet];
  return { ...filter, [facet]: values.includes(value) ? values.filter((v) => v !== value) : [...values, value] };
}

/** Adds a custom field's value to the filter, or takes it out when it is there. */
export function toggleCustom(filter: BoardFilter, fieldId: string, value: string): BoardFilter {
  const entry = customValue(fieldId, value);
  const values = filter.custom ?? [];
  const next = values.includes(entry) ? values.filter((v) => v !== entry) : [...values, entry];
  const { custom: _, ...rest } = filter;
  return next.length > 0 ? { ...rest, custom: next } : rest;
}

/** The chosen values of one custom field. */
export const customChosen = (filter: BoardFilter, fieldId: string): string[] =>
  (filter.custom ?? []).flatMap((v) => {
    const split = splitCustom(v);
    return split && split[0] === fieldId ? [split[1]] : [];
  });

/** The kinds of custom field whose values the board filters by (others by having one). */
export const filtersByValue = (kind: CustomFieldKind) =>
  kind === CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT || kind === CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT || kind === CustomFieldKind.CUSTOM_FIELD_KIND_PERSON;

/**
 * Whether a card's values pass the custom field filter: for each field named,
 * one of its chosen values (an option held, the person (ME for the viewer),
 * any value, none).
 */
function customMatcher(custom: readonly string[], me: string): (card: Card) => boolean {
  const byField = new Map<string, Set<string>>();
  for (const entry of custom) {
    const split = splitCustom(entry);
    if (!split) continue;
    const [fieldId, value] = split;
    byField.set(fieldId, (byField.get(fieldId) ?? new Set()).add(value === ME ? me : value));
  }
  return (card) => {
    for (const [fieldId, wanted] of byField) {
      const v = valueIn(card, fieldId);
      const held = v ? [...(v.options ?? []), ...(v.userId ? [v.userId] : [])] : [];
      const ok = (v ? wanted.has(ANY_VALUE) : wanted.has(NO_VALUE)) || held.some((h) => wanted.has(h));
      if (!ok) return false;
    }
    return true;
  };
}

/** A predicate for the cards `filter` lets through; `me` is the viewer's user id (for ME), `today` their calendar day. */
export function cardMatcher(filter: BoardFilter, me: string, today = localDay()): (card: Card) => boolean {
  const text = filter.text.trim().toLowerCase();
  const assignees = new Set(filter.assignees.map((a) => (a === ME ? me : a === NONE ? '' : a)));
  const types = new Set(filter.types);
  const labels = new Set(filter.labels);
  const sprints = new Set(filter.sprints.map((s) => (s === NONE ? '' : s)));
  const custom = filter.custom?.length ? customMatcher(filter.custom, me) : null;
  return (card) =>
    (!text || (card.key ?? '').toLowerCase().includes(text) || (card.title ?? '').toLowerCase().includes(text)) &&
    (assignees.size === 0 || assignees.has(card.assigneeId ?? '')) &&
    (types.size === 0 || types.has(typeValueOf(card))) &&
    (labels.size === 0 || (card.labels ?? []).some((l) => labels.has(l))) &&
    (sprints.size === 0 || sprints.has(card.sprintId ?? '')) &&
    !(filter.hideSubtasks && card.itemType === ItemType.ITEM_TYPE_SUBTASK) &&
    (!filter.dueThisWeek || dueThisWeek(card.dueDate, today)) &&
    (!custom || custom(card));
}

/**
 * A drop among the cards a person can see (a filtered column, or one lane of
 * it) turned into the index move() wants, which counts the whole column
 * without the moving card: just above the visible card the drop lands over,
 * or just below the last visible card when it lands under them all. With no
 * visible neighbour at all it goes to the bottom of the column.
 */
export function columnIndexFor(column: readonly Card[], visible: readonly Card[], movingId: string, visibleIndex: number): number {
  const others = column.filter((c) => c.id !== movingId);
  const shown = visible.filter((c) => c.id !== movingId);
  const at = Math.max(0, Math.min(visibleIndex, shown.length));
  const below = shown[at];
  if (below) return others.findIndex((c) => c.id === below.id);
  const above = shown[at - 1];
  return above ? others.findIndex((c) => c.id === above.id) + 1 : others.length;
}
