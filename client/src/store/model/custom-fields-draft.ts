// The project's custom fields as the client reads them, and the Settings
// page's editor of them as a draft: the fields in order as the person is
// changing them (added, renamed, options typed one per line, item types,
// required, reordered, removed), beside the server's fields the draft was made
// from. Someone else's save (seen live, or the current project a CONFLICT
// brings) is rebased under the draft field by field, so what the person typed
// stays. The draft is checked by the server's own rules
// (shared/domain/custom-fields.ts) and becomes one set_custom_fields.
// Pure: no Solid, no DOM.
import {
  checkFieldItemTypes,
  checkFieldKind,
  checkFieldName,
  checkFieldOptions,
  ITEM_TYPE_NAMES,
  KIND_WORDS,
  planCustomFields,
  type CustomFieldDef,
} from '../../../../shared/domain/custom-fields.ts';
import { CustomFieldKind, ItemType, type ICustomField, type IProject } from '../../../../shared/proto.ts';
import type { Command } from '../../../../shared/protocol/commands.ts';
import { dropRow, missingRows, moveRow, replaceRow, restoreRow } from './draft-rows.ts';

/** The kinds in the order the editor offers them, with their names. */
export const KINDS: readonly { value: CustomFieldKind; label: string }[] = [
  CustomFieldKind.CUSTOM_FIELD_KIND_TEXT,
  CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER,
  CustomFieldKind.CUSTOM_FIELD_KIND_DATE,
  CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT,
  CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT,
  CustomFieldKind.CUSTOM_FIELD_KIND_PERSON,
].map((value) => ({ value, label: kindName(value) }));

/** "Single select": a kind as a heading or a picker says it. */
export function kindName(kind: CustomFieldKind | null | undefined): string {
  const words = KIND_WORDS[(kind ?? 0) as CustomFieldKind] ?? 'unknown';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const isSelectKind = (kind: CustomFieldKind) =>
  kind === CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT || kind === CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT;

/** An ItemType as a field names it: ITEM_TYPE_BUG -> "BUG". */
export const typeNameOf = (type: ItemType | number | null | undefined): string =>
  (ItemType[(type ?? 0) as ItemType] ?? '').replace(/^ITEM_TYPE_/, '');

/** A wire field as the shared rules read it: every member set. */
export function defOf(field: ICustomField): CustomFieldDef {
  return {
    id: field.id ?? '',
    name: field.name ?? '',
    kind: (field.kind ?? CustomFieldKind.CUSTOM_FIELD_KIND_UNSPECIFIED) as CustomFieldKind,
    options: [...(field.options ?? [])],
    itemTypes: [...(field.itemTypes ?? [])],
    required: Boolean(field.required),
    position: Number(field.position ?? 0),
  };
}

/** The project's custom fields in the order the panel shows them. */
export function fieldsOf(project: IProject | null | undefined): CustomFieldDef[] {
  return (project?.customFields ?? []).map(defOf).sort((a, b) => a.position - b.position);
}

export interface DraftField {
  /** The row's own key: the field id, or a local one for a field not saved yet. */
  key: string;
  /** '' for a new field. */
  id: string;
  name: string;
  kind: CustomFieldKind;
  /** As typed, one per line (blank lines and spaces are dropped when sent). */
  options: string[];
  /** ItemType names; empty for every type. */
  itemTypes: string[];
  required: boolean;
}

export interface CustomFieldsDraft {
  fields: readonly DraftField[];
  /** The server's fields the draft was made from or last rebased on, in order. */
  base: readonly DraftField[];
}

type Editable = Pick<DraftField, 'name' | 'kind' | 'options' | 'itemTypes' | 'required'>;
const FIELDS = ['name', 'kind', 'options', 'itemTypes', 'required'] as const satisfies readonly (keyof Editable)[];

const rowOf = (field: CustomFieldDef): DraftField => ({
  key: field.id,
  id: field.id,
  name: field.name,
  kind: field.kind,
  options: [...field.options],
  itemTypes: [...field.itemTypes],
  required: field.required,
});

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameValue = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? sameList(a, b) : a === b);
const sameRow = (a: DraftField, b: DraftField) => a.id === b.id && FIELDS.every((f) => sameValue(a[f], b[f]));

