// The "changed fields only" form of a work item event (Subscribe.changed_fields_only,
// WorkItemChanged.partial): which fields a partial item carries, and how a
// client lays one over the item it holds. Derived from the work item field
// table, so the server never leaves out a field the client expects.
import { pb, type IWorkItem } from '../proto.ts';
import { WORK_ITEM_FIELD_NAMES, WORK_ITEM_FIELDS, wireKeysOf } from './work-item-fields.ts';

type ItemKey = keyof IWorkItem & string;

/** In every partial item: which item it is, where it stands in the item's versions, and who changed it when. */
const IDENTITY: readonly ItemKey[] = ['id', 'projectId', 'key', 'number', 'version', 'updatedAt', 'updatedBy'];

/**
 * The changed_fields names of an ordinary change, each with the WorkItem
 * fields it stands for. Any other name (created, deleted, restored, or a field
 * the table does not carry in partial items) needs the whole item: a client
 * may not hold the item at all.
 */
const FIELDS_OF_CHANGE: ReadonlyMap<string, readonly ItemKey[]> = new Map(
  WORK_ITEM_FIELD_NAMES.filter((f) => WORK_ITEM_FIELDS[f].partial).map((f) => [f, wireKeysOf(f)]),
);

/**
 * What a named field is when the partial item does not carry it: proto3 leaves
 * default values off the wire, so a cleared field arrives as nothing. (A
 * decoded message reads these defaults from its prototype by itself; a plain
 * object does not.)
 */
function clearedValue(key: ItemKey): unknown {
  const value: unknown = pb.WorkItem.prototype[key];
  return Array.isArray(value) ? [] : value;
}

/** The WorkItem fields a partial item for these changes carries besides its identity; null when they need the whole item. */
function changedKeys(changedFields: readonly string[]): ItemKey[] | null {
  if (changedFields.length === 0) return null;
  const keys: ItemKey[] = [];
  for (const name of changedFields) {
    const fields = FIELDS_OF_CHANGE.get(name);
    if (!fields) return null;
    keys.push(...fields);
  }
  return keys;
}

const isDefault = (value: unknown) =>
  value == null || value === '' || value === 0 || value === false || (Array.isArray(value) && value.length === 0);

/**
 * The partial item for `item` after a change of `changedFields`, or null when
 * the change needs the whole item. Fields at their default value are left
 * out, as the wire would (the client reads them as cleared).
 */
export function toPartialItem(item: IWorkItem, changedFields: readonly string[]): IWorkItem | null {
  const keys = changedKeys(changedFields);
  if (!keys) return null;
  const partial: Record<string, unknown> = {};
  for (const key of [...IDENTITY, ...keys]) {
    const value = item[key];
    if (!isDefault(value)) partial[key] = value;
  }
  return partial as IWorkItem;
}

/**
 * `held` with a partial item's changes laid over it, or null when the partial
 * item is not enough: `held` must be the version just before it (otherwise a
 * change it does not name would be missing), and the names must be ones a
 * partial item can carry. The caller ignores a partial item older than what
 * it holds before asking.
 */
export function mergePartialItem<T extends IWorkItem>(held: T, partial: IWorkItem, changedFields: readonly string[]): T | null {
  const keys = changedKeys(changedFields);
  if (!keys || Number(held.version ?? 0) + 1 !== Number(partial.version ?? 0)) return null;
  const merged: T = { ...held };
  const fields = merged as Record<string, unknown>;
  for (const key of IDENTITY) fields[key] = partial[key] ?? fields[key];
  for (const key of keys) fields[key] = partial[key] ?? clearedValue(key);
  // A card from a board without descriptions now holds its item's whole description.
  if (keys.includes('description')) fields['descriptionOmitted'] = false;
  return merged;
}
