// An edit of a work item as a patch of the fields a person changed (null =
// cleared), and what becomes of it: one update_work_item, and the overlay
// that shows it on the card until the reply. Fields, labels and clear names
// all come from the shared field table (shared/protocol/work-item-fields.ts):
// a field added there is editable here once a view offers an input for it.
import type { tandem } from '../../../../shared/gen/tandem.js';
import { ItemType, pb, type IWorkItem } from '../../../../shared/proto.ts';
import type { Command } from '../../../../shared/protocol/commands.ts';
import {
  UPDATABLE_FIELDS,
  WORK_ITEM_FIELDS,
  type ClearableField,
  type KeyOf,
  type UpdatableField,
  type WorkItemField,
  type WorkItemFieldSpec,
} from '../../../../shared/protocol/work-item-fields.ts';

/** A patch names fields by their wire key (storyPoints), as the card and update_work_item do. */
export type PatchField = KeyOf<UpdatableField>;
type ClearableKey = KeyOf<ClearableField>;

export type ItemPatch = {
  [K in PatchField]?: NonNullable<IWorkItem[K]> | (K extends ClearableKey ? null : never);
};
export type PatchValue = ItemPatch[PatchField];

/** In table order, which is the order the conflict dialog lists them in. */
export const PATCH_FIELDS: readonly PatchField[] = UPDATABLE_FIELDS.map((f) => WORK_ITEM_FIELDS[f].key);

const FIELD_OF_KEY: ReadonlyMap<PatchField, WorkItemField> = new Map(UPDATABLE_FIELDS.map((f) => [WORK_ITEM_FIELDS[f].key, f]));

function specOf(key: PatchField): WorkItemFieldSpec {
  return WORK_ITEM_FIELDS[FIELD_OF_KEY.get(key)!];
}

/** What people call the field ("Story points"). */
export const fieldLabel = (key: PatchField): string => specOf(key).label;

/** The fields a patch really carries (undefined means "not changed"). */
export function patchFields(patch: ItemPatch): PatchField[] {
  return PATCH_FIELDS.filter((f) => patch[f] !== undefined);
}

const isEmpty = (value: unknown) => value == null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * An item's value for one patch field, in the patch's terms: null when a
 * clearable field has none. The fields a field travels with (`with` in the
 * table) are its "has a value" flags: 0 points and no estimate differ only in
 * has_story_points.
 */
export function valueOf(item: IWorkItem, key: PatchField): PatchValue {
  const spec = specOf(key);
  const value = item[key] ?? pb.WorkItem.prototype[key];
  if (Array.isArray(value)) return [...value].sort();
  if (spec.with?.some((flag) => !item[flag])) return null;
  if (spec.clearable && isEmpty(value)) return null;
  return value;
}

/** Arrays compare as sets; an empty value (none, '', []) equals any other empty one. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    const [x, y] = [[...a].sort(), [...b].sort()];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}

function copy<K extends PatchField>(to: ItemPatch, from: ItemPatch, key: K): void {
  to[key] = from[key];
}

/** The fields of the patch `keep` says yes to, with their values. */
export function pickFields(patch: ItemPatch, keep: (field: PatchField) => boolean): ItemPatch {
  const out: ItemPatch = {};
  for (const f of patchFields(patch)) if (keep(f)) copy(out, patch, f);
  return out;
}

/** The item's own values of the patch's fields: the patch that sets them back (an undo's). */
export function patchBack(item: IWorkItem, patch: ItemPatch): ItemPatch {
  const out: ItemPatch = {};
  // valueOf answers each field in its own type; the record view only loses which field is which.
  for (const f of patchFields(patch)) (out as Record<PatchField, PatchValue>)[f] = valueOf(item, f);
  return out;
}

/** Drops the fields whose value the item already has: nothing to send for them. */
export const effectivePatch = (item: IWorkItem, patch: ItemPatch): ItemPatch => pickFields(patch, (f) => !sameValue(valueOf(item, f), patch[f]));

/** A repeated field is replaced only with its set_ flag (a repeated field cannot be optional): set_labels. */
type SetFlag = Extract<keyof tandem.v1.IUpdateWorkItem, `set${string}`>;
const isSetFlag = (name: string): name is SetFlag => name.startsWith('set') && Object.hasOwn(pb.UpdateWorkItem.prototype, name);
const setFlagOf = (key: PatchField): string => `set${key.charAt(0).toUpperCase()}${key.slice(1)}`;

/** One update_work_item for a patch, against `expectedVersion`. */
export function updateCommand(itemId: string, expectedVersion: number, patch: ItemPatch): Command {
  const values: ItemPatch = {};
  const flags: { [F in SetFlag]?: boolean } = {};
  const clear: string[] = [];
  for (const key of patchFields(patch)) {
    if (patch[key] === null) {
      clear.push(FIELD_OF_KEY.get(key)!);
      continue;
    }
    copy(values, patch, key);
    const flag = setFlagOf(key);
    if (isSetFlag(flag)) flags[flag] = true;
  }
  // Typed as update_work_item's own fields: a table field the command does not carry fails to compile here.
  const fields: Pick<tandem.v1.IUpdateWorkItem, PatchField> = values;
  return { updateWorkItem: { workItemId: itemId, expectedVersion, ...fields, ...flags, ...(clear.length ? { clear } : {}) } };
}

/** The WorkItem fields that are flags (has_story_points). */
type FlagKey = { [K in keyof IWorkItem]-?: NonNullable<IWorkItem[K]> extends boolean ? K : never }[keyof IWorkItem];
const isFlag = (key: keyof IWorkItem): key is FlagKey => typeof pb.WorkItem.prototype[key] === 'boolean';

function overlay<K extends PatchField>(card: Partial<IWorkItem>, patch: ItemPatch, key: K): void {
  const value = patch[key];
  if (value === undefined) return;
  card[key] = value === null ? pb.WorkItem.prototype[key] : value;
  for (const flag of specOf(key).with ?? []) if (isFlag(flag)) card[flag] = value !== null;
}

/** The card as it will look once the patch is applied (the optimistic overlay). */
export function patchToCard(patch: ItemPatch): Partial<IWorkItem> {
  const out: Partial<IWorkItem> = {};
  for (const f of patchFields(patch)) overlay(out, patch, f);
  return out;
}

/**
 * The patch that changes an item's type: to one of the project's own types
 * (v18: a task naming it in custom_type_id), or to a built-in type with the
 * own type cleared. effectivePatch then keeps only what really changes (a
 * Risk made a Task only clears custom_type_id).
 */
export function typePatch(type: { ownTypeId: string } | { builtIn: ItemType }): ItemPatch {
  return 'ownTypeId' in type ? { itemType: ItemType.ITEM_TYPE_TASK, customTypeId: type.ownTypeId } : { itemType: type.builtIn, customTypeId: null };
}

/** "a, b, c" → sorted unique labels. */
export function parseLabels(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))].sort();
}
