// The Settings page's workflow editor as a draft: the project's statuses in
// board order as the person is changing them, the statuses they removed with
// where each one's items go, and the server's statuses the draft was made
// from. A change by someone else (another window's save, or the current
// workflow a CONFLICT brings) is rebased under the draft field by field, so
// what the person typed stays and what they left alone follows the server.
// The draft becomes one set_workflow. Also the words the board shares: a
// status category's name and a column's WIP limit. Pure: no Solid, no DOM.
import { checkStatusCategory, checkStatusName, checkWipLimit, isFinished, planWorkflow, type CurrentStatus } from '../../../../shared/domain/workflow.ts';
import { StatusCategory, type IWorkflowStatus } from '../../../../shared/proto.ts';
import type { Command } from '../../../../shared/protocol/commands.ts';
import { moveRow, replaceRow, restoreRow } from './draft-rows.ts';

/** The categories in the order the editor offers them, with their names. */
export const CATEGORIES: readonly { value: StatusCategory; label: string }[] = [
  { value: StatusCategory.STATUS_CATEGORY_BACKLOG, label: 'Backlog' },
  { value: StatusCategory.STATUS_CATEGORY_UNSTARTED, label: 'To do' },
  { value: StatusCategory.STATUS_CATEGORY_STARTED, label: 'In progress' },
  { value: StatusCategory.STATUS_CATEGORY_COMPLETED, label: 'Done' },
  { value: StatusCategory.STATUS_CATEGORY_CANCELED, label: 'Canceled' },
];

export function categoryName(category: StatusCategory | null | undefined): string {
  return CATEGORIES.find((c) => c.value === category)?.label ?? 'No category';
}

export interface DraftStatus {
  /** The row's own key: the status id, or a local one for a status not saved yet. */
  key: string;
  /** '' for a new status. */
  id: string;
  name: string;
  category: StatusCategory;
  /** 0 for no limit. */
  wipLimit: number;
}

export interface DraftRemoval {
  statusId: string;
  /** Its name when removed, to say what is going. */
  name: string;
  /** A status that stays and has an id; '' until the person picks one again (theirs went away). */
  moveTo: string;
}

export interface WorkflowDraft {
  statuses: readonly DraftStatus[];
  removals: readonly DraftRemoval[];
  /** The server's workflow the draft was made from or last rebased on, in board order. */
  base: readonly DraftStatus[];
}

type Editable = Pick<DraftStatus, 'name' | 'category' | 'wipLimit'>;
const FIELDS = ['name', 'category', 'wipLimit'] as const satisfies readonly (keyof Editable)[];

function rowOf(status: IWorkflowStatus): DraftStatus {
  const id = status.id ?? '';
  return {
    key: id,
    id,
    name: status.name ?? '',
    category: (status.category ?? StatusCategory.STATUS_CATEGORY_UNSPECIFIED) as StatusCategory,
    wipLimit: Number(status.wipLimit ?? 0),
  };
}

function inBoardOrder(statuses: readonly IWorkflowStatus[]): DraftStatus[] {
  return [...statuses].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map(rowOf);
}

/** The workflow as the server has it, nothing changed yet. */
export function draftOf(statuses: readonly IWorkflowStatus[]): WorkflowDraft {
  const base = inBoardOrder(statuses);
  return { statuses: base, removals: [], base };
}

const sameRow = (a: DraftStatus, b: DraftStatus) => a.id === b.id && FIELDS.every((f) => a[f] === b[f]);

/** Whether saving would change anything. */
export function isChanged(draft: WorkflowDraft): boolean {
  return draft.removals.length > 0 || draft.statuses.length !== draft.base.length || draft.statuses.some((s, i) => !sameRow(s, draft.base[i]!));
}

/**
 * A new status, named `name`: before the first finished column (Done,
 * Canceled) when it is not finished itself, so "Add" lands where new columns
 * usually go; otherwise last. `key` is a local key, unique in the draft.
 */
export function addStatus(draft: WorkflowDraft, key: string, name: string, category: StatusCategory): WorkflowDraft {
  const row: DraftStatus = { key, id: '', name: name.trim(), category, wipLimit: 0 };
  const list = [...draft.statuses];
  const firstFinished = isFinished(category) ? -1 : list.findIndex((s) => isFinished(s.category));
  list.splice(firstFinished === -1 ? list.length : firstFinished, 0, row);
  return { ...draft, statuses: list };
}

