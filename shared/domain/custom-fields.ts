// Custom fields (docs/PROTOCOL.md §6, v17): what a project may add to its
// items, and what a value may hold. Pure, so the client checks a draft in the
// server's own words before it sends.
import { CustomFieldKind, ItemType, type ICustomFieldValue } from '../proto.ts';
import { invalidArgument } from './errors.ts';
import { pluralTypeName } from './item-types.ts';
import { checkText } from './validation.ts';

/** docs/PROTOCOL.md §6 and §17: the bounds set_custom_fields and item writes check first. */
export const CUSTOM_FIELD_LIMITS = {
  fieldsMax: 30,
  nameMax: 40,
  optionsMax: 50,
  optionMax: 60,
  itemTypesMax: 20,
  textMax: 2000,
} as const;

/** Item types as a field names them ("TASK"), in the enum's order. */
export const ITEM_TYPE_NAMES: readonly string[] = Object.keys(ItemType)
  .filter((k) => k.startsWith('ITEM_TYPE_') && k !== 'ITEM_TYPE_UNSPECIFIED')
  .map((k) => k.slice('ITEM_TYPE_'.length));

/** How people read a kind, in refusals and history. */
export const KIND_WORDS: Readonly<Record<CustomFieldKind, string>> = {
  [CustomFieldKind.CUSTOM_FIELD_KIND_UNSPECIFIED]: 'unknown',
  [CustomFieldKind.CUSTOM_FIELD_KIND_TEXT]: 'text',
  [CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER]: 'number',
  [CustomFieldKind.CUSTOM_FIELD_KIND_DATE]: 'date',
  [CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT]: 'single select',
  [CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT]: 'multi select',
  [CustomFieldKind.CUSTOM_FIELD_KIND_PERSON]: 'person',
};

const TYPE_WORDS: Readonly<Record<string, string>> = { EPIC: 'epics', STORY: 'stories', TASK: 'tasks', BUG: 'bugs', SUBTASK: 'sub-tasks' };

/** A project's own item type as a field names it (v18): by its id. */
export interface NamedType {
  id: string;
  name: string;
}

/**
 * "bugs", "tasks and Risks": item type names as a sentence says them. A
 * project's own type is named by id in a field; `custom` gives its name.
 */
export function typesInWords(types: readonly string[], custom: readonly NamedType[] = []): string {
  const words = types.map((t) => {
    const own = custom.find((c) => c.id === t);
    return own ? pluralTypeName(own.name) : (TYPE_WORDS[t] ?? t.toLowerCase());
  });
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A field as it is (shaped like CustomField, every member set). */
export interface CustomFieldDef {
  id: string;
  name: string;
  kind: CustomFieldKind;
  options: string[];
  /** ItemType names ("TASK") and ids of the project's own types (v18); empty for every type. */
  itemTypes: string[];
  required: boolean;
  position: number;
}

/** One field as set_custom_fields names it: an id keeps a field, none adds one. Shaped like CustomFieldSpec. */
export interface CustomFieldSpecInput {
  id?: string | null;
  name?: string | null;
  kind?: CustomFieldKind | null;
  options?: readonly string[] | null;
  itemTypes?: readonly string[] | null;
  required?: boolean | null;
}

export interface CustomFieldChange {
  before: CustomFieldDef;
  after: CustomFieldDef;
  /** Options the field had and no longer has: items holding one must not be left with it. */
  removedOptions: string[];
  /** Item types it applied to and no longer does: items of those types must not keep a value. */
  droppedTypes: string[];
}

export interface CustomFieldPlan {
  /** The fields after the change, in order (position = index); `id` is '' for an added one. */
  fields: CustomFieldDef[];
  added: CustomFieldDef[];
  /** Kept fields whose name, options, item types, required or position changes. */
  changed: CustomFieldChange[];
  /** Fields left out. */
  removed: CustomFieldDef[];
}

const isSelect = (kind: CustomFieldKind) =>
  kind === CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT || kind === CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT;

/** More than `max` code points; counted only when the length cannot tell (a code point is 1-2 units). */
const overCodePoints = (s: string, max: number) => s.length > max * 2 || (s.length > max && [...s].length > max);

// Errors name the repeated field (`fields`), as the parser's do: a client
// shows them on the list, not on one entry of it.

export function checkFieldName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalidArgument('fields', 'A custom field needs a name');
  if (overCodePoints(trimmed, CUSTOM_FIELD_LIMITS.nameMax)) {
    throw invalidArgument('fields', `A custom field's name is at most ${CUSTOM_FIELD_LIMITS.nameMax} characters`);
  }
  return checkText(trimmed, 'fields', `The field name '${trimmed}'`, true);
}

