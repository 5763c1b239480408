// Custom fields (docs/PROTOCOL.md §6, v17): a project's definitions, its items'
// values, and the per-project view that shows the values as columns to SQL
// readers (people and LLM tools who open the file).
import { randomUUID } from 'node:crypto';
import { KIND_WORDS, fieldTypeKey, typesInWords, type CustomFieldDef, type NamedType } from '../../../shared/domain/custom-fields.ts';
import { SCORE_COLUMN, scoreFields } from '../../../shared/domain/raid-log.ts';
import type { Database } from 'better-sqlite3';
import { CustomFieldKind, type ICustomField, type ICustomFieldValue } from '../../../shared/proto.ts';
import { customFieldKinds } from './enums.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { CustomFieldRow, FieldValueRow } from './tables.ts';

/** The per-project views of custom field values are named this and the project's key, lower case. */
export const CUSTOM_VALUES_VIEW_PREFIX = 'pm_custom_values_';

const liveFields = prepared((projectId: string) =>
  q.selectFrom('pm_custom_fields').selectAll().where('project_id', '=', projectId).where('removed_at_ms', 'is', null).orderBy('position').orderBy('id'));

const fieldById = prepared((id: string) => q.selectFrom('pm_custom_fields').selectAll().where('id', '=', id));

const setField = prepared((id: string, name: string, optionsJson: string, itemTypesJson: string, required: number, position: number) =>
  q.updateTable('pm_custom_fields')
    .set({ name, options_json: optionsJson, item_types_json: itemTypesJson, required, position })
    .where('id', '=', id));

const markRemoved = prepared((id: string, now: number) =>
  q.updateTable('pm_custom_fields').set({ removed_at_ms: now }).where('id', '=', id));

const deleteValuesOf = prepared((fieldId: string) => q.deleteFrom('pm_work_item_field_values').where('field_id', '=', fieldId));

const VALUE_COLUMNS = ['v.work_item_id', 'v.field_id', 'v.value_text', 'v.value_number', 'v.value_json', 'f.kind'] as const;

// Only live fields: a removed field's values are deleted with it, and the join keeps a stray one from showing.
const valuesOfItemQuery = prepared((workItemId: string) =>
  q.selectFrom('pm_work_item_field_values as v')
    .innerJoin('pm_custom_fields as f', 'f.id', 'v.field_id')
    .select(VALUE_COLUMNS)
    .where('v.work_item_id', '=', workItemId)
    .where('f.removed_at_ms', 'is', null)
    .orderBy('f.position'));

const valuesOfProjectQuery = prepared((projectId: string) =>
  q.selectFrom('pm_custom_fields as f')
    .innerJoin('pm_work_item_field_values as v', 'v.field_id', 'f.id')
    .select(VALUE_COLUMNS)
    .where('f.project_id', '=', projectId)
    .where('f.removed_at_ms', 'is', null)
    .orderBy('f.position'));

const heldValues = prepared((fieldId: string) =>
  q.selectFrom('pm_work_item_field_values as v')
    .innerJoin('pm_work_items as w', 'w.id', 'v.work_item_id')
    .innerJoin('pm_custom_fields as f', 'f.id', 'v.field_id')
    .select([...VALUE_COLUMNS, 'w.item_type', 'w.custom_type_id', 'w.deleted_at_ms'])
    .where('v.field_id', '=', fieldId));

const upsertValue = prepared((workItemId: string, fieldId: string, text: string | null, num: number | null, json: string | null) =>
  q.insertInto('pm_work_item_field_values')
    .values({ work_item_id: workItemId, field_id: fieldId, value_text: text, value_number: num, value_json: json })
    .onConflict((oc) => oc.columns(['work_item_id', 'field_id']).doUpdateSet({ value_text: text, value_number: num, value_json: json })));

const deleteValue = prepared((workItemId: string, fieldId: string) =>
  q.deleteFrom('pm_work_item_field_values').where('work_item_id', '=', workItemId).where('field_id', '=', fieldId));

export function fieldDef(row: CustomFieldRow): CustomFieldDef {
  return {
    id: row.id,
    name: row.name,
    kind: customFieldKinds.fromName(row.kind),
    options: JSON.parse(row.options_json) as string[],
    itemTypes: JSON.parse(row.item_types_json) as string[],
    required: row.required === 1,
    position: row.position,
  };
}

