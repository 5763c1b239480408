// Which cards the board shows, and how it is grouped, as plain data that
// lives in the URL's query string (so a reload or a shared link keeps it):
// ?q=socket&assignee=me&assignee=none&type=bug&label=docs&sprint=none&subtasks=hide&due=week&group=epic.
// Facets combine with AND; several values within one facet are an OR.
// No Solid and no DOM here.
import { ItemType } from '../../../shared/proto.ts';
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

export interface BoardFilter {
  /** Matched against the key and the title, ignoring case. */
  text: string;
  /** User ids, ME or NONE. */
  assignees: readonly string[];
  /** ITEM_TYPES slugs. */
  types: readonly string[];
  /** Label names, as cards carry them. */
  labels: readonly string[];
  /** Sprint ids or NONE. */
  sprints: readonly string[];
  /** Sub-tasks left off the board (their parents show); absent when they show, as they do unless asked. */
  hideSubtasks?: boolean;
  /** Only cards due this week (Monday to Sunday, the viewer's calendar); absent when off. */
  dueThisWeek?: boolean;
}

export type GroupBy = 'none' | 'epic';

export interface BoardView {
  filter: BoardFilter;
  groupBy: GroupBy;
}

export type Facet = Exclude<keyof BoardFilter, 'text' | 'hideSubtasks' | 'dueThisWeek'>;

/** The query-string name of each facet. */
const PARAM: Record<Facet, string> = { assignees: 'assignee', types: 'type', labels: 'label', sprints: 'sprint' };
const FACETS = Object.keys(PARAM) as Facet[];
/** ?subtasks=hide: the one value it takes. */
const SUBTASKS = 'subtasks';
const HIDE = 'hide';
/** ?due=week: the one value it takes. */
const DUE = 'due';
const WEEK = 'week';

export const EMPTY_FILTER: BoardFilter = { text: '', assignees: [], types: [], labels: [], sprints: [] };

const distinct = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

export function parseView(search: string): BoardView {
  const params = new URLSearchParams(search);
  const filter: BoardFilter = { ...EMPTY_FILTER, text: params.get('q') ?? '' };
  for (const facet of FACETS) filter[facet] = distinct(params.getAll(PARAM[facet]));
  if (params.get(SUBTASKS) === HIDE) filter.hideSubtasks = true;
  if (params.get(DUE) === WEEK) filter.dueThisWeek = true;
  return { filter, groupBy: params.get('group') === 'epic' ? 'epic' : 'none' };
}

/**
 * `search` with the view written over it, leading '?' included ('' when nothing
 * is left). Parameters that are not the board's (another feature's) are kept.
 */
export function viewQuery(view: BoardView, search = ''): string {
  const params = new URLSearchParams(search);
  for (const name of ['q', 'group', SUBTASKS, DUE, ...Object.values(PARAM)]) params.delete(name);
  if (view.filter.text.trim()) params.set('q', view.filter.text);
  for (const facet of FACETS) for (const value of view.filter[facet]) params.append(PARAM[facet], value);
  if (view.filter.hideSubtasks) params.set(SUBTASKS, HIDE);
  if (view.filter.dueThisWeek) params.set(DUE, WEEK);
  if (view.groupBy !== 'none') params.set('group', view.groupBy);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const isFiltering = (filter: BoardFilter) =>
  !!filter.text.trim() || !!filter.hideSubtasks || !!filter.dueThisWeek || FACETS.some((f) => filter[f].length > 0);

/** Adds `value` to a facet, or takes it out when it is there. */
export function toggle(filter: BoardFilter, facet: Facet, value: string): BoardFilter {
  const values = filter[facet];
  return { ...filter, [facet]: values.includes(value) ? values.filter((v) => v !== value) : [...values, value] };
}

/** A predicate for the cards `filter` lets through; `me` is the viewer's user id (for ME), `today` their calendar day. */
export function cardMatcher(filter: BoardFilter, me: string, today = localDay()): (card: Card) => boolean {
  const text = filter.text.trim().toLowerCase();
  const assignees = new Set(filter.assignees.map((a) => (a === ME ? me : a === NONE ? '' : a)));
  const types = new Set(filter.types.map((slug) => ITEM_TYPES.find((t) => t.slug === slug)?.type));
  const labels = new Set(filter.labels);
  const sprints = new Set(filter.sprints.map((s) => (s === NONE ? '' : s)));
  return (card) =>
    (!text || (card.key ?? '').toLowerCase().includes(text) || (card.title ?? '').toLowerCase().includes(text)) &&
    (assignees.size === 0 || assignees.has(card.assigneeId ?? '')) &&
    (types.size === 0 || types.has(card.itemType ?? undefined)) &&
    (labels.size === 0 || (card.labels ?? []).some((l) => labels.has(l))) &&
    (sprints.size === 0 || sprints.has(card.sprintId ?? '')) &&
    !(filter.hideSubtasks && card.itemType === ItemType.ITEM_TYPE_SUBTASK) &&
    (!filter.dueThisWeek || dueThisWeek(card.dueDate, today));
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
