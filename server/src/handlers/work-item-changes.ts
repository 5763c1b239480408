// What a work item write reports: the changed wire fields, the history rows
// (values as text: enums by stored name, numbers as digits, null for none)
// and the one event that carries the whole item.
import type { IWorkItem } from '../../../shared/proto.ts';
import { WORK_ITEM_FIELDS, type ColumnField } from '../../../shared/protocol/work-item-fields.ts';
import type { FieldChange } from '../storage/activity.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import { workItemMessage } from '../storage/work-items.ts';
import type { WriteContext } from './context.ts';

/** Columns a write may change; each is named on the wire exactly as here. */
export type ItemColumn = ColumnField & keyof WorkItemRow;

export interface ItemDiff {
  fields: string[];
  activity: FieldChange[];
  columns: Partial<WorkItemRow>;
}

function columnText(row: WorkItemRow, column: ItemColumn): string | null {
  const value = row[column];
  return value === null ? null : String(value);
}

export function labelsText(labels: readonly string[]): string {
  return JSON.stringify([...labels].sort());
}

/** How history names the item itself when it is created, deleted or restored. */
export function itemText(row: WorkItemRow): string {
  return `${row.key} ${row.title}`;
}

/** The columns whose value really differs, ready to write and to report. */
export function diffColumns(before: WorkItemRow, after: WorkItemRow, columns: readonly ItemColumn[]): ItemDiff {
  const diff: ItemDiff = { fields: [], activity: [], columns: {} };
  for (const column of columns) {
    if (before[column] === after[column]) continue;
    diff.fields.push(column);
    Object.assign(diff.columns, { [column]: after[column] });
    if (WORK_ITEM_FIELDS[column].recorded) {
      diff.activity.push({ field: column, old: columnText(before, column), new: columnText(after, column) });
    }
  }
  return diff;
}

/** Emits the one event of a work item change; returns the item as sent. */
export function emitWorkItem(
  ctx: WriteContext,
  row: WorkItemRow,
  changedFields: readonly string[],
  activity: readonly FieldChange[],
  labels?: readonly string[],
): IWorkItem {
  const workItem = workItemMessage(ctx.db, row, labels);
  ctx.emit({
    projectId: row.project_id,
    kind: 'work_item',
    entityId: row.id,
    workItemId: row.id,
    change: { workItem: { workItem, changedFields: [...changedFields] } },
    changedFields,
    activity,
  });
  return workItem;
}
