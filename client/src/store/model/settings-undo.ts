// The Settings saves the undo history takes back (issue 15: "undoable where
// it loses nothing"): the workflow, the item types, the custom fields and
// pull mode, each held whole as it was before and after the person's save.
// The undo sets the list (or value) before again, the redo the one after,
// each as a new command against the project's version then, and only while
// the project still has what the step starts from: a change of that setting
// since (someone else's, or a later save of the person's not undone first) is
// refused here in words, and one racing the step is the server's CONFLICT, so
// nothing is overwritten. A save that removed something (a status whose items
// moved, a field whose values went, an option or item type a field stopped
// allowing) cannot be undone, nor can an undo that would now lose something
// (a status added then that holds items since, a field added then that holds
// values). Pure: no Solid, no DOM.
import { appliesTo, isEmptyValue } from '../../../../shared/domain/custom-fields.ts';
import type { IProject, IWorkflowStatus } from '../../../../shared/proto.ts';
import type { Command } from '../../../../shared/protocol/commands.ts';
import { draftOf as fieldsDraftOf, fieldsOf, setCustomFieldsCommand, type DraftField } from './custom-fields-draft.ts';
import type { Card } from './items.ts';
import { draftOf as typesDraftOf, itemTypesOf, setItemTypesCommand, type DraftType } from './item-types-draft.ts';
import { draftOf as workflowDraftOf, setWorkflowCommand, type DraftStatus } from './workflow-draft.ts';

export type Settings =
  | { kind: 'workflow'; rows: readonly DraftStatus[] }
  | { kind: 'itemTypes'; rows: readonly DraftType[] }
  | { kind: 'customFields'; rows: readonly DraftField[] }
  | { kind: 'pullMode'; on: boolean };

export type SettingsKind = Settings['kind'];

type Of<K extends SettingsKind> = Extract<Settings, { kind: K }>;

/** A save of the person's that can be undone. */
export interface SettingsChange {
  /** Its own id: the "Undo" of its toast names it. */
  id: string;
  /** "save the workflow of WEB": the words its undo and redo are said with. */
  action: string;
  before: Settings;
  after: Settings;
}

/** How a refusal names each setting. */
const NAMES: Readonly<Record<SettingsKind, string>> = {
  workflow: 'the workflow',
  itemTypes: 'the item types',
  customFields: 'the custom fields',
  pullMode: 'pull mode',
};

const READ: { [K in SettingsKind]: (project: IProject | null | undefined, statuses: readonly IWorkflowStatus[]) => Of<K> } = {
  workflow: (_, statuses) => ({ kind: 'workflow', rows: workflowDraftOf(statuses).base }),
  itemTypes: (project) => ({ kind: 'itemTypes', rows: typesDraftOf(itemTypesOf(project)).base }),
  customFields: (project) => ({ kind: 'customFields', rows: fieldsDraftOf(fieldsOf(project)).base }),
  pullMode: (project) => ({ kind: 'pullMode', on: Boolean(project?.pullMode) }),
};

/** The project's setting of `kind` as the server has it, in the rows its Settings editor shows (`statuses`: the board's, or a set_workflow Result's). */
export function settingsOf<K extends SettingsKind>(kind: K, project: IProject | null | undefined, statuses: readonly IWorkflowStatus[]): Of<K> {
  return READ[kind](project, statuses);
}

interface Row {
  key: string;
  id: string;
  name: string;
}

const rowsOf = (s: Settings): readonly Row[] => ('rows' in s ? s.rows : []);

/** What a row says, whatever its id: a status, type or field added again by a redo has a new one. */
const contentOf = (row: Row) => JSON.stringify(Object.entries(row).filter(([k]) => k !== 'key' && k !== 'id'));

/**
 * Whether `now` is `expected`: the same value, or the same rows in the same
 * order. Rows with an id in `stable` (those before the save, which no step
 * removes) must keep it; the others are known by what they say.
 */
function holds(now: Settings, expected: Settings, stable: ReadonlySet<string>): boolean {
  if (now.kind === 'pullMode' || expected.kind === 'pullMode') return now.kind === 'pullMode' && expected.kind === 'pullMode' && now.on === expected.on;
  const [a, b] = [rowsOf(now), rowsOf(expected)];
  return (
    a.length === b.length &&
    a.every((row, i) => {
      const want = b[i]!;
      return contentOf(row) === contentOf(want) && (stable.has(want.id) ? row.id === want.id : !stable.has(row.id));
    })
  );
}

