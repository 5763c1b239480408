// A project's live items as an export shows them (names, not ids), read a
// page at a time so that no step grows with the size of the project.
import { customValueText, type CustomFieldDef } from '../../../shared/domain/custom-fields.ts';
import { CustomFieldKind } from '../../../shared/proto.ts';
import { customValuesOfItem, liveFieldsOf } from '../storage/custom-fields.ts';
import { liveTypesOf } from '../storage/item-types.ts';
import { labelsOfItem, mostLabelsOnOneItem } from '../storage/labels.ts';
import { liveCommentsOf } from '../storage/comments.ts';
import { statusesOf } from '../storage/projects.ts';
import type { SqlRunner } from '../storage/sql.ts';
import { sprintsOf } from '../storage/sprints.ts';
import type { ProjectRow, WorkItemRow } from '../storage/tables.ts';
import { listUsers } from '../storage/users.ts';
import { findWorkItem, liveWorkItemsAfter } from '../storage/work-items.ts';
import { ITEM_TYPES, PRIORITIES } from './jira-vocabulary.ts';

export interface ExportPerson {
  name: string;
  email: string;
}

export interface ExportComment {
  author: ExportPerson | null;
  created: string;
  /** '' when never edited. */
  edited: string;
  body: string;
}

/** One item in Jira's terms: types and priorities in Jira's words, times as ISO 8601 (UTC). */
export interface ExportItem {
  key: string;
  type: string;
  title: string;
  status: string;
  priority: string;
  assignee: ExportPerson | null;
  reporter: ExportPerson | null;
  created: string;
  updated: string;
  /** The sprint's name, '' for the backlog. */
  sprint: string;
  storyPoints: number | null;
  /** YYYY-MM-DD, '' for none. */
  startDate: string;
  dueDate: string;
  labels: string[];
  /** The parent's key, '' for none. */
  parent: string;
  description: string;
  /**
   * The item's custom field values by field name, in field order, only those
   * set: numbers as numbers, multi selects as lists, people as people.
   */
  customFields: Record<string, string | number | string[] | ExportPerson>;
  /** Only when asked for (the JSON export). */
  comments?: ExportComment[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Items per page: a page takes a few milliseconds to read and write out. */
export const EXPORT_PAGE = 200;

export class ProjectItems {
  /** Labels columns the CSV needs. */
  readonly mostLabels: number;
  /** The project's custom fields, in order: a CSV column each. */
  readonly customFields: readonly CustomFieldDef[];
  private readonly statuses: Map<string, string>;
  private readonly sprints: Map<string, string>;
  private readonly people: Map<string, ExportPerson>;
  /** The project's own item types by id (a live item is never of a removed one). */
  private readonly ownTypes: Map<string, string>;
  private afterNumber = 0;
  private finished = false;

  /** `db` should hold one read transaction for the whole export, so every page sees the same moment. */
  constructor(
    private readonly db: SqlRunner,
    readonly project: ProjectRow,
    private readonly withComments: boolean,
    private readonly pageSize = EXPORT_PAGE,
  ) {
    this.statuses = new Map(statusesOf(db, project.id).map((s) => [s.id, s.name]));
    this.sprints = new Map(sprintsOf(db, project.id).map((s) => [s.id ?? '', s.name ?? '']));
    this.people = new Map(listUsers(db).map((u) => [u.id, { name: u.display_name, email: u.email }]));
    this.mostLabels = mostLabelsOnOneItem(db, project.id);
    this.customFields = liveFieldsOf(db, project.id);
    this.ownTypes = new Map(liveTypesOf(db, project.id).map((t) => [t.id, t.name]));
  }

  /** The next page in item-number order; null after the last. */
  nextPage(): ExportItem[] | null {
    if (this.finished) return null;
    const rows = liveWorkItemsAfter(this.db, this.project.id, this.afterNumber, this.pageSize);
    if (rows.length < this.pageSize) this.finished = true;
    if (rows.length === 0) return null;
    this.afterNumber = rows[rows.length - 1]!.number;
    return rows.map((row) => this.item(row));
  }

  private person(id: string | null): ExportPerson | null {
    return id === null ? null : (this.people.get(id) ?? null);
  }

  /** A parent deleted without its children (an epic's stories stay) is no parent an import could find. */
  private parentKey(parentId: string | null): string {
    if (parentId === null) return '';
    const parent = findWorkItem(this.db, parentId);
    return parent && parent.deleted_at_ms === null ? parent.key : '';
  }

  private customValues(itemId: string): ExportItem['customFields'] {
    const out: ExportItem['customFields'] = {};
    if (this.customFields.length === 0) return out;
    const values = new Map(customValuesOfItem(this.db, itemId).map((v) => [v.fieldId, v]));
    for (const field of this.customFields) {
      const value = values.get(field.id);
      if (!value) continue;
      switch (field.kind) {
        case CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER: out[field.name] = value.number ?? 0; break;
        case CustomFieldKind.CUSTOM_FIELD_KIND_MULTI_SELECT: out[field.name] = [...(value.options ?? [])]; break;
        case CustomFieldKind.CUSTOM_FIELD_KIND_PERSON: {
          const person = this.person(value.userId ?? null);
          if (person) out[field.name] = person;
          break;
        }
        default: out[field.name] = customValueText(field, value) ?? '';
      }
    }
    return out;
  }

  private item(row: WorkItemRow): ExportItem {
    const item: ExportItem = {
      key: row.key,
      // The project's own type by its name (Risk): Jira knows no such type, but people reading the export do.
      type: (row.custom_type_id !== null ? this.ownTypes.get(row.custom_type_id) : undefined) ?? ITEM_TYPES[row.item_type].jira,
      title: row.title,
      status: this.statuses.get(row.status_id) ?? '',
      priority: PRIORITIES[row.priority].jira,
      assignee: this.person(row.assignee_id),
      reporter: this.person(row.created_by),
      created: iso(row.created_at_ms),
      updated: iso(row.updated_at_ms),
      sprint: row.sprint_id === null ? '' : (this.sprints.get(row.sprint_id) ?? ''),
      storyPoints: row.story_points,
      startDate: row.start_date ?? '',
      dueDate: row.due_date ?? '',
      labels: labelsOfItem(this.db, row.id),
      parent: this.parentKey(row.parent_id),
      description: row.description,
      customFields: this.customValues(row.id),
    };
    if (this.withComments) {
      item.comments = liveCommentsOf(this.db, row.id).map((c) => ({
        author: this.person(c.authorId ?? null),
        created: iso(c.createdAt ?? 0),
        edited: c.editedAt ? iso(c.editedAt) : '',
        body: c.body ?? '',
      }));
    }
    return item;
  }
}
