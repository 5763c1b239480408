// The fields of a work item that a write can change, each declared once with
// its policy (docs/PROTOCOL.md §6). The server's column lists, update and
// clear rules, history, the partial-event form and the client's patch fields
// are all derived from this table: adding a field means a row here, the proto,
// a migration and its UI.
import type { IWorkItem } from '../proto.ts';

type WireKey = keyof IWorkItem & string;

export interface WorkItemFieldSpec {
  /** The WorkItem (and UpdateWorkItem) field that carries it on the wire. */
  readonly key: WireKey;
  /** More WorkItem fields that travel with it: 0 points and no estimate differ only in has_story_points. */
  readonly with?: readonly WireKey[];
  /** Stored in a pm_work_items column of the same name; false: in a table of its own. */
  readonly column: boolean;
  /** update_work_item can set it (the others change through their own commands). */
  readonly updatable: boolean;
  /** update_work_item's `clear` may name it: it can have no value. */
  readonly clearable: boolean;
  /** A change writes a pm_activity row and shows in the item's history. */
  readonly recorded: boolean;
  /** A changed-fields-only subscriber gets a change of it as a partial item (Subscribe.changed_fields_only). */
  readonly partial: boolean;
  /** What people call it. */
  readonly label: string;
}

/** Keyed by the field's name in changed_fields, `clear`, pm_activity and (when `column`) pm_work_items. */
export const WORK_ITEM_FIELDS = {
  title: { key: 'title', column: true, updatable: true, clearable: false, recorded: true, partial: true, label: 'Title' },
  description: { key: 'description', column: true, updatable: true, clearable: true, recorded: true, partial: true, label: 'Description' },
  item_type: { key: 'itemType', column: true, updatable: true, clearable: false, recorded: true, partial: true, label: 'Type' },
  parent_id: { key: 'parentId', column: true, updatable: true, clearable: true, recorded: true, partial: true, label: 'Parent' },
  status_id: { key: 'statusId', column: true, updatable: true, clearable: false, recorded: true, partial: true, label: 'Status' },
  priority: { key: 'priority', column: true, updatable: true, clearable: false, recorded: true, partial: true, label: 'Priority' },
  story_points: {
    key: 'storyPoints', with: ['hasStoryPoints'], column: true, updatable: true, clearable: true, recorded: true, partial: true, label: 'Story points',
  },
  assignee_id: { key: 'assigneeId', column: true, updatable: true, clearable: true, recorded: true, partial: true, label: 'Assignee' },
  sprint_id: { key: 'sprintId', column: true, updatable: true, clearable: true, recorded: true, partial: true, label: 'Sprint' },
  // A rank is an opaque sort key changed by move_work_item: the history says
  // "moved" through status and sprint rows, and a log of rank strings would only be noise.
  rank: { key: 'rank', column: true, updatable: false, clearable: false, recorded: false, partial: true, label: 'Rank' },
  labels: { key: 'labels', column: false, updatable: true, clearable: true, recorded: true, partial: true, label: 'Labels' },
  start_date: { key: 'startDate', column: true, updatable: true, clearable: true, recorded: true, partial: true, label: 'Start date' },
  due_date: { key: 'dueDate', column: true, updatable: true, clearable: true, recorded: true, partial: true, label: 'Due date' },
  original_estimate_minutes: {
    key: 'originalEstimateMinutes', with: ['hasOriginalEstimate'], column: true, updatable: true, clearable: true, recorded: true, partial: true,
    label: 'Original estimate',
  },
  remaining_estimate_minutes: {
    key: 'remainingEstimateMinutes', with: ['hasRemainingEstimate'], column: true, updatable: true, clearable: true, recorded: true, partial: true,
    label: 'Remaining estimate',
  },
  // Kept by the work log commands as the sum of the item's logs; their own history says who logged what.
  logged_minutes: { key: 'loggedMinutes', column: true, updatable: false, clearable: false, recorded: false, partial: true, label: 'Time logged' },
  // v17. Set through update_work_item's own entries (one per field, an empty
  // one clears it), not as one value, so it is no patch field; history has a
  // row per field (`custom:<field id>`), not one for the list. The event
  // carries the item's whole list, so a partial item can carry it too.
  custom_fields: { key: 'customFields', column: false, updatable: false, clearable: false, recorded: false, partial: true, label: 'Custom fields' },
  // v18. The project's own type of the item; set, item_type becomes TASK,
  // and clearing it makes the item a built-in type again (item_type says
  // which). History names the type, not its id.
  custom_type_id: { key: 'customTypeId', column: true, updatable: true, clearable: true, recorded: true, partial: true, label: 'Own type' },
} as const satisfies Record<string, WorkItemFieldSpec>;

type Fields = typeof WORK_ITEM_FIELDS;
export type WorkItemField = keyof Fields;

/** The names of the fields whose spec has `flag` set. */
type FieldsWhere<Flag extends 'column' | 'updatable' | 'clearable' | 'recorded' | 'partial'> = {
  [F in WorkItemField]: Fields[F] extends Record<Flag, true> ? F : never;
}[WorkItemField];

export type ColumnField = FieldsWhere<'column'>;
export type UpdatableField = FieldsWhere<'updatable'>;
export type ClearableField = FieldsWhere<'clearable'>;

/** The wire key of a field: 'story_points' -> 'storyPoints'. */
export type KeyOf<F extends WorkItemField> = Fields[F]['key'];

const ALL = Object.keys(WORK_ITEM_FIELDS) as WorkItemField[];
const where = <F extends WorkItemField>(test: (spec: WorkItemFieldSpec) => boolean) =>
  ALL.filter((f) => test(WORK_ITEM_FIELDS[f])) as F[];

export const WORK_ITEM_FIELD_NAMES: readonly WorkItemField[] = ALL;
export const COLUMN_FIELDS: readonly ColumnField[] = where<ColumnField>((s) => s.column);
export const UPDATABLE_FIELDS: readonly UpdatableField[] = where<UpdatableField>((s) => s.updatable);
export const CLEARABLE_FIELDS: readonly ClearableField[] = where<ClearableField>((s) => s.clearable);

export const isWorkItemField = (name: string): name is WorkItemField => Object.hasOwn(WORK_ITEM_FIELDS, name);

export const isClearable = (name: string): name is ClearableField =>
  isWorkItemField(name) && WORK_ITEM_FIELDS[name].clearable;

/** Every WorkItem field that carries this one on the wire. */
export function wireKeysOf(field: WorkItemField): readonly WireKey[] {
  const spec: WorkItemFieldSpec = WORK_ITEM_FIELDS[field];
  return [spec.key, ...(spec.with ?? [])];
}