/** A field that allows less than before: an option gone, or an item type it no longer applies to (the server drops such values of deleted items). */
function narrowed(before: DraftField, after: DraftField): boolean {
  if (before.options.some((o) => !after.options.includes(o))) return true;
  return before.itemTypes.length === 0 ? after.itemTypes.length > 0 : before.itemTypes.some((t) => !appliesTo(after, t));
}

/** Whether saving `after` over `before` lost something: a saved row left out, or a field narrowed. */
function lostSomething(before: Settings, after: Settings): boolean {
  const kept = new Set(rowsOf(after).map((r) => r.id));
  if (rowsOf(before).some((r) => !kept.has(r.id))) return true;
  if (before.kind !== 'customFields' || after.kind !== 'customFields') return false;
  return before.rows.some((field) => {
    const saved = after.rows.find((f) => f.id === field.id);
    return saved !== undefined && narrowed(field, saved);
  });
}

/** A save of `before` into `after` as the history holds it; null when it lost something, or changed nothing. */
export function settingsChange(id: string, action: string, before: Settings, after: Settings): SettingsChange | null {
  if (JSON.stringify(before) === JSON.stringify(after) || lostSomething(before, after)) return null;
  return { id, action, before, after };
}

/** What the board knows now that a step is decided against. */
export interface SettingsNow {
  project: IProject | null;
  statuses: readonly IWorkflowStatus[];
  /** The board's items as the server has them. */
  items: ReadonlyMap<string, Card>;
  /** Only the board's first screen is held yet: what a status or field holds cannot be told. */
  partial: boolean;
}

/** A step's command, or why it is not sent. */
export type SettingsStep = { command: Command } | { refusal: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Why removing these rows now would lose something (a status's items would move, a field's values go); null when nothing. */
function loses(kind: SettingsKind, gone: readonly Row[], items: ReadonlyMap<string, Card>): string | null {
  const cards = [...items.values()];
  for (const row of gone) {
    if (kind === 'workflow') {
      const n = cards.filter((c) => c.statusId === row.id).length;
      if (n > 0) return `${row.name} holds ${plural(n, 'item')} now`;
    }
    if (kind === 'customFields') {
      const n = cards.filter((c) => (c.customFields ?? []).some((v) => v.fieldId === row.id && !isEmptyValue(v))).length;
      if (n > 0) return `${plural(n, 'item')} ${n === 1 ? 'has' : 'have'} a value of ${row.name} now`;
    }
  }
  return null;
}

/**
 * The write that takes the undo (or the redo) of `change` from the project
 * as it is now, at its version now; or why it cannot. Rows the step brings
 * back that the project no longer has (a redo of what the undo removed) are
 * sent as new ones; rows it leaves out are removed, a status's items going to
 * the first status that stays (it holds none, or it is refused).
 */
export function settingsStepWrite(as: 'undo' | 'redo', change: SettingsChange, now: SettingsNow): SettingsStep {
  const [from, to] = as === 'undo' ? [change.after, change.before] : [change.before, change.after];
  const current = settingsOf(to.kind, now.project, now.statuses);
  if (!holds(current, from, new Set(rowsOf(change.before).map((r) => r.id)))) return { refusal: `${NAMES[to.kind]} changed since` };
  const projectId = now.project?.id ?? '';
  const expectedVersion = Number(now.project?.version ?? 0);
  if (to.kind === 'pullMode') return { command: { updateProject: { projectId, expectedVersion, pullMode: to.on } } };

  const live = new Set(rowsOf(current).map((r) => r.id));
  const wanted = new Set(to.rows.map((r) => r.id));
  const gone = rowsOf(current).filter((r) => !wanted.has(r.id));
  if (gone.length > 0 && now.partial) return { refusal: 'the board is still loading: try again in a moment' };
  const refusal = loses(to.kind, gone, now.items);
  if (refusal) return { refusal };
  const again = <R extends Row>(rows: readonly R[]) => rows.map((r) => (live.has(r.id) ? r : { ...r, key: '', id: '' }));
  const { project, statuses } = now;
  switch (to.kind) {
    case 'workflow': {
      const rows = again(to.rows);
      const moveTo = rows.find((r) => r.id)?.id ?? '';
      const removals = gone.map((r) => ({ statusId: r.id, name: r.name, moveTo }));
      return { command: setWorkflowCommand({ statuses: rows, removals, base: settingsOf(to.kind, project, statuses).rows }, projectId, expectedVersion) };
    }
    case 'itemTypes':
      return { command: setItemTypesCommand({ types: again(to.rows), base: settingsOf(to.kind, project, statuses).rows }, projectId, expectedVersion) };
    case 'customFields':
      return { command: setCustomFieldsCommand({ fields: again(to.rows), base: settingsOf(to.kind, project, statuses).rows }, projectId, expectedVersion) };
  }
}