export function toCustomField(def: CustomFieldDef): ICustomField {
  return { id: def.id, name: def.name, kind: def.kind, options: [...def.options], itemTypes: [...def.itemTypes], required: def.required, position: def.position };
}

/** The project's live fields, in order. */
export function liveFieldsOf(db: SqlRunner, projectId: string): CustomFieldDef[] {
  return db.all(liveFields(projectId)).map(fieldDef);
}

/** Any field by id, a removed one too (history still names it). */
export function findField(db: SqlRunner, id: string): CustomFieldRow | undefined {
  return db.get(fieldById(id));
}

export function insertField(db: SqlRunner, projectId: string, def: CustomFieldDef): CustomFieldDef {
  const field = { ...def, id: randomUUID() };
  db.run(q.insertInto('pm_custom_fields').values({
    id: field.id,
    project_id: projectId,
    name: field.name,
    kind: customFieldKinds.toName(field.kind),
    options_json: JSON.stringify(field.options),
    item_types_json: JSON.stringify(field.itemTypes),
    required: field.required ? 1 : 0,
    position: field.position,
    removed_at_ms: null,
  }));
  return field;
}

/** Writes a kept field's name, options, item types, required and position (its kind never changes). */
export function updateField(db: SqlRunner, def: CustomFieldDef): void {
  db.run(setField(def.id, def.name, JSON.stringify(def.options), JSON.stringify(def.itemTypes), def.required ? 1 : 0, def.position));
}

/** Marks the field removed and takes its values off every item (deleted ones too). */
export function removeField(db: SqlRunner, id: string, now: number): void {
  db.run(markRemoved(id, now));
  db.run(deleteValuesOf(id));
}

type ValueRow = Pick<FieldValueRow, 'work_item_id' | 'field_id' | 'value_text' | 'value_number' | 'value_json'> & { kind: CustomFieldRow['kind'] };

/** A stored value as the wire has it: only the member of its kind set. */
function toValue(row: ValueRow): ICustomFieldValue {
  const fieldId = row.field_id;
  switch (row.kind) {
    case 'NUMBER': return { fieldId, number: row.value_number ?? 0 };
    case 'DATE': return { fieldId, date: row.value_text ?? '' };
    case 'SINGLE_SELECT': return { fieldId, options: row.value_text === null ? [] : [row.value_text] };
    case 'MULTI_SELECT': return { fieldId, options: JSON.parse(row.value_json ?? '[]') as string[] };
    case 'PERSON': return { fieldId, userId: row.value_text ?? '' };
    default: return { fieldId, text: row.value_text ?? '' };
  }
}

/** The columns a checked value is stored in (schema-v14-custom-fields.ts). */
function columnsOf(kind: CustomFieldKind, value: ICustomFieldValue): { text: string | null; num: number | null; json: string | null } {
  switch (kind) {
    case CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER: return { text: null, num: value.number ?? 0, json: null };
    case CustomFieldKind.CUSTOM_FIELD_KIND_DATE: return { text: value.date ?? '', num: null, json: null };
    case CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT: return { text: value.options?.[0] ?? '', num: null, json: null };
    case CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT:
      return { text: (value.options ?? []).join(', '), num: null, json: JSON.stringify(value.options ?? []) };
    case CustomFieldKind.CUSTOM_FIELD_KIND_PERSON: return { text: value.userId ?? '', num: null, json: null };
    default: return { text: value.text ?? '', num: null, json: null };
  }
}

/** The item's values of the project's live fields, in field order. */
export function customValuesOfItem(db: SqlRunner, workItemId: string): ICustomFieldValue[] {
  return db.all(valuesOfItemQuery(workItemId)).map(toValue);
}

/** Every item's values of the project's live fields (deleted items' too), in one query, each item's in field order. */
export function customValuesByItem(db: SqlRunner, projectId: string): Map<string, ICustomFieldValue[]> {
  const out = new Map<string, ICustomFieldValue[]>();
  for (const row of db.all(valuesOfProjectQuery(projectId))) {
    const list = out.get(row.work_item_id);
    if (list) list.push(toValue(row));
    else out.set(row.work_item_id, [toValue(row)]);
  }
  return out;
}