/** The fields as the server has them, nothing changed yet. */
export function draftOf(fields: readonly CustomFieldDef[]): CustomFieldsDraft {
  const base = fields.map(rowOf);
  return { fields: base, base };
}

/** Whether saving would change anything. */
export function isChanged(draft: CustomFieldsDraft): boolean {
  return draft.fields.length !== draft.base.length || draft.fields.some((f, i) => !sameRow(f, draft.base[i]!));
}

/** A new field at the end; a select starts with no options, the editor asks for them. `key` is local, unique in the draft. */
export function addField(draft: CustomFieldsDraft, key: string, name: string, kind: CustomFieldKind): CustomFieldsDraft {
  const row: DraftField = { key, id: '', name: name.trim(), kind, options: [], itemTypes: [], required: false };
  return { ...draft, fields: [...draft.fields, row] };
}

/**
 * Changes one row; the same draft when nothing changes. A saved field's kind
 * stays (the server refuses a change of it); a field that stops being a
 * select loses its options.
 */
export function updateField(draft: CustomFieldsDraft, key: string, fields: Partial<Editable>): CustomFieldsDraft {
  const edit = (row: DraftField): DraftField => {
    const next = { ...row, ...fields };
    if (row.id) next.kind = row.kind;
    if (!isSelectKind(next.kind)) next.options = [];
    return next;
  };
  return withFields(draft, replaceRow(draft.fields, key, edit, sameRow));
}

/** Adds or takes out one item type of a row's (none ticked: every type). */
export function toggleItemType(draft: CustomFieldsDraft, key: string, type: string): CustomFieldsDraft {
  const row = draft.fields.find((f) => f.key === key);
  if (!row) return draft;
  const has = row.itemTypes.includes(type);
  const chosen = has ? row.itemTypes.filter((t) => t !== type) : [...row.itemTypes, type];
  return updateField(draft, key, { itemTypes: ITEM_TYPE_NAMES.filter((t) => chosen.includes(t)) });
}

/** One place up (-1) or down (+1); the same draft at either end. */
export function moveField(draft: CustomFieldsDraft, key: string, by: -1 | 1): CustomFieldsDraft {
  return withFields(draft, moveRow(draft.fields, key, by));
}

/** Takes a row out; a saved field is listed as removed until the save (or Keep). */
export function removeField(draft: CustomFieldsDraft, key: string): CustomFieldsDraft {
  return withFields(draft, dropRow(draft.fields, key));
}

/** Saved fields the draft leaves out: removed with their values when it is saved. */
export function removedFields(draft: CustomFieldsDraft): DraftField[] {
  return missingRows(draft.fields, draft.base);
}

/** Takes a removal back: the field returns as the server has it, after the nearest field that came before it there. */
export function keepField(draft: CustomFieldsDraft, id: string): CustomFieldsDraft {
  return withFields(draft, restoreRow(draft.fields, draft.base, id));
}

function withFields(draft: CustomFieldsDraft, fields: readonly DraftField[]): CustomFieldsDraft {
  return fields === draft.fields ? draft : { ...draft, fields };
}

/** Each field: the person's value when they changed it from `base`, otherwise the server's. */
function merged(mine: DraftField, base: DraftField | undefined, server: DraftField): DraftField {
  const out = { ...mine };
  for (const f of FIELDS) if (!base || sameValue(mine[f], base[f])) (out as Record<string, unknown>)[f] = server[f];
  return out;
}

/**
 * The draft over a newer server list (someone else saved; a CONFLICT's
 * current project). What the person changed keeps its value, the rest takes
 * the server's; a field someone else removed leaves the draft, one they
 * added joins it after the field it follows there. Without a reorder of the
 * person's, the server's order is taken, new rows of theirs staying last.
 */