/** Renames, recategorises or limits one row; the same draft when nothing changes. */
export function updateStatus(draft: WorkflowDraft, key: string, fields: Partial<Editable>): WorkflowDraft {
  return withStatuses(draft, replaceRow(draft.statuses, key, (row) => ({ ...row, ...fields }), sameRow));
}

/** One place up (-1) or down (+1); the same draft at either end. */
export function moveStatus(draft: WorkflowDraft, key: string, by: -1 | 1): WorkflowDraft {
  return withStatuses(draft, moveRow(draft.statuses, key, by));
}

function withStatuses(draft: WorkflowDraft, statuses: readonly DraftStatus[]): WorkflowDraft {
  return statuses === draft.statuses ? draft : { ...draft, statuses };
}

/** The statuses a removed one's items may go to: those that stay and are saved already (the server knows their ids). */
export function destinations(draft: WorkflowDraft, exceptKey = ''): DraftStatus[] {
  return draft.statuses.filter((s) => s.id !== '' && s.key !== exceptKey);
}

/**
 * Takes a row out. A saved status needs `moveTo`, where its items go; any
 * earlier removal whose items were to go to it now goes there too. A new
 * status holds nothing and just goes.
 */
export function removeStatus(draft: WorkflowDraft, key: string, moveTo: string): WorkflowDraft {
  const row = draft.statuses.find((s) => s.key === key);
  if (!row) return draft;
  const statuses = draft.statuses.filter((s) => s.key !== key);
  if (!row.id) return { ...draft, statuses };
  const removals = draft.removals.map((r) => (r.moveTo === row.id ? { ...r, moveTo } : r));
  return { ...draft, statuses, removals: [...removals, { statusId: row.id, name: row.name, moveTo }] };
}

/** Changes where a removed status's items go. */
export function redirectRemoval(draft: WorkflowDraft, statusId: string, moveTo: string): WorkflowDraft {
  return { ...draft, removals: draft.removals.map((r) => (r.statusId === statusId ? { ...r, moveTo } : r)) };
}

/** Takes a removal back: the status returns as the server has it, at its place there (or last). */
export function keepStatus(draft: WorkflowDraft, statusId: string): WorkflowDraft {
  if (!draft.removals.some((r) => r.statusId === statusId)) return draft;
  const statuses = restoreRow(draft.statuses, draft.base, statusId);
  return { ...draft, statuses, removals: draft.removals.filter((r) => r.statusId !== statusId) };
}

/** Each field: the person's value when they changed it from `base`, otherwise the server's. */
function merged(mine: DraftStatus, base: DraftStatus | undefined, server: DraftStatus): DraftStatus {
  const out = { ...mine };
  for (const f of FIELDS) if (!base || mine[f] === base[f]) (out as Record<string, unknown>)[f] = server[f];
  return out;
}

/**
 * The draft over a newer server workflow (someone else saved; a CONFLICT's
 * current project). Fields the person changed keep their value, the rest take
 * the server's; a status someone else added joins the draft after the one it
 * follows there; one someone else removed leaves it (with any removal of it),
 * and a removal whose destination went asks again. When the person has not
 * reordered anything the server's order is taken, new rows staying after the
 * row they followed.
 */