export interface HeldValue {
  workItemId: string;
  /** The type a field names the item by (fieldTypeKey): its own type's id, else its ItemType name. */
  itemType: string;
  deleted: boolean;
  value: ICustomFieldValue;
}

/** Every value of one field, with its item's type and whether it is deleted. */
export function valuesOfField(db: SqlRunner, fieldId: string): HeldValue[] {
  return db.all(heldValues(fieldId)).map((row) => ({
    workItemId: row.work_item_id, itemType: fieldTypeKey(row.item_type, row.custom_type_id), deleted: row.deleted_at_ms !== null, value: toValue(row),
  }));
}

/** Sets (or, with null, clears) one item's value of one field; the value is one checkCustomValue made. */
export function writeCustomValue(db: SqlRunner, workItemId: string, field: CustomFieldDef, value: ICustomFieldValue | null): void {
  if (value === null) {
    db.run(deleteValue(workItemId, field.id));
    return;
  }
  const { text, num, json } = columnsOf(field.kind, value);
  db.run(upsertValue(workItemId, field.id, text, num, json));
}

const liveTypeNames = (db: SqlRunner, projectId: string): NamedType[] =>
  db.all(q.selectFrom('pm_item_types').select(['id', 'name']).where('project_id', '=', projectId).where('removed_at_ms', 'is', null));

