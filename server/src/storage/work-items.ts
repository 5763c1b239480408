import type { ICustomFieldValue, IWorkItem } from '../../../shared/proto.ts';
import { customValuesByItem, customValuesOfItem } from './custom-fields.ts';
import { labelsByItem, labelsOfItem } from './labels.ts';
import { toWorkItem } from './mappers.ts';
import { sql } from 'kysely';
import { prepared, preparedByShape, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { WorkItemRow } from './tables.ts';

/**
 * UPDATE of the comma-separated columns in `shape`; the arguments are their
 * values, then now, the actor, the id and the version the row must still have.
 */
const updateColumns = preparedByShape(
  (shape, args) => {
    const columns = shape ? shape.split(',') : [];
    const [now, actorId, id, version] = args.slice(columns.length) as [number, string, string, number];
    const values = Object.fromEntries(columns.map((c, i) => [c, args[i]])) as Partial<WorkItemRow>;
    return q.updateTable('pm_work_items')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at_ms: now, updated_by: actorId }))
      .where('id', '=', id)
      .where('version', '=', version);
  },
  (shape) => (shape ? shape.split(',').length : 0) + 4,
);

const byId = prepared((id: string) => q.selectFrom('pm_work_items').selectAll().where('id', '=', id));

export function findWorkItem(db: SqlRunner, id: string): WorkItemRow | undefined {
  return db.get(byId(id));
}

/** `labels` when the caller already holds them, saving the lookup. */
export function workItemMessage(db: SqlRunner, row: WorkItemRow, labels: readonly string[] = labelsOfItem(db, row.id)): IWorkItem {
  return toWorkItem(row, labels, customValuesOfItem(db, row.id));
}

/** Every column but the description, and whether there is one: what a card needs. */
const CARD_COLUMNS = [
  'id', 'project_id', 'number', 'key', 'item_type', 'parent_id', 'title', 'status_id', 'priority', 'story_points',
  'assignee_id', 'sprint_id', 'rank', 'version', 'created_at_ms', 'created_by', 'updated_at_ms', 'updated_by', 'deleted_at_ms',
  'start_date', 'due_date', 'original_estimate_minutes', 'remaining_estimate_minutes', 'logged_minutes', 'custom_type_id',
] as const satisfies readonly Exclude<keyof WorkItemRow, 'description'>[];

const liveRows = prepared((projectId: string) =>
  q.selectFrom('pm_work_items').selectAll().where('project_id', '=', projectId).where('deleted_at_ms', 'is', null).orderBy('rank').orderBy('id'),
);

// octet_length, unlike length, does not read a long description's overflow pages to count its characters.
const liveCards = prepared((projectId: string) =>
  q.selectFrom('pm_work_items')
    .select(CARD_COLUMNS)
    .select(sql<number>`octet_length(description) > 0`.as('has_description'))
    .where('project_id', '=', projectId)
    .where('deleted_at_ms', 'is', null)
    .orderBy('rank')
    .orderBy('id'),
);

type CardRow = Omit<WorkItemRow, 'description'> & { has_description: number };

/**
 * The first `limit` live items of one status in board order, whole or as
 * cards: read along pm_work_items_by_status_rank, so a big board's other
 * rows are never read.
 */
const firstOfStatus = prepared((projectId: string, statusId: string, limit: number, descriptions: number) =>
  q.selectFrom('pm_work_items')
    .select(CARD_COLUMNS)
    .select(sql<string>`CASE WHEN ${descriptions} THEN description ELSE '' END`.as('description'))
    .select(sql<number>`octet_length(description) > 0`.as('has_description'))
    .where('project_id', '=', projectId)
    .where('status_id', '=', statusId)
    .where('deleted_at_ms', 'is', null)
    .orderBy('rank')
    .orderBy('id')
    .limit(limit),
);

const liveCount = prepared((projectId: string) =>
  q.selectFrom('pm_work_items').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId).where('deleted_at_ms', 'is', null),
);

/** A row of CARD_COLUMNS as the wire item, its description left out (description_omitted says whether it has one). */
function cardOf(row: CardRow, labels: readonly string[], customFields: readonly ICustomFieldValue[]): IWorkItem {
  // Built in place: a 5,000-card board makes 5,000 of these, and each copy of ~30 fields showed in its profile.
  const card = toWorkItem(row, labels, customFields, '');
  card.descriptionOmitted = row.has_description === 1;
  return card;
}

