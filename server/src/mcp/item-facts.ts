// The facts both summaries quote, computed from the live work items of a
// project or a sprint: totals, done and remaining, blocked, who holds what.
import type { Database } from 'better-sqlite3';
import { isFinished } from '../../../shared/domain/workflow.ts';
import { StatusCategory } from '../../../shared/proto.ts';
import { statusCategories } from '../storage/enums.ts';
import type { ItemTypeName, StatusCategoryName } from '../storage/tables.ts';

export interface Item {
  key: string;
  title: string;
  type: ItemTypeName;
  status: string;
  category: StatusCategoryName;
  points: number | null;
  assigneeId: string | null;
  assignee: string | null;
  inSprint: boolean;
  labelledBlocked: boolean;
}

export interface Tally {
  items: number;
  points: number;
}

export interface StatusTally extends Tally {
  status: string;
  category: StatusCategoryName;
}

export interface ItemRef {
  key: string;
  title: string;
  status: string;
  assignee: string | null;
}

export interface Holder {
  assignee: string | null;
  open: Tally;
  done: Tally;
  open_items: string[];
  more_open_items?: number;
}

/** What the board calls finished, from the one rule the sprint commands use. */
const FINISHED: ReadonlySet<StatusCategoryName> = new Set(
  Object.values(StatusCategory)
    .filter((c): c is StatusCategory => typeof c === 'number' && c !== StatusCategory.STATUS_CATEGORY_UNSPECIFIED && isFinished(c))
    .map((c) => statusCategories.toName(c)),
);

/** How a reader should read the numbers; sent with every summary so an answer can say what it counted. */
export const DEFINITIONS = {
  items: 'live work items of every type (epics and sub-tasks included); deleted items are left out',
  done: `status category ${[...FINISHED].join(' or ')}`,
  remaining: 'every item not done',
  points: 'the sum of story_points; an unestimated item adds 0',
  blocked: 'an item not done that has the label "blocked" (Tandem has no blocking links)',
};

/** Open items a holder lists by key; the rest are counted. */
const LISTED_ITEMS = 20;

const ITEMS_SQL = `
SELECT w.key, w.title, w.item_type AS type, s.name AS status, s.category, w.story_points AS points,
       w.assignee_id AS assigneeId, u.display_name AS assignee, w.sprint_id IS NOT NULL AS inSprint,
       EXISTS (SELECT 1 FROM pm_work_item_labels wl JOIN pm_labels l ON l.id = wl.label_id
               WHERE wl.work_item_id = w.id AND lower(l.name) = 'blocked') AS labelledBlocked
FROM pm_work_items w
JOIN pm_workflow_statuses s ON s.id = w.status_id
LEFT JOIN pm_users u ON u.id = w.assignee_id
WHERE w.deleted_at_ms IS NULL AND w.project_id = :project AND (:sprint IS NULL OR w.sprint_id = :sprint)
ORDER BY s.position, w.rank`;

export function loadItems(db: Database, projectId: string, sprintId: string | null): Item[] {
  return db
    .prepare<{ project: string; sprint: string | null }, Omit<Item, 'inSprint' | 'labelledBlocked'> & { inSprint: 0 | 1; labelledBlocked: 0 | 1 }>(
      ITEMS_SQL,
    )
    .all({ project: projectId, sprint: sprintId })
    .map((row) => ({ ...row, inSprint: row.inSprint === 1, labelledBlocked: row.labelledBlocked === 1 }));
}

export const isDone = (item: Item) => FINISHED.has(item.category);

// Points are often halves; sums of floats are kept to two decimals so they quote cleanly.
const round = (n: number) => Math.round(n * 100) / 100;

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function tally(items: readonly Item[]): Tally {
  return { items: items.length, points: round(items.reduce((sum, i) => sum + (i.points ?? 0), 0)) };
}

/** Items per status, in the workflow's column order (loadItems sorts by it). */
export function byStatus(items: readonly Item[]): StatusTally[] {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(item.status, [...(groups.get(item.status) ?? []), item]);
  return [...groups].map(([status, group]) => ({ status, category: group[0]!.category, ...tally(group) }));
}

export function blocked(items: readonly Item[]): ItemRef[] {
  return items
    .filter((i) => i.labelledBlocked && !isDone(i))
    .map(({ key, title, status, assignee }) => ({ key, title, status, assignee }));
}

/** Who holds what: each assignee's open and done work, by name, the unassigned last. */
export function holders(items: readonly Item[]): Holder[] {
  // By id: two people may share a name.
  const people = new Map(items.map((i) => [i.assigneeId, i.assignee]));
  const order = [...people].sort(([, a], [, b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return order.map(([assigneeId, assignee]) => {
    const mine = items.filter((i) => i.assigneeId === assigneeId);
    const open = mine.filter((i) => !isDone(i));
    const holder: Holder = {
      assignee,
      open: tally(open),
      done: tally(mine.filter(isDone)),
      open_items: open.slice(0, LISTED_ITEMS).map((i) => `${i.key} ${i.title} (${i.status})`),
    };
    if (open.length > LISTED_ITEMS) holder.more_open_items = open.length - LISTED_ITEMS;
    return holder;
  });
}
