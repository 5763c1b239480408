// What a Jira CSV asks for, in Tandem's terms: one planned item per row, in
// an order that creates every parent before its children, with every row that
// cannot be mapped (a problem: nothing is imported while there is one) and
// every row imported other than as written (a note). Pure: the project's
// columns, sprints and people come in as lookups. The rules a create checks
// itself (title length, hierarchy, label limits) are left to it.
import type { RowIssue } from '../../../shared/protocol/import-report.ts';
import type { ItemTypeName, PriorityName, SprintStateName } from '../storage/tables.ts';
import type { CsvRow, CsvTable } from './csv-body.ts';
import {
  IMPORT_FIELDS, ITEM_TYPES, PRIORITIES, STATUS_ALIASES, columnOf, itemTypeByWord, jiraDay, normalWord, priorityByWord, type ImportField,
} from './jira-vocabulary.ts';

export interface ImportLookups {
  /** The project's columns, first column first. */
  statuses: readonly { id: string; name: string }[];
  sprints: readonly { id: string; name: string; state: SprintStateName }[];
  /** Who may be assigned work in the project. */
  people: readonly { id: string; email: string; displayName: string }[];
  /** Why the importer may not assign this person here (pull mode), or null. */
  assignRefusal(personId: string): string | null;
  /** A live item of the project by its key. */
  itemByKey(key: string): { id: string; key: string } | undefined;
}

export type PlannedParent = { row: number } | { id: string; key: string };

export interface PlannedItem {
  row: number;
  line: number;
  /** The row's Issue key, '' when it has none. */
  sourceKey: string;
  type: ItemTypeName;
  title: string;
  description: string;
  status: { id: string; name: string };
  priority: PriorityName;
  storyPoints: number | null;
  /** YYYY-MM-DD or ''. */
  startDate: string;
  dueDate: string;
  labels: string[];
  assignee: { id: string; name: string } | null;
  /** The sprint's name, '' for the backlog; `id` null: the import makes it. */
  sprint: { name: string; id: string | null } | null;
  parent: PlannedParent | null;
}

export interface ImportPlan {
  /** Rows after the header, blank ones left out. */
  rows: number;
  /** Parents before their children, otherwise in file order. */
  items: PlannedItem[];
  /** Sprints no row can find in the project: the import makes them, planned. */
  newSprints: string[];
  problems: RowIssue[];
  notes: RowIssue[];
}

/** Where a row's parent reference came from, and so where to look for it. */
interface ParentRef {
  field: ImportField;
  value: string;
}

interface Draft {
  item: PlannedItem;
  parentRef: ParentRef | null;
  sourceId: string;
  /** False when something in the row cannot be mapped; it still names its key for its children. */
  mapped: boolean;
}

type Columns = Map<ImportField, number[]>;

const FIELD_BY_HEADER = new Map<string, ImportField>(
  (Object.entries(IMPORT_FIELDS) as Array<[ImportField, { headers: readonly string[] }]>).flatMap(([field, { headers }]) =>
    headers.map((h) => [normalWord(h), field] as const),
  ),
);

/** What the export's formula guard (export-formats.ts) put in front of a cell. */
const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

/** A cell as typed: Windows line ends made plain (a carriage return is no character Tandem stores), the export's guard taken off. */
const cellText = (raw: string) => raw.replace(/\r\n?/g, '\n').replace(FORMULA_GUARD, '');

function columnsOf(header: readonly string[], notes: RowIssue[]): Columns {
  const columns: Columns = new Map();
  const ignored = new Set<string>();
  header.forEach((name, index) => {
    const field = FIELD_BY_HEADER.get(normalWord(name));
    if (field === undefined) {
      if (name.trim()) ignored.add(name.trim());
      return;
    }
    const seen = columns.get(field);
    if (seen) seen.push(index);
    else columns.set(field, [index]);
  });
  if (ignored.size > 0) {
    notes.push({ row: 1, line: 1, column: '', message: `Columns not imported: ${[...ignored].join(', ')}` });
  }
  return columns;
}

/** How one row reads: the first value of a field, or every non-empty one of a repeated field. */
function readerOf(columns: Columns, row: CsvRow) {
  const at = (i: number) => cellText(row.values[i] ?? '');
  return {
    one: (field: ImportField) => {
      const indices = columns.get(field) ?? [];
      return indices.length === 0 ? '' : at(indices[0]!);
    },
    all: (field: ImportField) => (columns.get(field) ?? []).map(at).map((v) => v.trim()).filter(Boolean),
  };
}

const listOf = (words: readonly string[]) => words.filter(Boolean).join(', ');