export function checkFieldKind(kind: CustomFieldKind | null | undefined, name: string): CustomFieldKind {
  // UNSPECIFIED is 0: an unset kind.
  if (!kind || !(kind in CustomFieldKind)) {
    throw invalidArgument('fields', `Choose a kind for ${name}: text, number, date, single select, multi select or person`);
  }
  return kind;
}

/** A select's options, trimmed, 1-50, unique (case aside); any other kind has none. */
export function checkFieldOptions(options: readonly string[], kind: CustomFieldKind, name: string): string[] {
  if (!isSelect(kind)) {
    if (options.length > 0) throw invalidArgument('fields', `Only a select has options: ${name} is ${KIND_WORDS[kind]}`);
    return [];
  }
  if (options.length === 0) throw invalidArgument('fields', `${name} needs at least one option`);
  if (options.length > CUSTOM_FIELD_LIMITS.optionsMax) {
    throw invalidArgument('fields', `${name} has at most ${CUSTOM_FIELD_LIMITS.optionsMax} options`);
  }
  const seen = new Set<string>();
  return options.map((raw) => {
    const option = raw.trim();
    if (!option || overCodePoints(option, CUSTOM_FIELD_LIMITS.optionMax)) {
      throw invalidArgument('fields', `An option of ${name} is 1-${CUSTOM_FIELD_LIMITS.optionMax} characters`);
    }
    checkText(option, 'fields', `The option '${option}' of ${name}`, true);
    const folded = option.toLowerCase();
    if (seen.has(folded)) throw invalidArgument('fields', `${name} lists '${option}' twice`);
    seen.add(folded);
    return option;
  });
}

/**
 * Known ItemType names and ids of the project's live own types (`custom`),
 * each once: the built-in ones in the enum's order, then the project's own in
 * theirs.
 */
