// An item's custom field values as the panel, the board's filter and a write
// read them. A value is an entry of the item's `custom_fields` list (only
// fields that have one); a write names each field it sets, and an entry with
// nothing set clears it. Values are not in the ItemPatch table: a write of
// them is its own op (item-ops.ts 'values'), laid over the card's list as it
// is then, so someone else's change of another field shows meanwhile.
// Pure: no Solid, no DOM.
import {
  appliesTo,
  fieldTypeKey,
  checkCustomValue,
  customValueText,
  isEmptyValue,
  missingRequired,
  sameCustomValue,
  type CustomFieldDef,
} from '../../../../shared/domain/custom-fields.ts';
import { CustomFieldKind, type ICustomFieldValue, type IWorkItem } from '../../../../shared/proto.ts';
import { typeNameOf } from './custom-fields-draft.ts';

export type Value = ICustomFieldValue;

/** The item's value of one field; null when it has none. */
export function valueIn(item: Pick<IWorkItem, 'customFields'>, fieldId: string): Value | null {
  const v = (item.customFields ?? []).find((e) => e.fieldId === fieldId);
  return v && !isEmptyValue(v) ? v : null;
}

/** The fields shown on an item of this type (a project's own type when it has one), in the project's order. */
export function fieldsFor(fields: readonly CustomFieldDef[], item: Pick<IWorkItem, 'itemType' | 'customTypeId'>): CustomFieldDef[] {
  const type = fieldTypeKey(typeNameOf(item.itemType), item.customTypeId);
  return fields.filter((f) => appliesTo(f, type));
}

/** The list with each entry set (an empty entry takes the field's value out), the others' order kept. */
export function withValues(list: readonly Value[] | null | undefined, entries: readonly Value[]): Value[] {
  const byId = new Map(entries.map((e) => [e.fieldId ?? '', e]));
  const out: Value[] = [];
  for (const v of list ?? []) {
    const entry = byId.get(v.fieldId ?? '');
    if (!entry) out.push(v);
    else if (!isEmptyValue(entry)) out.push(entry);
    if (entry) byId.delete(v.fieldId ?? '');
  }
  for (const entry of byId.values()) if (!isEmptyValue(entry)) out.push(entry);
  return out;
}

/** The entry that clears a field. */
export const clearing = (fieldId: string): Value => ({ fieldId });

/** The entries whose value the item does not have yet: nothing to send for the others. */
export function effectiveValues(item: Pick<IWorkItem, 'customFields'>, entries: readonly Value[]): Value[] {
  return entries.filter((e) => !sameCustomValue(valueIn(item, e.fieldId ?? ''), isEmptyValue(e) ? null : e));
}

/** The item's own values of the entries' fields: the entries that set them back (an undo's). */
export function valuesBack(item: Pick<IWorkItem, 'customFields'>, entries: readonly Value[]): Value[] {
  return entries.map((e) => valueIn(item, e.fieldId ?? '') ?? clearing(e.fieldId ?? ''));
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * Why the server would refuse this entry for this field, in its words (the
 * value's own rules, and a required field's clearing); null when it would
 * take it. Whether a person may hold it is the server's to say.
 */
export function valueProblem(field: CustomFieldDef, entry: Value): string | null {
  try {
    const value = checkCustomValue(field, entry);
    if (value === null && field.required) return `${field.name} is required.`;
    return null;
  } catch (e) {
    return sentence(e instanceof Error ? e.message : String(e));
  }
}

/** "Severity is required", "Severity and Owner are required": what a new item of this type still needs; null when nothing. */
export function requiredWords(
  fields: readonly CustomFieldDef[],
  type: Pick<IWorkItem, 'itemType' | 'customTypeId'>,
  has: (fieldId: string) => boolean = () => false,
): string | null {
  const missing = missingRequired(fields, fieldTypeKey(typeNameOf(type.itemType), type.customTypeId), has);
  if (missing.length === 0) return null;
  const names = missing.map((f) => f.name);
  return names.length === 1 ? `${names[0]} is required` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are required`;
}

/** A value in words for the panel and the conflict dialog: "None" when there is none. */
export function valueWords(field: CustomFieldDef, value: Value | null | undefined, personName: (userId: string) => string): string {
  return customValueText(field, value, personName) ?? 'None';
}

/** A typed number as a value entry: '' clears; null when the text is no number. */
export function numberEntry(fieldId: string, text: string): Value | null {
  const t = text.trim();
  if (!t) return clearing(fieldId);
  const n = Number(t);
  return Number.isFinite(n) ? { fieldId, number: n } : null;
}

/** The entry a control's value makes, by the field's kind ('' or [] clears). */
export function entryOf(field: CustomFieldDef, value: string | readonly string[]): Value {
  const fieldId = field.id;
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case CustomFieldKind.CUSTOM_FIELD_KIND_TEXT:
      return text.trim() ? { fieldId, text: text.trim() } : clearing(fieldId);
    case CustomFieldKind.CUSTOM_FIELD_KIND_DATE:
      return text ? { fieldId, date: text } : clearing(fieldId);
    case CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT:
      return text ? { fieldId, options: [text] } : clearing(fieldId);
    case CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT: {
      const chosen = new Set(typeof value === 'string' ? [value].filter(Boolean) : value);
      // In the field's order, as the server keeps it.
      const options = field.options.filter((o) => chosen.has(o));
      return options.length ? { fieldId, options } : clearing(fieldId);
    }
    case CustomFieldKind.CUSTOM_FIELD_KIND_PERSON:
      return text ? { fieldId, userId: text } : clearing(fieldId);
    default:
      return numberEntry(fieldId, text) ?? clearing(fieldId);
  }
}
