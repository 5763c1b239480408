// An item write's custom field values (docs/PROTOCOL.md §6, v17): each entry
// checked against its field, and what changes, for create_work_item and
// update_work_item alike.
import {
  appliesTo, checkCustomValue, customValueText, missingRequired, sameCustomValue, typesInWords, type CustomFieldDef, type CustomValueInput,
} from '../../../shared/domain/custom-fields.ts';
import { invalidArgument } from '../../../shared/domain/errors.ts';
import { isTenantAdmin } from '../../../shared/domain/permissions.ts';
import type { ICustomFieldValue } from '../../../shared/proto.ts';
import type { FieldChange } from '../storage/activity.ts';
import { customValuesOfItem, liveFieldsOf, writeCustomValue } from '../storage/custom-fields.ts';
import { liveTypesOf } from '../storage/item-types.ts';
import { userStanding } from '../storage/references.ts';
import type { SqlRunner } from '../storage/sql.ts';
import { displayNameOf } from '../storage/users.ts';

/** The changed_fields name of any custom value change: the event carries the item's whole list. */
export const CUSTOM_FIELDS_CHANGE = 'custom_fields';

/** How history names one field's change: by id, so a renamed or removed field still reads by its name (pm_custom_fields). */
export const customFieldActivity = (fieldId: string) => `custom:${fieldId}`;

export interface ItemValues {
  /** One history row per changed field. */
  activity: FieldChange[];
  /** Writes the changes; call once the item's row exists. */
  apply(db: SqlRunner, workItemId: string): void;
}

const names = (fields: readonly CustomFieldDef[]) =>
  fields.length === 1 ? `${fields[0]!.name} is` : `${fields.slice(0, -1).map((f) => f.name).join(', ')} and ${fields.at(-1)!.name} are`;

/**
 * Checks `entries` for an item of `itemType` (fieldTypeKey: its own type's
 * id when it has one, else its ItemType name) in the project (`itemId` null:
 * a new item, which must then have every required field of its type) and
 * says what changes. Values of fields that no longer apply to the type (the
 * item's type changed) are cleared. Throws INVALID_ARGUMENT naming
 * `custom_fields`.
 */
export function planItemValues(
  db: SqlRunner,
  input: { projectId: string; itemId: string | null; itemType: string; entries: readonly CustomValueInput[] },
): ItemValues {
  const { projectId, itemId, itemType, entries } = input;
  const current = new Map((itemId === null ? [] : customValuesOfItem(db, itemId)).map((v) => [v.fieldId!, v]));
  // A project without fields has nothing to check (most writes): one indexed read.
  const fields = entries.length === 0 && current.size === 0 && itemId !== null ? [] : liveFieldsOf(db, projectId);
  const byId = new Map(fields.map((f) => [f.id, f]));
  const next = new Map(current);

  const seen = new Set<string>();
  for (const entry of entries) {
    const field = byId.get(entry.fieldId ?? '');
    if (!field) throw invalidArgument('custom_fields', 'A custom field value must name one of the project\'s custom fields');
    if (seen.has(field.id)) throw invalidArgument('custom_fields', `${field.name} is given twice`);
    seen.add(field.id);
    if (!appliesTo(field, itemType)) {
      throw invalidArgument('custom_fields', `${field.name} is only for ${typesInWords(field.itemTypes, liveTypesOf(db, projectId))}`);
    }
    const value = checkCustomValue(field, entry);
    if (value === null) {
      if (field.required) throw invalidArgument('custom_fields', `${field.name} is required`);
      next.delete(field.id);
      continue;
    }
    if (value.userId) checkPerson(db, projectId, field, value.userId);
    next.set(field.id, value);
  }
  for (const field of fields) if (!appliesTo(field, itemType)) next.delete(field.id);
  if (itemId === null) {
    const missing = missingRequired(fields, itemType, (id) => next.has(id));
    if (missing.length > 0) throw invalidArgument('custom_fields', `${names(missing)} required`);
  }

  const changes = fields.filter((f) => !sameCustomValue(current.get(f.id), next.get(f.id)));
  const personName = (id: string) => displayNameOf(db, id) ?? id;
  return {
    activity: changes.map((f) => ({
      field: customFieldActivity(f.id),
      old: customValueText(f, current.get(f.id), personName),
      new: customValueText(f, next.get(f.id), personName),
    })),
    apply(runner, workItemId) {
      for (const f of changes) writeCustomValue(runner, workItemId, f, next.get(f.id) ?? null);
    },
  };
}

/** A person field names someone who may be assigned the item: a member of the project, or a workspace owner or admin. */
function checkPerson(db: SqlRunner, projectId: string, field: CustomFieldDef, userId: string): void {
  const standing = userStanding(db, projectId, userId);
  if (!standing) throw invalidArgument('custom_fields', `${field.name} must be a person of this workspace`);
  if (!(standing.isMember || isTenantAdmin(standing.tenantRole))) {
    throw invalidArgument('custom_fields', `${field.name} must be a member of the project`);
  }
}