/** Live cards of the projects a person may read: every project (`null`) or those they are a member of. */
function myCards(userId: string | null, limit: number) {
  let query = q.selectFrom('pm_work_items as w')
    .select(CARD_COLUMNS.map((c) => `w.${c}` as const))
    .select(sql<number>`octet_length(w.description) > 0`.as('has_description'))
    .where('w.deleted_at_ms', 'is', null)
    .where('w.project_id', 'not in', (eb) => eb.selectFrom('pm_projects').select('id').where('deleted_at_ms', 'is not', null))
    .orderBy('w.updated_at_ms', 'desc')
    .orderBy('w.id')
    .limit(limit);
  if (userId !== null) {
    query = query.where('w.project_id', 'in', (eb) => eb.selectFrom('pm_project_members').select('project_id').where('user_id', '=', userId));
  }
  return query;
}

const assignedAll = prepared((me: string, limit: number) => myCards(null, limit).where('w.assignee_id', '=', me));
const assignedMember = prepared((me: string, limit: number) => myCards(me, limit).where('w.assignee_id', '=', me));
const createdAll = prepared((me: string, limit: number) => myCards(null, limit).where('w.created_by', '=', me));
const createdMember = prepared((me: string, limit: number) => myCards(me, limit).where('w.created_by', '=', me));
const watched = (query: ReturnType<typeof myCards>, me: string) =>
  query
    .where('w.id', 'in', (eb) => eb.selectFrom('pm_watchers').select('work_item_id').where('user_id', '=', me))
    .where((eb) => eb.or([eb('w.assignee_id', 'is', null), eb('w.assignee_id', '!=', me)]))
    .where('w.created_by', '!=', me);
const watchedAll = prepared((me: string, limit: number) => watched(myCards(null, limit), me));
const watchedMember = prepared((me: string, limit: number) => watched(myCards(me, limit), me));

export type MyItems = 'assigned' | 'created' | 'watching';
const MINE = { assigned: [assignedAll, assignedMember], created: [createdAll, createdMember], watching: [watchedAll, watchedMember] } as const;

/**
 * The person's items of one kind across the projects they may read (every
 * project when `everyProject`: workspace owners and admins), latest change
 * first, as cards without descriptions.
 */
export function myItems(db: SqlRunner, userId: string, which: MyItems, everyProject: boolean, limit: number): IWorkItem[] {
  const [all, member] = MINE[which];
  const rows = db.all((everyProject ? all : member)(userId, limit)) as CardRow[];
  return rows.map((row) => cardOf(row, labelsOfItem(db, row.id), customValuesOfItem(db, row.id)));
}

/**
 * The first `perStatus` live items of each status in board order (all of
 * them when 0), and how many live items that leaves out (GetBoard's
 * first_cards_per_column).
 */
export function firstLiveWorkItems(
  db: SqlRunner,
  projectId: string,
  { descriptions, perStatus, statusIds }: { descriptions: boolean; perStatus: number; statusIds: readonly string[] },
): { items: IWorkItem[]; leftOut: number } {
  if (perStatus === 0) return { items: liveWorkItems(db, projectId, { descriptions }), leftOut: 0 };
  const rows = statusIds.flatMap((statusId) => db.all(firstOfStatus(projectId, statusId, perStatus, descriptions ? 1 : 0)));
  // Each item's labels and values by itself: the project's whole maps would read every item's.
  const items = rows.map((row) => {
    const [labels, values] = [labelsOfItem(db, row.id), customValuesOfItem(db, row.id)];
    return descriptions ? toWorkItem(row, labels, values) : cardOf(row, labels, values);
  });
  const live = db.get(liveCount(projectId))?.n ?? 0;
  return { items, leftOut: Number(live) - items.length };
}

/**
 * The project's live items in board order. Without descriptions, each item
 * has an empty one and description_omitted says whether it really has one
 * (GetBoard.omit_descriptions).
 */
export function liveWorkItems(db: SqlRunner, projectId: string, { descriptions }: { descriptions: boolean }): IWorkItem[] {
  const labels = labelsByItem(db, projectId);
  // Small (a few fields of an item), so cards carry them too: the board filters on them.
  const values = customValuesByItem(db, projectId);
  if (descriptions) return db.all(liveRows(projectId)).map((row) => toWorkItem(row, labels.get(row.id) ?? [], values.get(row.id) ?? []));
  return db.all(liveCards(projectId)).map((row) => cardOf(row, labels.get(row.id) ?? [], values.get(row.id) ?? []));
}

const liveByNumber = prepared((projectId: string, afterNumber: number, limit: number) =>
  q.selectFrom('pm_work_items')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('number', '>', afterNumber)
    .where('deleted_at_ms', 'is', null)
    .orderBy('number')
    .limit(limit),
);

/** A page of the project's live items by number, for reading a big project a part at a time. */
export function liveWorkItemsAfter(db: SqlRunner, projectId: string, afterNumber: number, limit: number): WorkItemRow[] {
  return db.all(liveByNumber(projectId, afterNumber, limit));
}