export function planImport(table: CsvTable, lookups: ImportLookups): ImportPlan {
  const problems: RowIssue[] = [];
  const notes: RowIssue[] = [];
  const columns = columnsOf(table.header, notes);
  const missing = (['summary', 'type'] as const).filter((field) => !columns.has(field));
  const rows = table.rows.filter((row) => row.values.some((v) => v.trim() !== ''));
  if (missing.length > 0) {
    const names = missing.map(columnOf).join(' and ');
    problems.push({ row: 1, line: 1, column: '', message: `The header row has no ${names} column: is this a Jira CSV export?` });
    return { rows: rows.length, items: [], newSprints: [], problems, notes };
  }

  const mapper = new RowMapper(lookups, problems, notes);
  const drafts = rows.map((row) => mapper.draft(row, readerOf(columns, row)));
  const items = orderWithParents(drafts, lookups, problems);
  const newSprints = [...new Set(items.flatMap((i) => (i.sprint && i.sprint.id === null ? [i.sprint.name] : [])))];
  problems.sort((a, b) => a.row - b.row);
  notes.sort((a, b) => a.row - b.row);
  return { rows: rows.length, items, newSprints, problems, notes };
}

class RowMapper {
  private readonly statusByName: Map<string, { id: string; name: string }>;

  constructor(
    private readonly lookups: ImportLookups,
    private readonly problems: RowIssue[],
    private readonly notes: RowIssue[],
  ) {
    this.statusByName = new Map(lookups.statuses.map((s) => [normalWord(s.name), s]));
  }

  /** The row mapped; each thing in it that cannot be is reported. */
  draft(row: CsvRow, read: ReturnType<typeof readerOf>): Draft {
    const before = this.problems.length;
    const problem = (field: ImportField, message: string) => this.problems.push({ row: row.row, line: row.line, column: columnOf(field), message });
    const note = (field: ImportField, message: string) => this.notes.push({ row: row.row, line: row.line, column: columnOf(field), message });

    const title = read.one('summary').trim();
    if (!title) problem('summary', 'Summary is empty');
    const typeWord = read.one('type').trim();
    const type = itemTypeByWord.get(normalWord(typeWord));
    if (!type) {
      problem('type', `${typeWord ? `"${typeWord}" is` : 'An empty Issue Type is'} not a type Tandem has (${listOf(Object.values(ITEM_TYPES).map((t) => t.jira))})`);
    }
    const status = this.status(read.one('status').trim(), (message) => problem('status', message));
    const priorityWord = read.one('priority').trim();
    const priority = priorityByWord.get(normalWord(priorityWord));
    if (!priority) problem('priority', `"${priorityWord}" is not a priority Tandem knows (${listOf(Object.values(PRIORITIES).map((p) => p.jira))})`);
    const pointsText = read.one('storyPoints').trim();
    const storyPoints = pointsText === '' ? null : Number(pointsText);
    if (storyPoints !== null && !/^\d+(\.\d+)?$/.test(pointsText)) problem('storyPoints', `"${pointsText}" is not a number of story points`);
    const [startDate, dueDate] = (['startDate', 'dueDate'] as const).map((field) => {
      const day = jiraDay(read.one(field));
      if (day === null) problem(field, `"${read.one(field).trim()}" is not a date (2026-11-15, or Jira's 15/Nov/26)`);
      return day ?? '';
    }) as [string, string];
    const assignee = this.assignee(read.one('assignee').trim(), (message) => note('assignee', message));
    const sprint = this.sprint(read.all('sprint'), (message) => note('sprint', message));

    const parentField = (['parent', 'parentId', 'epicLink'] as const).find((field) => read.one(field).trim() !== '');
    return {
      item: {
        row: row.row,
        line: row.line,
        sourceKey: read.one('key').trim(),
        type: type ?? 'TASK',
        title,
        description: read.one('description'),
        status: status ?? { id: '', name: '' },
        priority: priority ?? 'NONE',
        storyPoints,
        startDate,
        dueDate,
        labels: read.all('labels'),
        assignee,
        sprint,
        parent: null,
      },
      parentRef: parentField ? { field: parentField, value: read.one(parentField).trim() } : null,
      sourceId: read.one('id').trim(),
      mapped: this.problems.length === before,
    };
  }

  /** An empty status is the first column; otherwise a column by its name, or by what Jira's stock workflows call it. */
  private status(word: string, problem: (message: string) => void): { id: string; name: string } | null {
    if (!word) return this.lookups.statuses[0] ?? null;
    const found = this.statusByName.get(normalWord(word)) ?? this.statusByName.get(normalWord(STATUS_ALIASES[normalWord(word)] ?? ''));
    if (!found) problem(`"${word}" matches no column of this project (${listOf(this.lookups.statuses.map((s) => s.name))})`);
    return found ?? null;
  }

