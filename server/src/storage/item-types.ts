// A project's own item types (docs/PROTOCOL.md §6, v18) and what the items
// of each one are.
import { randomUUID } from 'node:crypto';
import type { ItemTypeDef } from '../../../shared/domain/item-types.ts';
import type { ICustomItemType } from '../../../shared/proto.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { ItemTypeRow } from './tables.ts';

const liveTypes = prepared((projectId: string) =>
  q.selectFrom('pm_item_types').selectAll().where('project_id', '=', projectId).where('removed_at_ms', 'is', null)
    .orderBy('position').orderBy('id'));

const typeById = prepared((id: string) => q.selectFrom('pm_item_types').selectAll().where('id', '=', id));

const setType = prepared((id: string, name: string, icon: string, colour: string, canBeParent: number, position: number) =>
  q.updateTable('pm_item_types').set({ name, icon, colour, can_be_parent: canBeParent, position }).where('id', '=', id));

const markRemoved = prepared((id: string, now: number) => q.updateTable('pm_item_types').set({ removed_at_ms: now }).where('id', '=', id));

const liveItemsOfType = prepared((typeId: string) =>
  q.selectFrom('pm_work_items').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('custom_type_id', '=', typeId).where('deleted_at_ms', 'is', null));

// Items of the type (live) that hold at least one live sub-task.
const parentsOfType = prepared((typeId: string) =>
  q.selectFrom('pm_work_items as w').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('w.custom_type_id', '=', typeId).where('w.deleted_at_ms', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('pm_work_items as c').select('c.id').whereRef('c.parent_id', '=', 'w.id').where('c.deleted_at_ms', 'is', null))));

// A deleted item keeps its version history; the bump tells a cached copy it changed.
const deletedToTasks = prepared((typeId: string, now: number) =>
  q.updateTable('pm_work_items')
    .set((eb) => ({ custom_type_id: null, version: eb('version', '+', 1), updated_at_ms: now }))
    .where('custom_type_id', '=', typeId)
    .where('deleted_at_ms', 'is not', null));

export function typeDef(row: ItemTypeRow): ItemTypeDef {
  return { id: row.id, name: row.name, icon: row.icon, colour: row.colour, canBeParent: row.can_be_parent === 1, position: row.position };
}

export function toCustomItemType(def: ItemTypeDef): ICustomItemType {
  return { id: def.id, name: def.name, icon: def.icon, colour: def.colour, canBeParent: def.canBeParent, position: def.position };
}

/** The project's live types, in order. */
export function liveTypesOf(db: SqlRunner, projectId: string): ItemTypeDef[] {
  return db.all(liveTypes(projectId)).map(typeDef);
}

/** Any type by id, a removed one too (history still names it). */
export function findItemType(db: SqlRunner, id: string): ItemTypeRow | undefined {
  return db.get(typeById(id));
}

/** A live type of the project, or undefined. */
export function liveTypeOf(db: SqlRunner, projectId: string, id: string): ItemTypeDef | undefined {
  const row = findItemType(db, id);
  return row && row.project_id === projectId && row.removed_at_ms === null ? typeDef(row) : undefined;
}

export function insertItemType(db: SqlRunner, projectId: string, def: ItemTypeDef): ItemTypeDef {
  const type = { ...def, id: randomUUID() };
  db.run(q.insertInto('pm_item_types').values({
    id: type.id,
    project_id: projectId,
    name: type.name,
    icon: type.icon,
    colour: type.colour,
    can_be_parent: type.canBeParent ? 1 : 0,
    position: type.position,
    removed_at_ms: null,
  }));
  return type;
}

export function updateItemType(db: SqlRunner, def: ItemTypeDef): void {
  db.run(setType(def.id, def.name, def.icon, def.colour, def.canBeParent ? 1 : 0, def.position));
}

/**
 * Marks the type removed. No live item is of it (the caller refused
 * otherwise); deleted ones become plain tasks, so a restore brings back an
 * item of a type that exists.
 */
export function removeItemType(db: SqlRunner, id: string, now: number): void {
  db.run(deletedToTasks(id, now));
  db.run(markRemoved(id, now));
}

/** How many live items are of the type. */
export function liveItemCount(db: SqlRunner, typeId: string): number {
  return Number(db.get(liveItemsOfType(typeId))?.n ?? 0);
}

/** How many live items of the type hold live sub-tasks. */
export function parentCount(db: SqlRunner, typeId: string): number {
  return Number(db.get(parentsOfType(typeId))?.n ?? 0);
}