/** How many deleted items the Trash lists. */
export const TRASH_MAX = 500;

const deleted = prepared((projectId: string) =>
  q.selectFrom('pm_work_items')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('deleted_at_ms', 'is not', null)
    .orderBy('deleted_at_ms', 'desc')
    .orderBy('id')
    .limit(TRASH_MAX),
);

/** The project's deleted items, the latest deleted first, whole (descriptions too: the Trash shows what it restores). */
export function deletedWorkItems(db: SqlRunner, projectId: string): IWorkItem[] {
  const labels = labelsByItem(db, projectId);
  const values = customValuesByItem(db, projectId);
  return db.all(deleted(projectId)).map((row) => toWorkItem(row, labels.get(row.id) ?? [], values.get(row.id) ?? []));
}

export function insertWorkItem(db: SqlRunner, row: WorkItemRow): void {
  db.run(q.insertInto('pm_work_items').values(row));
}

/**
 * Writes `changes` to the item as read in this transaction and returns the row
 * as it now is. The row is made here rather than read back (RETURNING * costs
 * more than the UPDATE itself); the version in the WHERE makes sure `item` was
 * the row the UPDATE changed.
 */
export function updateWorkItemRow(
  db: SqlRunner,
  item: WorkItemRow,
  changes: Partial<Omit<WorkItemRow, 'id' | 'version'>>,
  actorId: string,
  now: number,
): WorkItemRow {
  // As kysely's set() would: a column given as undefined is left alone.
  const columns = (Object.keys(changes) as Array<keyof typeof changes>).filter((c) => changes[c] !== undefined);
  const changed = db.run(updateColumns(columns.join(','), [...columns.map((c) => changes[c]), now, actorId, item.id, item.version]));
  if (changed !== 1) throw new Error(`work item ${item.id} at version ${item.version} changed under a write`);
  const row: WorkItemRow = { ...item, version: item.version + 1, updated_at_ms: now, updated_by: actorId };
  for (const c of columns) Object.assign(row, { [c]: changes[c] });
  return row;
}

/**
 * The live item just above (direction 'prev') or below ('next') a rank in a
 * project. `excludeId` skips the item being moved, which is not its own neighbour.
 */
const neighbours = {
  prev: prepared((projectId: string, rank: string, excludeId: string) =>
    liveRanks(projectId).where('rank', '<', rank).where('id', '!=', excludeId).orderBy('rank', 'desc').limit(1)),
  next: prepared((projectId: string, rank: string, excludeId: string) =>
    liveRanks(projectId).where('rank', '>', rank).where('id', '!=', excludeId).orderBy('rank', 'asc').limit(1)),
};

function liveRanks(projectId: string) {
  return q.selectFrom('pm_work_items').select('rank').where('project_id', '=', projectId).where('deleted_at_ms', 'is', null);
}

export function neighbourRank(
  db: SqlRunner,
  projectId: string,
  rank: string,
  direction: 'prev' | 'next',
  excludeId: string | null = null,
): string | null {
  // '' is no item's id: with no item to skip, the id test passes for all.
  return db.get(neighbours[direction](projectId, rank, excludeId ?? ''))?.rank ?? null;
}

/** Whether another live item of the project already holds this rank. */
export function rankTaken(db: SqlRunner, projectId: string, rank: string, excludeId: string): boolean {
  const row = db.get(
    q.selectFrom('pm_work_items')
      .select('id')
      .where('project_id', '=', projectId)
      .where('deleted_at_ms', 'is', null)
      .where('rank', '=', rank)
      .where('id', '!=', excludeId)
      .limit(1),
  );
  return row !== undefined;
}

const ends = {
  first: prepared((projectId: string) => liveRanks(projectId).orderBy('rank', 'asc').limit(1)),
  last: prepared((projectId: string) => liveRanks(projectId).orderBy('rank', 'desc').limit(1)),
};

export function firstOrLastRank(db: SqlRunner, projectId: string, which: 'first' | 'last'): string | null {
  return db.get(ends[which](projectId))?.rank ?? null;
}

export function liveChildren(db: SqlRunner, parentId: string): WorkItemRow[] {
  return db.all(
    q.selectFrom('pm_work_items').selectAll().where('parent_id', '=', parentId).where('deleted_at_ms', 'is', null),
  );
}

/** Sub-tasks deleted together with their parent: same parent, same deletion time. */
export function subtasksDeletedAt(db: SqlRunner, parentId: string, deletedAtMs: number): WorkItemRow[] {
  return db.all(
    q.selectFrom('pm_work_items')
      .selectAll()
      .where('parent_id', '=', parentId)
      .where('item_type', '=', 'SUBTASK')
      .where('deleted_at_ms', '=', deletedAtMs),
  );
}
