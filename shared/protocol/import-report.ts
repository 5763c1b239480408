// The answer of POST /api/projects/<KEY>/import (docs/PROTOCOL.md §2.5):
// what a Jira import created (or, in a dry run, would), and every row it
// could not map. One shape for the server that writes it and the client
// that shows it.

/** A row and why; row 1 is the header, and stands for the file as a whole. */
export interface RowIssue {
  row: number;
  line: number;
  column: string;
  message: string;
  /** Set when the row fails only because the row named (its parent) does. */
  becauseOfRow?: number;
}

/** An item as created (or, in a dry run, as it would be). */
export interface ImportedItem {
  row: number;
  /** The row's Issue key, '' when it had none. */
  sourceKey: string;
  /** The key it got here (a dry run: the one it would get now). */
  key: string;
  type: string;
  title: string;
  status: string;
  priority: string;
  /** The parent's key here, '' for none. */
  parent: string;
  sprint: string;
  storyPoints: number | null;
  /** YYYY-MM-DD, '' for none. */
  startDate: string;
  dueDate: string;
  labels: string[];
  /** The display name, '' when unassigned. */
  assignee: string;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  items: ImportedItem[];
  /** Sprints made (or that would be). */
  sprints: string[];
  /** Non-empty: nothing was imported. */
  problems: RowIssue[];
  notes: RowIssue[];
}
