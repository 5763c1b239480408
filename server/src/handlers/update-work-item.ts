import { invalidArgument } from '../../../shared/domain/errors.ts';
import {
  checkDate, checkDescription, checkEstimate, checkItemDates, checkItemType, checkLabels, checkPriority, checkStoryPoints, checkTitle,
} from '../../../shared/domain/validation.ts';
import type { Commands } from '../commands/parsers.ts';
import { fieldTypeKey } from '../../../shared/domain/custom-fields.ts';
import { pluralTypeName } from '../../../shared/domain/item-types.ts';
import { ItemType } from '../../../shared/proto.ts';
import { findItemType } from '../storage/item-types.ts';
import {
  COLUMN_FIELDS, WORK_ITEM_FIELDS, isClearable, type ClearableField, type UpdatableField,
} from '../../../shared/protocol/work-item-fields.ts';
import { itemTypes, priorities } from '../storage/enums.ts';
import { labelsOfItem, setItemLabels } from '../storage/labels.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import { updateWorkItemRow, workItemMessage } from '../storage/work-items.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { CUSTOM_FIELDS_CHANGE, planItemValues } from './custom-field-values.ts';
import { checkPullMode } from './pull-mode-guard.ts';
import { diffColumns, emitWorkItem, labelsText, type ItemColumn } from './work-item-changes.ts';
import { itemAtVersion } from './work-item-access.ts';
import { checkReferences, customTypeOf } from './work-item-refs.ts';

const UPDATABLE_COLUMNS: readonly ItemColumn[] = COLUMN_FIELDS.filter((f): f is ItemColumn & UpdatableField => WORK_ITEM_FIELDS[f].updatable);

/** The fields `clear` names, refusing unknown ones and any that the command also sets. */
function clearedFields(cmd: Commands['updateWorkItem']): Set<ClearableField> {
  const isSet: Record<ClearableField, boolean> = {
    parent_id: cmd.parentId !== undefined,
    description: cmd.description !== undefined,
    story_points: cmd.storyPoints !== undefined,
    assignee_id: cmd.assigneeId !== undefined,
    sprint_id: cmd.sprintId !== undefined,
    labels: cmd.setLabels,
    start_date: cmd.startDate !== undefined,
    due_date: cmd.dueDate !== undefined,
    original_estimate_minutes: cmd.originalEstimateMinutes !== undefined,
    remaining_estimate_minutes: cmd.remainingEstimateMinutes !== undefined,
    custom_type_id: cmd.customTypeId !== undefined,
  };
  const out = new Set<ClearableField>();
  for (const name of cmd.clear) {
    // The refusal is sent back and remembered: an unknown name is quoted only while it is name-sized.
    if (!isClearable(name)) throw invalidArgument('clear', `${name.length <= 40 ? name : 'That field'} cannot be cleared`);
    if (isSet[name]) throw invalidArgument('clear', `${name} is both set and cleared`);
    out.add(name);
  }
  return out;
}

/**
 * The item's own type (v18): custom_type_id names one of the project's live
 * types (the item is then a TASK; another item_type with it is refused) or,
 * empty or cleared, none (item_type says which built-in type). A built-in
 * type other than TASK makes it a built-in type again.
 */
function setCustomType(ctx: WriteContext, cmd: Commands['updateWorkItem'], cleared: Set<ClearableField>, next: WorkItemRow): void {
  if (cmd.customTypeId) {
    const type = customTypeOf(ctx.db, next.project_id, cmd.customTypeId);
    if (cmd.itemType !== undefined && cmd.itemType !== ItemType.ITEM_TYPE_TASK) {
      throw invalidArgument('item_type', `${pluralTypeName(type.name)} are tasks on the wire: send item_type TASK (or none) with custom_type_id`);
    }
    next.custom_type_id = type.id;
    next.item_type = 'TASK';
  } else if (cmd.customTypeId !== undefined || cleared.has('custom_type_id')) {
    next.custom_type_id = null;
  } else if (next.item_type !== 'TASK') {
    next.custom_type_id = null;
  }
}

/**
 * Applies the fields the command carries. For parent, assignee and sprint an
 * empty id means none, the same as naming the field in `clear`. Only values
 * that really change are written; if none do, nothing is stored or sent.
 */