  /**
   * By email, or by a display name only one person here has; anyone else
   * leaves the item unassigned, and so does anyone but the importer in pull mode.
   */
  private assignee(word: string, note: (message: string) => void): { id: string; name: string } | null {
    if (!word) return null;
    const wanted = normalWord(word);
    const byEmail = this.lookups.people.filter((p) => p.email.toLowerCase() === wanted);
    const matches = byEmail.length > 0 ? byEmail : this.lookups.people.filter((p) => normalWord(p.displayName) === wanted);
    if (matches.length === 1) {
      const refused = this.lookups.assignRefusal(matches[0]!.id);
      if (refused === null) return { id: matches[0]!.id, name: matches[0]!.displayName };
      note(`${refused}, so it is left unassigned for ${matches[0]!.displayName} to claim`);
      return null;
    }
    note(matches.length === 0
      ? `"${word}" is not a member of this project: left unassigned`
      : `"${word}" is the name of ${matches.length} members: left unassigned (give the email instead)`);
    return null;
  }

  /**
   * Jira repeats Sprint for every sprint an issue was in, the current one
   * last; a Tandem item is in one. A sprint the project has by that name is
   * used unless it is completed; one it lacks is made.
   */
  private sprint(names: readonly string[], note: (message: string) => void): PlannedItem['sprint'] {
    const name = names[names.length - 1];
    if (name === undefined) return null;
    if (names.length > 1) note(`In ${names.length} sprints (${names.join(', ')}): an item is in one sprint here, the last`);
    const same = this.lookups.sprints.filter((s) => normalWord(s.name) === normalWord(name));
    const open = same.find((s) => s.state !== 'COMPLETED');
    if (open) return { name: open.name, id: open.id };
    if (same.length > 0) {
      note(`${name} is completed in this project: left in the backlog`);
      return null;
    }
    return { name, id: null };
  }
}

/**
 * Resolves each row's parent (a row of the file by Issue key or Issue id, else
 * an item of the project by key) and orders the rows so a parent is created
 * before its children; a row whose parent cannot be imported cannot be either.
 */
function orderWithParents(drafts: readonly Draft[], lookups: ImportLookups, problems: RowIssue[]): PlannedItem[] {
  const byKey = new Map<string, Draft>();
  const byId = new Map<string, Draft>();
  const failed = new Set<Draft>(drafts.filter((d) => !d.mapped));
  const problem = (d: Draft, column: string, message: string, becauseOfRow?: number) => {
    failed.add(d);
    problems.push({ row: d.item.row, line: d.item.line, column, message, ...(becauseOfRow ? { becauseOfRow } : {}) });
  };
  for (const d of drafts) {
    const key = d.item.sourceKey.toUpperCase();
    const twin = key ? byKey.get(key) : undefined;
    if (twin) problem(d, columnOf('key'), `${d.item.sourceKey} is also the Issue key of row ${twin.item.row}`);
    else if (key) byKey.set(key, d);
    if (d.sourceId && !byId.has(d.sourceId)) byId.set(d.sourceId, d);
  }

  const parentRow = new Map<Draft, Draft>();
  for (const d of drafts) {
    if (failed.has(d) || d.parentRef === null) continue;
    const { field, value } = d.parentRef;
    const key = value.toUpperCase();
    const inFile = field === 'parentId' ? (byId.get(value) ?? byKey.get(key)) : (byKey.get(key) ?? (field === 'parent' ? byId.get(value) : undefined));
    if (inFile === d) {
      problem(d, columnOf(field), 'An item cannot be its own parent');
    } else if (inFile) {
      parentRow.set(d, inFile);
      d.item.parent = { row: inFile.item.row };
    } else {
      const existing = lookups.itemByKey(key);
      if (existing) d.item.parent = { id: existing.id, key: existing.key };
      else problem(d, columnOf(field), `Parent ${value} is neither a row of this file nor an item of this project`);
    }
  }

  const ordered: PlannedItem[] = [];
  const state = new Map<Draft, 'visiting' | 'done'>();
  /** True when the row (and so its parents) can be imported. */
  const visit = (d: Draft): boolean => {
    if (state.get(d) === 'done') return !failed.has(d);
    if (state.get(d) === 'visiting') {
      problem(d, columnOf(d.parentRef!.field), 'Its parents lead back to itself');
      return false;
    }
    state.set(d, 'visiting');
    const parent = parentRow.get(d);
    if (parent && !failed.has(d) && !visit(parent) && !failed.has(d)) {
      problem(d, columnOf(d.parentRef!.field), `Its parent, row ${parent.item.row}, cannot be imported`, parent.item.row);
    }
    state.set(d, 'done');
    if (failed.has(d)) return false;
    ordered.push(d.item);
    return true;
  };
  for (const d of drafts) visit(d);
  return ordered;
}
