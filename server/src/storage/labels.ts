import { randomUUID } from 'node:crypto';
import type { ILabel } from '../../../shared/proto.ts';
import { toLabel } from './mappers.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';

const PALETTE = ['#e5484d', '#f76b15', '#ffc53d', '#46a758', '#12a594', '#0090ff', '#6e56cf', '#d6409f'];

function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

export function labelsOfProject(db: SqlRunner, projectId: string): ILabel[] {
  return db.all(q.selectFrom('pm_labels').selectAll().where('project_id', '=', projectId).orderBy('name')).map(toLabel);
}

const labelNamesOf = prepared((workItemId: string) =>
  q.selectFrom('pm_work_item_labels as wl')
    .innerJoin('pm_labels as l', 'l.id', 'wl.label_id')
    .select('l.name')
    .where('wl.work_item_id', '=', workItemId)
    .orderBy('l.name'));

export function labelsOfItem(db: SqlRunner, workItemId: string): string[] {
  return db.all(labelNamesOf(workItemId)).map((r) => r.name);
}

/** Label names of every live item of a project, in one query. */
export function labelsByItem(db: SqlRunner, projectId: string): Map<string, string[]> {
  const rows = db.all(
    q.selectFrom('pm_work_item_labels as wl')
      .innerJoin('pm_labels as l', 'l.id', 'wl.label_id')
      .select(['wl.work_item_id', 'l.name'])
      .where('l.project_id', '=', projectId)
      .orderBy('l.name'),
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.work_item_id);
    if (list) list.push(r.name);
    else out.set(r.work_item_id, [r.name]);
  }
  return out;
}

/** The most labels any live item of the project has. */
export function mostLabelsOnOneItem(db: SqlRunner, projectId: string): number {
  const row = db.get(
    q.selectFrom((sub) =>
      sub.selectFrom('pm_work_item_labels as wl')
        .innerJoin('pm_work_items as w', 'w.id', 'wl.work_item_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('w.project_id', '=', projectId)
        .where('w.deleted_at_ms', 'is', null)
        .groupBy('wl.work_item_id')
        .as('per_item'))
      .select((eb) => eb.fn.max('per_item.n').as('most')),
  );
  return Number(row?.most ?? 0);
}

// Compiled once: an import sets the labels of thousands of items in one transaction.
const unlinkAll = prepared((workItemId: string) => q.deleteFrom('pm_work_item_labels').where('work_item_id', '=', workItemId));
const addLabel = prepared((id: string, projectId: string, name: string, color: string) =>
  q.insertInto('pm_labels')
    .values({ id, project_id: projectId, name, color })
    .onConflict((oc) => oc.columns(['project_id', 'name']).doNothing()));
const labelNamed = prepared((projectId: string, name: string) =>
  q.selectFrom('pm_labels').select('id').where('project_id', '=', projectId).where('name', '=', name));
const link = prepared((workItemId: string, labelId: string) =>
  q.insertInto('pm_work_item_labels').values({ work_item_id: workItemId, label_id: labelId }));

/** Replaces an item's labels, making project labels for new names. */
export function setItemLabels(db: SqlRunner, projectId: string, workItemId: string, names: readonly string[]): void {
  db.run(unlinkAll(workItemId));
  for (const name of names) {
    db.run(addLabel(randomUUID(), projectId, name, colorFor(name)));
    db.run(link(workItemId, db.get(labelNamed(projectId, name))!.id));
  }
}