export function checkFieldItemTypes(types: readonly string[], name: string, custom: readonly NamedType[] = []): string[] {
  const seen = new Set<string>();
  for (const type of types) {
    const own = custom.find((c) => c.id === type);
    if (!ITEM_TYPE_NAMES.includes(type) && !own) {
      const known = [...ITEM_TYPE_NAMES, ...custom.map((c) => c.name)].join(', ');
      throw invalidArgument('fields', `${name} can apply to ${known}; '${type.length <= 20 ? type : type.slice(0, 20) + '…'}' is no item type of the project`);
    }
    if (seen.has(type)) throw invalidArgument('fields', `${name} names ${own?.name ?? type} twice`);
    seen.add(type);
  }
  return [...ITEM_TYPE_NAMES.filter((t) => seen.has(t)), ...custom.map((c) => c.id).filter((id) => seen.has(id))];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Checks a set_custom_fields against the fields as they are and says what it
 * does. Throws INVALID_ARGUMENT naming `fields`.
 */
export function planCustomFields(
  current: readonly CustomFieldDef[],
  specs: readonly CustomFieldSpecInput[],
  customTypes: readonly NamedType[] = [],
): CustomFieldPlan {
  if (specs.length > CUSTOM_FIELD_LIMITS.fieldsMax) {
    throw invalidArgument('fields', `A project has at most ${CUSTOM_FIELD_LIMITS.fieldsMax} custom fields`);
  }
  const byId = new Map(current.map((f) => [f.id, f]));
  const names = new Set<string>();
  const plan: CustomFieldPlan = { fields: [], added: [], changed: [], removed: [] };
  const kept = new Set<string>();

  specs.forEach((spec, position) => {
    const id = spec.id ?? '';
    const before = id ? byId.get(id) : undefined;
    if (id && !before) throw invalidArgument('fields', 'A field to keep must be one of the project\'s current custom fields');
    if (id && kept.has(id)) throw invalidArgument('fields', `${before!.name} is listed twice`);
    if (id) kept.add(id);
    const name = checkFieldName(spec.name ?? '');
    // Case-insensitive: "Severity" and "severity" would be two fields nobody can tell apart.
    const folded = name.toLowerCase();
    if (names.has(folded)) throw invalidArgument('fields', `Two custom fields are named ${name}`);
    names.add(folded);
    const kind = checkFieldKind(spec.kind, name);
    if (before && before.kind !== kind) {
      throw invalidArgument('fields', `${before.name} is ${KIND_WORDS[before.kind]} and stays so: add a new field instead`);
    }
    const field: CustomFieldDef = {
      id,
      name,
      kind,
      options: checkFieldOptions(spec.options ?? [], kind, name),
      itemTypes: checkFieldItemTypes(spec.itemTypes ?? [], name, customTypes),
      required: spec.required === true,
      position,
    };
    plan.fields.push(field);
    if (!before) {
      plan.added.push(field);
      return;
    }
    if (before.name !== field.name || !sameList(before.options, field.options) || !sameList(before.itemTypes, field.itemTypes) ||
        before.required !== field.required || before.position !== field.position) {
      const options = new Set(field.options);
      plan.changed.push({
        before,
        after: field,
        removedOptions: before.options.filter((o) => !options.has(o)),
        droppedTypes: [...ITEM_TYPE_NAMES, ...customTypes.map((c) => c.id)].filter((t) => appliesTo(before, t) && !appliesTo(field, t)),
      });
    }
  });
  plan.removed = current.filter((f) => !kept.has(f.id));
  return plan;
}

/** Whether the plan leaves the fields as they are. */
export function customFieldsChangeNothing(plan: CustomFieldPlan): boolean {
  return plan.added.length === 0 && plan.changed.length === 0 && plan.removed.length === 0;
}

/**
 * The type a field's item_types name an item by: its own type's id when it
 * has one (a Risk is no task to a field), else its ItemType name.
 */
export function fieldTypeKey(itemType: string, customTypeId?: string | null): string {
  return customTypeId || itemType;
}

/** Whether a field is offered on items of this type ("TASK", or a project's own type's id: fieldTypeKey). */
export function appliesTo(field: Pick<CustomFieldDef, 'itemTypes'>, itemType: string): boolean {
  return field.itemTypes.length === 0 || field.itemTypes.includes(itemType);
}

/** The required fields of the type that `has` says have no value, in field order. */
export function missingRequired(fields: readonly CustomFieldDef[], itemType: string, has: (fieldId: string) => boolean): CustomFieldDef[] {
  return fields.filter((f) => f.required && appliesTo(f, itemType) && !has(f.id));
}

/** One entry of an item write, as CustomFieldValue (read-only lists welcome). */
export interface CustomValueInput {
  fieldId?: string | null;
  text?: string | null;
  number?: number | null;
  date?: string | null;
  options?: readonly string[] | null;
  userId?: string | null;
}

/** Whether a value entry sets nothing: in a write, it clears the field. */
export function isEmptyValue(v: CustomValueInput): boolean {
  return !v.text && (v.number === null || v.number === undefined) && !v.date && (v.options?.length ?? 0) === 0 && !v.userId;
}

/** The members an entry fills, by name. */
function filledMembers(v: CustomValueInput): string[] {
  const out: string[] = [];
  if (v.text) out.push('text');
  if (v.number !== null && v.number !== undefined) out.push('number');
  if (v.date) out.push('date');
  if ((v.options?.length ?? 0) > 0) out.push('options');
  if (v.userId) out.push('user_id');
  return out;
}

const MEMBER_OF_KIND: Readonly<Record<CustomFieldKind, string>> = {
  [CustomFieldKind.CUSTOM_FIELD_KIND_UNSPECIFIED]: '',
  [CustomFieldKind.CUSTOM_FIELD_KIND_TEXT]: 'text',
  [CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER]: 'number',
  [CustomFieldKind.CUSTOM_FIELD_KIND_DATE]: 'date',
  [CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT]: 'options',
  [CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT]: 'options',
  [CustomFieldKind.CUSTOM_FIELD_KIND_PERSON]: 'user_id',
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Ids are bounded like every id the parser reads. */
const USER_ID_MAX = 128;

const oneOf = (field: CustomFieldDef) => field.options.join(', ');

/**
 * One entry of an item write, checked against its field: the value as stored
 * (only the member of the field's kind set), or null when the entry clears
 * it. Whether a clear is allowed (required) and whether a person exists are
 * the caller's to check. Throws INVALID_ARGUMENT naming `custom_fields`.
 */
export function checkCustomValue(field: CustomFieldDef, entry: CustomValueInput): ICustomFieldValue | null {
  const fail = (message: string) => invalidArgument('custom_fields', message);
  const member = MEMBER_OF_KIND[field.kind];
  const wrong = filledMembers(entry).filter((m) => m !== member);
  if (wrong.length > 0) {
    throw fail(`${field.name} is a ${KIND_WORDS[field.kind]} field: it takes no ${wrong.join(' or ')}`);
  }
  switch (field.kind) {
    case CustomFieldKind.CUSTOM_FIELD_KIND_TEXT: {
      const text = (entry.text ?? '').trim();
      if (!text) return null;
      if (overCodePoints(text, CUSTOM_FIELD_LIMITS.textMax)) throw fail(`${field.name} is at most ${CUSTOM_FIELD_LIMITS.textMax} characters`);
      return { fieldId: field.id, text: checkText(text, 'custom_fields', field.name) };
    }
    case CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER: {
      if (entry.number === null || entry.number === undefined) return null;
      if (!Number.isFinite(entry.number)) throw fail(`${field.name} must be a number`);
      // -0 would read as 0 everywhere but compare apart.
      return { fieldId: field.id, number: entry.number === 0 ? 0 : entry.number };
    }
    case CustomFieldKind.CUSTOM_FIELD_KIND_DATE: {
      const date = entry.date ?? '';
      if (!date) return null;
      if (!isRealDate(date)) throw fail(`${field.name} must be a date written YYYY-MM-DD`);
      return { fieldId: field.id, date };
    }
    case CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT: {
      const options = entry.options ?? [];
      if (options.length === 0) return null;
      if (options.length > 1 || !field.options.includes(options[0]!)) throw fail(`${field.name} must be one of ${oneOf(field)}`);
      return { fieldId: field.id, options: [options[0]!] };
    }
    case CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT: {
      const options = entry.options ?? [];
      if (options.length === 0) return null;
      const chosen = new Set<string>();
      for (const option of options) {
        if (!field.options.includes(option)) throw fail(`${field.name} takes only ${oneOf(field)}`);
        if (chosen.has(option)) throw fail(`${field.name} lists '${option}' twice`);
        chosen.add(option);
      }
      // In the field's order: the same choice reads (and compares) the same however it was sent.
      return { fieldId: field.id, options: field.options.filter((o) => chosen.has(o)) };
    }
    case CustomFieldKind.CUSTOM_FIELD_KIND_PERSON: {
      const userId = entry.userId ?? '';
      if (!userId) return null;
      if (userId.length > USER_ID_MAX) throw fail(`${field.name} must be a person of the workspace`);
      return { fieldId: field.id, userId };
    }
    default:
      throw fail(`${field.name} has an unknown kind`);
  }
}

/**
 * A value as history and exports show it: text, digits, a date, options
 * joined by ", ", a person by `personName`. Null for none.
 */
export function customValueText(
  field: Pick<CustomFieldDef, 'kind'>,
  value: ICustomFieldValue | null | undefined,
  personName: (userId: string) => string = (id) => id,
): string | null {
  if (!value || isEmptyValue(value)) return null;
  switch (field.kind) {
    case CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER: return String(value.number);
    case CustomFieldKind.CUSTOM_FIELD_KIND_DATE: return value.date ?? null;
    case CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT:
    case CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT: return (value.options ?? []).join(', ');
    case CustomFieldKind.CUSTOM_FIELD_KIND_PERSON: return personName(value.userId ?? '');
    default: return value.text ?? null;
  }
}

/** Whether two stored values are the same (both null: none). */
export function sameCustomValue(a: ICustomFieldValue | null | undefined, b: ICustomFieldValue | null | undefined): boolean {
  const key = (v: ICustomFieldValue | null | undefined) =>
    !v || isEmptyValue(v) ? '' : JSON.stringify([v.text ?? '', v.number ?? null, v.date ?? '', v.options ?? [], v.userId ?? '']);
  return key(a) === key(b);
}

/**
 * How a field's definition reads in the project's history, e.g.
 * "Severity (single select: Low, High; required; bugs)".
 */
export function fieldText(field: CustomFieldDef, customTypes: readonly NamedType[] = []): string {
  const notes = [
    KIND_WORDS[field.kind] + (field.options.length > 0 ? `: ${field.options.join(', ')}` : ''),
    ...(field.required ? ['required'] : []),
    ...(field.itemTypes.length > 0 ? [typesInWords(field.itemTypes, customTypes)] : []),
  ];
  return `${field.name} (${notes.join('; ')})`;
}
