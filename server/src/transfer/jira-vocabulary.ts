// Jira's CSV words beside Tandem's, declared once: the columns an export
// writes (Jira's own headers, so Jira and the tools built for its exports read
// them), the headers an import understands for each, and Jira's names for
// types, priorities and statuses. Export and import both read these tables.
import type { ItemTypeName, PriorityName } from '../storage/tables.ts';

/** What an import reads from a row; `multi`: Jira repeats the column once per value. */
export const IMPORT_FIELDS = {
  summary: { headers: ['Summary'], multi: false },
  key: { headers: ['Issue key'], multi: false },
  id: { headers: ['Issue id'], multi: false },
  type: { headers: ['Issue Type'], multi: false },
  status: { headers: ['Status'], multi: false },
  priority: { headers: ['Priority'], multi: false },
  assignee: { headers: ['Assignee'], multi: false },
  sprint: { headers: ['Sprint'], multi: true },
  storyPoints: { headers: ['Story Points', 'Custom field (Story Points)', 'Custom field (Story point estimate)'], multi: false },
  labels: { headers: ['Labels'], multi: true },
  startDate: { headers: ['Start date', 'Custom field (Start date)'], multi: false },
  dueDate: { headers: ['Due date'], multi: false },
  // Newer Jira exports name the parent by key or id in Parent, older ones sub-tasks by Parent id and epics by Epic Link.
  parent: { headers: ['Parent', 'Parent key'], multi: false },
  parentId: { headers: ['Parent id'], multi: false },
  epicLink: { headers: ['Custom field (Epic Link)', 'Epic Link'], multi: false },
  description: { headers: ['Description'], multi: false },
} as const satisfies Record<string, { headers: readonly string[]; multi: boolean }>;

export type ImportField = keyof typeof IMPORT_FIELDS;

/** The column a report names for a field: the first header it is known by. */
export const columnOf = (field: ImportField): string => IMPORT_FIELDS[field].headers[0];

/** Headers compare without case or extra spaces, as people retype them. */
export const normalWord = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The export's columns in order; Labels is repeated as often as the most labelled item needs. */
export const EXPORT_COLUMNS = [
  'Summary', 'Issue key', 'Issue Type', 'Status', 'Priority', 'Assignee', 'Reporter', 'Created', 'Updated',
  'Sprint', 'Story Points', 'Start date', 'Due date', 'Labels', 'Parent', 'Description',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export const ITEM_TYPES: Record<ItemTypeName, { jira: string; also: readonly string[] }> = {
  EPIC: { jira: 'Epic', also: [] },
  STORY: { jira: 'Story', also: ['user story'] },
  TASK: { jira: 'Task', also: [] },
  BUG: { jira: 'Bug', also: ['defect'] },
  SUBTASK: { jira: 'Sub-task', also: ['subtask', 'sub task'] },
};

/** Jira's five default priorities first (what an export writes), then older schemes' names. */
export const PRIORITIES: Record<PriorityName, { jira: string; also: readonly string[] }> = {
  URGENT: { jira: 'Highest', also: ['urgent', 'blocker', 'critical'] },
  HIGH: { jira: 'High', also: ['major'] },
  MEDIUM: { jira: 'Medium', also: ['normal'] },
  LOW: { jira: 'Low', also: ['lowest', 'minor', 'trivial'] },
  NONE: { jira: '', also: ['none'] },
};

/**
 * Statuses of Jira's stock workflows that Tandem's columns (shared/domain/workflow.ts)
 * name differently. A status is first looked for by its own name.
 */
export const STATUS_ALIASES: Readonly<Record<string, string>> = {
  open: 'To Do',
  new: 'To Do',
  reopened: 'To Do',
  'selected for development': 'To Do',
  'in development': 'In Progress',
  'code review': 'In Review',
  review: 'In Review',
  'in qa': 'In Review',
  testing: 'In Review',
  closed: 'Done',
  resolved: 'Done',
  complete: 'Done',
  completed: 'Done',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A day as Tandem keeps it (YYYY-MM-DD) from a date as Jira's CSV writes it:
 * its default `15/Nov/26 9:30 AM` (the time dropped), or ISO 8601 (what the
 * export writes). '' for an empty cell; null when it cannot be read. Whether
 * the day exists is the create's rule.
 */
export function jiraDay(text: string): string | null {
  const word = text.trim();
  if (!word) return '';
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(word);
  if (iso) return iso[1]!;
  const jira = /^(\d{1,2})\/([a-z]{3})\/(\d{2}|\d{4})(?:$| )/i.exec(word);
  const month = jira ? MONTHS.indexOf(jira[2]!.toLowerCase()) + 1 : 0;
  if (!jira || month === 0) return null;
  const year = jira[3]!.length === 2 ? `20${jira[3]}` : jira[3]!;
  return `${year}-${String(month).padStart(2, '0')}-${jira[1]!.padStart(2, '0')}`;
}

function lookupOf<N extends string>(table: Record<N, { jira: string; also: readonly string[] }>): Map<string, N> {
  const out = new Map<string, N>();
  for (const [name, words] of Object.entries(table) as Array<[N, { jira: string; also: readonly string[] }]>) {
    out.set(normalWord(words.jira), name);
    out.set(normalWord(name), name);
    for (const word of words.also) out.set(normalWord(word), name);
  }
  return out;
}

export const itemTypeByWord = lookupOf(ITEM_TYPES);
export const priorityByWord = lookupOf(PRIORITIES);