export function rebaseDraft(draft: WorkflowDraft, server: readonly IWorkflowStatus[]): WorkflowDraft {
  const next = inBoardOrder(server);
  const serverById = new Map(next.map((s) => [s.id, s]));
  const baseById = new Map(draft.base.map((s) => [s.id, s]));
  const removed = new Set(draft.removals.map((r) => r.statusId));

  const savedIds = draft.statuses.filter((s) => s.id).map((s) => s.id);
  const baseOrder = draft.base.map((s) => s.id).filter((id) => savedIds.includes(id));
  const reordered = savedIds.some((id, i) => id !== baseOrder[i]);

  // Rows the server still has, merged; new local rows stay.
  const kept = draft.statuses.flatMap((row) => {
    if (!row.id) return [row];
    const theirs = serverById.get(row.id);
    return theirs ? [merged(row, baseById.get(row.id), theirs)] : [];
  });
  const known = new Set([...draft.base.map((s) => s.id), ...kept.map((s) => s.id)]);
  const added = next.filter((s) => !known.has(s.id) && !removed.has(s.id));

  let statuses: DraftStatus[];
  if (!reordered) {
    // The server's order; each local row after the saved row it followed in the draft.
    const anchorOf = new Map<string, string[]>();
    let anchor = '';
    for (const row of kept) {
      if (row.id) anchor = row.id;
      else anchorOf.set(anchor, [...(anchorOf.get(anchor) ?? []), row.key]);
    }
    const byKey = new Map(kept.map((r) => [r.key, r]));
    const locals = (id: string) => (anchorOf.get(id) ?? []).map((k) => byKey.get(k)!);
    statuses = [...locals('')];
    const placed = new Set<string>(['']);
    for (const s of next) {
      if (removed.has(s.id)) continue;
      statuses.push(byKey.get(s.id) ?? s);
      statuses.push(...locals(s.id));
      placed.add(s.id);
    }
    // Local rows whose anchor was removed (here or there) go last.
    for (const [id, keys] of anchorOf) if (!placed.has(id)) statuses.push(...keys.map((k) => byKey.get(k)!));
  } else {
    statuses = [...kept];
    for (const s of added) {
      const before = next.slice(0, next.indexOf(s)).reverse().find((p) => statuses.some((r) => r.id === p.id));
      statuses.splice(before ? statuses.findIndex((r) => r.id === before.id) + 1 : statuses.length, 0, s);
    }
  }

  const staying = new Set(statuses.map((s) => s.id).filter(Boolean));
  const removals = draft.removals
    .filter((r) => serverById.has(r.statusId))
    .map((r) => (r.moveTo && !staying.has(r.moveTo) ? { ...r, moveTo: '' } : r));
  return { statuses, removals, base: next };
}

/** A rule's words as a sentence. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function broken(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (e) {
    return sentence(e instanceof Error ? e.message : String(e));
  }
}

/**
 * What would stop the server taking the draft, in its own words (the rules
 * of shared/domain/workflow.ts, which set_workflow applies); empty when it
 * can be saved. Every row's problems at once, then the whole workflow's.
 */
export function draftProblems(draft: WorkflowDraft): string[] {
  const problems: (string | null)[] = [];
  const seen = new Set<string>();
  for (const s of draft.statuses) {
    const name = s.name.trim() || 'the new status';
    const nameProblem = broken(() => checkStatusName(s.name));
    problems.push(nameProblem);
    if (!nameProblem) {
      if (seen.has(name.toLowerCase())) problems.push(`Two statuses are named '${name}'.`);
      seen.add(name.toLowerCase());
    }
    problems.push(broken(() => checkStatusCategory(s.category, name)));
    problems.push(broken(() => checkWipLimit(s.wipLimit, name)));
  }
  for (const r of draft.removals) if (!r.moveTo) problems.push(`Say where the items of '${r.name}' go.`);
  const found = [...new Set(problems.filter((p): p is string => p !== null))];
  if (found.length > 0) return found;
  // The rules about the whole list (its length, a status for unfinished and for finished work).
  const current: CurrentStatus[] = draft.base.map((s, position) => ({ id: s.id, name: s.name, category: s.category, position, wipLimit: s.wipLimit }));
  const whole = broken(() => planWorkflow(current, specsOf(draft), removalsOf(draft)));
  return whole ? [whole] : [];
}

const specsOf = (draft: WorkflowDraft) => draft.statuses.map((s) => ({ id: s.id, name: s.name.trim(), category: s.category, wipLimit: s.wipLimit }));
const removalsOf = (draft: WorkflowDraft) => draft.removals.map((r) => ({ statusId: r.statusId, moveToStatusId: r.moveTo }));

/** The draft as the one set_workflow that saves it, against the project's version. */
export function setWorkflowCommand(draft: WorkflowDraft, projectId: string, expectedVersion: number): Command {
  return {
    setWorkflow: {
      projectId,
      expectedVersion,
      statuses: specsOf(draft),
      removals: removalsOf(draft),
    },
  };
}

export interface WipMark {
  over: boolean;
  /** "4 / 3": the count against the limit, for the column's header. */
  short: string;
  /** For screen readers: "4 cards, over the WIP limit of 3". */
  words: string;
}

/** A column's count against its WIP limit; null when it has none. */
export function wipMark(count: number, limit: number | null | undefined): WipMark | null {
  const max = Number(limit ?? 0);
  if (max <= 0) return null;
  const over = count > max;
  const cards = `${count} ${count === 1 ? 'card' : 'cards'}`;
  return { over, short: `${count} / ${max}`, words: over ? `${cards}, over the WIP limit of ${max}` : `${cards} of a WIP limit of ${max}` };
}
