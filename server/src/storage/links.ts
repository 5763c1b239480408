// Links between work items (pm_work_item_links). A link shows only while
// both its items are live: deleting an item hides its links, restoring it
// brings them back, with nothing written to the links themselves.
import type { ILinkedItem, IWorkItemLink } from '../../../shared/proto.ts';
import { linkKinds, statusCategories } from './enums.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { LinkKindName, StatusCategoryName, WorkItemLinkRow } from './tables.ts';

export function toLink(row: WorkItemLinkRow): IWorkItemLink {
  return {
    id: row.id,
    fromId: row.from_id,
    toId: row.to_id,
    kind: linkKinds.fromName(row.kind),
    createdAt: row.created_at_ms,
    createdBy: row.created_by,
  };
}

export function insertLink(db: SqlRunner, row: WorkItemLinkRow): void {
  db.run(q.insertInto('pm_work_item_links').values(row));
}

export function deleteLink(db: SqlRunner, id: string): void {
  db.run(q.deleteFrom('pm_work_item_links').where('id', '=', id));
}

const byId = prepared((id: string) => q.selectFrom('pm_work_item_links').selectAll().where('id', '=', id));

export function findLink(db: SqlRunner, id: string): WorkItemLinkRow | undefined {
  return db.get(byId(id));
}

const same = prepared((fromId: string, toId: string, kind: LinkKindName) =>
  q.selectFrom('pm_work_item_links').selectAll().where('from_id', '=', fromId).where('to_id', '=', toId).where('kind', '=', kind),
);

/** The link of this kind between these items, read in its direction. */
export function linkBetween(db: SqlRunner, fromId: string, toId: string, kind: LinkKindName): WorkItemLinkRow | undefined {
  return db.get(same(fromId, toId, kind));
}

const blocked = prepared((fromId: string) =>
  q.selectFrom('pm_work_item_links as l')
    .innerJoin('pm_work_items as w', 'w.id', 'l.to_id')
    .select('l.to_id')
    .where('l.from_id', '=', fromId)
    .where('l.kind', '=', 'BLOCKS')
    .where('w.deleted_at_ms', 'is', null),
);

/** The live items a live item blocks. */
export function itemsBlockedBy(db: SqlRunner, fromId: string): string[] {
  return db.all(blocked(fromId)).map((r) => r.to_id);
}

// A link of the project: one whose item on either end is of it, with both ends live.
const ofProject = prepared((projectId: string) =>
  q.selectFrom('pm_work_item_links as l')
    .innerJoin('pm_work_items as f', 'f.id', 'l.from_id')
    .innerJoin('pm_work_items as t', 't.id', 'l.to_id')
    .selectAll('l')
    .where((eb) => eb.or([eb('f.project_id', '=', projectId), eb('t.project_id', '=', projectId)]))
    .where('f.deleted_at_ms', 'is', null)
    .where('t.deleted_at_ms', 'is', null)
    .orderBy('l.created_at_ms')
    .orderBy('l.id'),
);

export function linksOfProject(db: SqlRunner, projectId: string): WorkItemLinkRow[] {
  return db.all(ofProject(projectId));
}

const summary = prepared((id: string) =>
  q.selectFrom('pm_work_items as w')
    .innerJoin('pm_projects as p', 'p.id', 'w.project_id')
    .innerJoin('pm_workflow_statuses as s', 's.id', 'w.status_id')
    .select(['w.id', 'w.project_id', 'p.key as project_key', 'w.key', 'w.title', 's.category'])
    .where('w.id', '=', id),
);

/** The items of other projects at the far ends of `links`, as a board shows them. */
export function linkedItemsOutside(db: SqlRunner, projectId: string, links: readonly WorkItemLinkRow[]): ILinkedItem[] {
  const ids = new Set(links.flatMap((l) => [l.from_id, l.to_id]));
  const items: ILinkedItem[] = [];
  for (const id of ids) {
    const row = db.get(summary(id)) as { id: string; project_id: string; project_key: string; key: string; title: string; category: StatusCategoryName } | undefined;
    if (!row || row.project_id === projectId) continue;
    items.push({ id: row.id, projectId: row.project_id, projectKey: row.project_key, key: row.key, title: row.title, statusCategory: statusCategories.fromName(row.category) });
  }
  return items;
}