// The per-project view. Names are made here, never taken from a person as
// SQL: the view's name from the project key (letters only), its columns'
// from field names as quoted identifiers, and ids as quoted literals.

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The view of a project's values, by its key. */
export function customValuesViewName(projectKey: string): string {
  return CUSTOM_VALUES_VIEW_PREFIX + projectKey.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

const ITEM_TYPE_DOC = "EPIC, STORY, TASK, BUG or SUBTASK, or the name of the project's own type (e.g. Risk; pm_item_types)";

const FIXED_COLUMNS: Record<string, string> = {
  id: 'pm_work_items.id',
  key: 'Work item key, e.g. WEB-12',
  title: 'Title',
  item_type: ITEM_TYPE_DOC,
  is_deleted: '1 when deleted, else 0',
};

/** The view's item_type: the project's own type by name (v18), else the built-in type's stored name. */
const ITEM_TYPE_COLUMN = 'COALESCE((SELECT t.name FROM pm_item_types t WHERE t.id = w.custom_type_id), w.item_type) AS item_type';
const FORMER_ITEM_TYPE_COLUMN = 'SELECT w.id, w.key, w.title, w.item_type,';

/**
 * Migration 15: views made before it showed a Risk as TASK. Each is made
 * again with the own type's name, from its own text (which this file wrote).
 */
export function showOwnTypesInValueViews(db: Database): void {
  const views = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'view' AND substr(name, 1, ?) = ?")
    .all(CUSTOM_VALUES_VIEW_PREFIX.length, CUSTOM_VALUES_VIEW_PREFIX) as { name: string; sql: string }[];
  for (const view of views) {
    if (!view.sql.includes(FORMER_ITEM_TYPE_COLUMN)) continue;
    db.exec(`DROP VIEW ${ident(view.name)}`);
    db.exec(view.sql.replace(FORMER_ITEM_TYPE_COLUMN, `SELECT w.id, w.key, w.title, ${ITEM_TYPE_COLUMN},`));
    db.prepare("UPDATE pm_schema_docs SET description = ? WHERE table_name = ? AND column_name = 'item_type'").run(ITEM_TYPE_DOC, view.name);
  }
}

/** Each field's column name: its own name, unless that would clash with another column (SQLite ignores ASCII case). */
function columnNames(fields: readonly CustomFieldDef[]): string[] {
  const taken = new Set(Object.keys(FIXED_COLUMNS));
  return fields.map((f) => {
    // Whitespace other than a plain space would make the name hard to type in a query.
    const base = f.name.replace(/\s+/g, ' ');
    let name = base;
    for (let n = 1; taken.has(name.toLowerCase()); n++) name = `${base} (field${n === 1 ? '' : ` ${n}`})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function valueExpression(field: CustomFieldDef): string {
  const where = `v.work_item_id = w.id AND v.field_id = ${literal(field.id)}`;
  switch (field.kind) {
    case CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER:
      return `(SELECT v.value_number FROM pm_work_item_field_values v WHERE ${where})`;
    case CustomFieldKind.CUSTOM_FIELD_KIND_PERSON:
      return `(SELECT u.display_name FROM pm_work_item_field_values v JOIN pm_users u ON u.id = v.value_text WHERE ${where})`;
    default:
      return `(SELECT v.value_text FROM pm_work_item_field_values v WHERE ${where})`;
  }
}

function columnDoc(field: CustomFieldDef, customTypes: readonly NamedType[]): string {
  const what: Record<CustomFieldKind, string> = {
    [CustomFieldKind.CUSTOM_FIELD_KIND_UNSPECIFIED]: '',
    [CustomFieldKind.CUSTOM_FIELD_KIND_TEXT]: 'text',
    [CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER]: 'a number',
    [CustomFieldKind.CUSTOM_FIELD_KIND_DATE]: 'a date, YYYY-MM-DD',
    [CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT]: `one of ${field.options.join(', ')}`,
    [CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT]: `some of ${field.options.join(', ')}, joined by ", "`,
    [CustomFieldKind.CUSTOM_FIELD_KIND_PERSON]: "a person's display name",
  };
  const applies = field.itemTypes.length > 0 ? `; only ${typesInWords(field.itemTypes, customTypes)} have it` : '';
  return `Custom field ${field.name} (${KIND_WORDS[field.kind]}${field.required ? ', required' : ''}): ${what[field.kind]}${applies}; NULL when not set`;
}

/**
 * Makes the project's view again for its live fields, under its key (after a
 * key change, `formerKey` names the view to drop), and describes it in
 * pm_schema_docs. A project without fields has no view. DDL inside the write
 * transaction: SQLite rolls it back with the rest.
 */
export function rebuildCustomValuesView(
  db: SqlRunner,
  project: { id: string; key: string },
  fields: readonly CustomFieldDef[],
  formerKey: string | null = null,
  customTypes: readonly NamedType[] = liveTypeNames(db, project.id),
): void {
  const view = customValuesViewName(project.key);
  const dropDocs = db.sqlite.prepare('DELETE FROM pm_schema_docs WHERE table_name = ?');
  for (const name of new Set([view, ...(formerKey === null ? [] : [customValuesViewName(formerKey)])])) {
    db.sqlite.exec(`DROP VIEW IF EXISTS ${ident(name)}`);
    dropDocs.run(name);
  }
  if (fields.length === 0) return;
  const names = columnNames(fields);
  const columns = fields.map((f, i) => `${valueExpression(f)} AS ${ident(names[i]!)}`);
  // A RAID log's score (shared/domain/raid-log.ts): probability × impact,
  // computed here so a reader can sort by it; left out if a field took the name.
  const score = scoreFields(fields);
  const withScore = score !== null && !names.some((n) => n.toLowerCase() === SCORE_COLUMN.toLowerCase());
  if (withScore) {
    const scale = (f: CustomFieldDef) => `CAST(${valueExpression(f)} AS INTEGER)`;
    columns.push(`${scale(score.probability)} * ${scale(score.impact)} AS ${ident(SCORE_COLUMN)}`);
  }
  db.sqlite.exec(`CREATE VIEW ${ident(view)} AS
SELECT w.id, w.key, w.title, ${ITEM_TYPE_COLUMN}, CASE WHEN w.deleted_at_ms IS NULL THEN 0 ELSE 1 END AS is_deleted,
       ${columns.join(',\n       ')}
FROM pm_work_items w
WHERE w.project_id = ${literal(project.id)}`);
  const insert = db.sqlite.prepare('INSERT INTO pm_schema_docs (table_name, column_name, description) VALUES (?, ?, ?)');
  insert.run(view, '', `View: the custom field values of project ${project.key}'s items, one column per field, named as the field is (quote it: "Story area"). Made again whenever the fields or the key change.`);
  for (const [column, text] of Object.entries(FIXED_COLUMNS)) insert.run(view, column, text);
  fields.forEach((f, i) => insert.run(view, names[i]!, columnDoc(f, customTypes)));
  if (withScore) {
    insert.run(view, SCORE_COLUMN, `Computed, not stored: ${score.probability.name} × ${score.impact.name} (each 1-5), 1-25; NULL when either is not set`);
  }
}
