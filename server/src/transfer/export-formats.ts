// The two export formats, each written as a head, pages of items, and a tail,
// so an export is sent while it is read.
import { stringify } from 'csv-stringify/sync';
import type { ExportItem, ExportPerson, ProjectItems } from './export-items.ts';
import { EXPORT_COLUMNS, type ExportColumn } from './jira-vocabulary.ts';

export interface ExportFormat {
  contentType: string;
  extension: 'csv' | 'json';
  /** Whether items carry their comments. */
  comments: boolean;
  head(items: ProjectItems, now: number): string;
  /** `first`: no page was written before this one. */
  page(items: ProjectItems, page: readonly ExportItem[], first: boolean): string;
  tail(): string;
}

/**
 * A cell starting with = + - @ or a tab is a formula to a spreadsheet, which
 * would run what a teammate typed as a title: such cells get a leading quote
 * (OWASP's advice for CSV injection), which the import takes off again.
 */
const csvRows = (rows: unknown[][]) => stringify(rows, { escape_formulas: true });

const personName = (p: ExportPerson | null) => p?.name ?? '';

/** Jira's own header for a custom field, which no standard column is named like (so an import of the file leaves it aside). */
const customHeader = (name: string) => `Custom field (${name})`;

/** A custom value in one cell: several options joined by ", ", a person by name. */
function customCell(value: ExportItem['customFields'][string] | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return value.name;
  return String(value);
}

function cells(item: ExportItem, labelColumns: number, customFields: readonly string[]): string[] {
  const byColumn: Record<Exclude<ExportColumn, 'Labels'>, string> = {
    Summary: item.title,
    'Issue key': item.key,
    'Issue Type': item.type,
    Status: item.status,
    Priority: item.priority,
    Assignee: personName(item.assignee),
    Reporter: personName(item.reporter),
    Created: item.created,
    Updated: item.updated,
    Sprint: item.sprint,
    'Story Points': item.storyPoints === null ? '' : String(item.storyPoints),
    'Start date': item.startDate,
    'Due date': item.dueDate,
    Parent: item.parent,
    Description: item.description,
  };
  return [
    ...EXPORT_COLUMNS.flatMap((column) =>
      column === 'Labels' ? Array.from({ length: labelColumns }, (_, i) => item.labels[i] ?? '') : [byColumn[column]],
    ),
    ...customFields.map((name) => customCell(item.customFields[name])),
  ];
}

const customNames = (items: ProjectItems) => items.customFields.map((f) => f.name);

/** Jira's way with several values: the column repeated, as many times as the most labelled item needs (one at least). */
const labelColumns = (items: ProjectItems) => Math.max(1, items.mostLabels);

export const CSV_EXPORT: ExportFormat = {
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  comments: false,
  head: (items) =>
    csvRows([[
      ...EXPORT_COLUMNS.flatMap((column) => (column === 'Labels' ? Array<string>(labelColumns(items)).fill('Labels') : [column])),
      ...customNames(items).map(customHeader),
    ]]),
  page: (items, page) => csvRows(page.map((item) => cells(item, labelColumns(items), customNames(items)))),
  tail: () => '',
};

export const JSON_EXPORT: ExportFormat = {
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  comments: true,
  head: ({ project }, now) => {
    const about = { format: 'tandem-export', version: 1, exportedAt: new Date(now).toISOString() };
    const head = JSON.stringify({ ...about, project: { key: project.key, name: project.name, description: project.description } });
    // The object is closed after the items, which follow as they are read.
    return `${head.slice(0, -1)},"items":[`;
  },
  page: (_items, page, first) => (first ? '' : ',') + page.map((item) => JSON.stringify(item)).join(','),
  tail: () => ']}\n',
};