export function rebaseDraft(draft: CustomFieldsDraft, server: readonly CustomFieldDef[]): CustomFieldsDraft {
  const next = server.map(rowOf);
  const serverById = new Map(next.map((f) => [f.id, f]));
  const baseById = new Map(draft.base.map((f) => [f.id, f]));
  const removedHere = new Set(removedFields(draft).map((f) => f.id));

  const savedIds = draft.fields.filter((f) => f.id).map((f) => f.id);
  const baseOrder = draft.base.map((f) => f.id).filter((id) => savedIds.includes(id));
  const reordered = savedIds.some((id, i) => id !== baseOrder[i]);

  const kept = draft.fields.flatMap((row) => {
    if (!row.id) return [row];
    const theirs = serverById.get(row.id);
    return theirs ? [merged(row, baseById.get(row.id), theirs)] : [];
  });
  const keptById = new Map(kept.filter((f) => f.id).map((f) => [f.id, f]));
  const locals = kept.filter((f) => !f.id);
  const known = new Set(draft.base.map((f) => f.id));

  let fields: DraftField[];
  if (!reordered) {
    fields = [...next.filter((f) => !removedHere.has(f.id)).map((f) => keptById.get(f.id) ?? f), ...locals];
  } else {
    fields = [...kept];
    for (const f of next) {
      if (known.has(f.id) || keptById.has(f.id)) continue;
      const before = next.slice(0, next.indexOf(f)).reverse().find((p) => fields.some((r) => r.id === p.id));
      fields.splice(before ? fields.findIndex((r) => r.id === before.id) + 1 : fields.filter((r) => r.id).length, 0, f);
    }
  }
  return { fields, base: next };
}

/** A row's options as sent: trimmed, blank lines left out. */
const optionsOf = (row: DraftField) => row.options.map((o) => o.trim()).filter(Boolean);

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function broken(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (e) {
    return sentence(e instanceof Error ? e.message : String(e));
  }
}

const specsOf = (draft: CustomFieldsDraft) =>
  draft.fields.map((f) => ({ id: f.id, name: f.name.trim(), kind: f.kind, options: optionsOf(f), itemTypes: f.itemTypes, required: f.required }));

/**
 * What would stop the server taking the draft, in its own words (the rules
 * set_custom_fields applies); empty when it can be saved. Every row's
 * problems at once, then the whole list's. Whether items still hold an option
 * taken away only the server knows: that refusal comes back from it.
 */
export function draftProblems(draft: CustomFieldsDraft): string[] {
  const problems: (string | null)[] = [];
  const seen = new Set<string>();
  for (const f of draft.fields) {
    const name = f.name.trim() || 'the new field';
    const nameProblem = broken(() => checkFieldName(f.name));
    problems.push(nameProblem);
    if (!nameProblem) {
      if (seen.has(name.toLowerCase())) problems.push(`Two custom fields are named ${name}.`);
      seen.add(name.toLowerCase());
    }
    const kindProblem = broken(() => checkFieldKind(f.kind, name));
    problems.push(kindProblem);
    if (!kindProblem) problems.push(broken(() => checkFieldOptions(optionsOf(f), f.kind, name)));
    problems.push(broken(() => checkFieldItemTypes(f.itemTypes, name)));
  }
  const found = [...new Set(problems.filter((p): p is string => p !== null))];
  if (found.length > 0) return found;
  const current: CustomFieldDef[] = draft.base.map((f, position) => ({ ...f, options: [...f.options], itemTypes: [...f.itemTypes], position }));
  const whole = broken(() => planCustomFields(current, specsOf(draft)));
  return whole ? [whole] : [];
}

/** The draft as the one set_custom_fields that saves it, against the project's version. */
export function setCustomFieldsCommand(draft: CustomFieldsDraft, projectId: string, expectedVersion: number): Command {
  return { setCustomFields: { projectId, expectedVersion, fields: specsOf(draft) } };
}

/** How a row's item types read: "All item types", or "Bugs and tasks". */
export function typesLabel(itemTypes: readonly string[]): string {
  if (itemTypes.length === 0) return 'All item types';
  const words: Record<string, string> = { EPIC: 'Epics', STORY: 'Stories', TASK: 'Tasks', BUG: 'Bugs', SUBTASK: 'Sub-tasks' };
  const list = itemTypes.map((t, i) => (i === 0 ? (words[t] ?? t) : (words[t] ?? t).toLowerCase()));
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}