export function updateWorkItem(ctx: WriteContext, cmd: Commands['updateWorkItem']): ResultValue {
  const { db } = ctx;
  const target = itemAtVersion(ctx, cmd.workItemId, cmd.expectedVersion);
  const { item } = target;
  const cleared = clearedFields(cmd);
  const setsAssignee = cmd.assigneeId !== undefined || cleared.has('assignee_id');
  checkPullMode(ctx, target, { kind: 'edit', assigneeId: setsAssignee ? (cmd.assigneeId ?? '') : undefined });

  const next: WorkItemRow = { ...item };
  if (cmd.title !== undefined) next.title = checkTitle(cmd.title);
  if (cmd.description !== undefined) next.description = checkDescription(cmd.description);
  if (cleared.has('description')) next.description = '';
  if (cmd.itemType !== undefined) next.item_type = itemTypes.toName(checkItemType(cmd.itemType));
  setCustomType(ctx, cmd, cleared, next);
  if (cmd.parentId !== undefined || cleared.has('parent_id')) next.parent_id = cmd.parentId || null;
  if (cmd.statusId !== undefined) next.status_id = cmd.statusId;
  if (cmd.priority !== undefined) next.priority = priorities.toName(checkPriority(cmd.priority));
  if (cmd.storyPoints !== undefined) next.story_points = checkStoryPoints(cmd.storyPoints);
  if (cleared.has('story_points')) next.story_points = null;
  if (setsAssignee) next.assignee_id = cmd.assigneeId || null;
  if (cmd.sprintId !== undefined || cleared.has('sprint_id')) next.sprint_id = cmd.sprintId || null;
  if (cmd.startDate !== undefined || cleared.has('start_date')) next.start_date = checkDate(cmd.startDate ?? '', 'start_date') || null;
  if (cmd.dueDate !== undefined || cleared.has('due_date')) next.due_date = checkDate(cmd.dueDate ?? '', 'due_date') || null;
  checkItemDates(next.start_date ?? '', next.due_date ?? '');
  if (cmd.originalEstimateMinutes !== undefined) next.original_estimate_minutes = checkEstimate(cmd.originalEstimateMinutes, 'original_estimate_minutes');
  if (cleared.has('original_estimate_minutes')) next.original_estimate_minutes = null;
  if (cmd.remainingEstimateMinutes !== undefined) next.remaining_estimate_minutes = checkEstimate(cmd.remainingEstimateMinutes, 'remaining_estimate_minutes');
  if (cleared.has('remaining_estimate_minutes')) next.remaining_estimate_minutes = null;
  checkReferences(db, next, item, ctx.caller);

  const oldLabels = labelsOfItem(db, item.id);
  let newLabels = oldLabels;
  if (cleared.has('labels')) newLabels = [];
  else if (cmd.setLabels) newLabels = checkLabels(cmd.labels);
  const labelsChanged = labelsText(oldLabels) !== labelsText(newLabels);

  // Checked against the type the item will have; values of fields that stop applying go.
  const values = planItemValues(db, {
    projectId: item.project_id, itemId: item.id, itemType: fieldTypeKey(next.item_type, next.custom_type_id), entries: cmd.customFields,
  });

  const diff = diffColumns(item, next, UPDATABLE_COLUMNS);
  // History names the type ("Risk"), not its id: ids read as nothing to people.
  for (const change of diff.activity) {
    if (change.field !== 'custom_type_id') continue;
    change.old = change.old && (findItemType(db, change.old)?.name ?? change.old);
    change.new = change.new && (findItemType(db, change.new)?.name ?? change.new);
  }
  if (labelsChanged) {
    diff.fields.push('labels');
    diff.activity.push({ field: 'labels', old: labelsText(oldLabels), new: labelsText(newLabels) });
  }
  if (values.activity.length > 0) {
    diff.fields.push(CUSTOM_FIELDS_CHANGE);
    diff.activity.push(...values.activity);
  }
  if (diff.fields.length === 0) return { workItem: workItemMessage(db, item, oldLabels) };

  const row = updateWorkItemRow(db, item, diff.columns, ctx.caller.userId, ctx.now);
  if (labelsChanged) setItemLabels(db, row.project_id, row.id, newLabels);
  values.apply(db, row.id);
  return { workItem: emitWorkItem(ctx, row, diff.fields, diff.activity, newLabels) };
}
