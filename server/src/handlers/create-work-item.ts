import { randomUUID } from 'node:crypto';
import {
  checkDate, checkDescription, checkEstimate, checkItemDates, checkItemType, checkLabels, checkPriority, checkStoryPoints, checkTitle,
} from '../../../shared/domain/validation.ts';
import type { Commands } from '../commands/parsers.ts';
import { fieldTypeKey } from '../../../shared/domain/custom-fields.ts';
import { invalidArgument } from '../../../shared/domain/errors.ts';
import { pluralTypeName } from '../../../shared/domain/item-types.ts';
import { ItemType, Role } from '../../../shared/proto.ts';
import { itemTypes, priorities } from '../storage/enums.ts';
import { setItemLabels } from '../storage/labels.ts';
import { takeItemNumber } from '../storage/projects.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import { insertWorkItem } from '../storage/work-items.ts';
import { projectAccess } from './access.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { planItemValues } from './custom-field-values.ts';
import { checkPullMode } from './pull-mode-guard.ts';
import { emitWorkItem, itemText } from './work-item-changes.ts';
import { lastRank, placedRank } from './work-item-rank.ts';
import { checkReferences, customTypeOf, firstStatusOf } from './work-item-refs.ts';

/** A new item's remaining estimate: as given, else its original estimate (nothing is done yet). */
function remainingAtCreation(cmd: Commands['createWorkItem']): number | null {
  if (cmd.remainingEstimateMinutes !== undefined) return checkEstimate(cmd.remainingEstimateMinutes, 'remaining_estimate_minutes');
  return cmd.originalEstimateMinutes === undefined ? null : checkEstimate(cmd.originalEstimateMinutes, 'original_estimate_minutes');
}

/** A new item lands where it was dropped, or at the bottom of the board. */
export function createWorkItem(ctx: WriteContext, cmd: Commands['createWorkItem']): ResultValue {
  const { project, role } = projectAccess(ctx, cmd.projectId, Role.ROLE_EDITOR);
  const { db } = ctx;
  checkPullMode(ctx, { project, role, item: null }, { kind: 'create', assigneeId: cmd.assigneeId });
  const customType = cmd.customTypeId ? customTypeOf(db, project.id, cmd.customTypeId) : null;
  // An item of the project's own type is a task on the wire (§6): TASK, or no type at all.
  const type = customType && !cmd.itemType ? ItemType.ITEM_TYPE_TASK : checkItemType(cmd.itemType);
  if (customType && type !== ItemType.ITEM_TYPE_TASK) {
    throw invalidArgument('item_type', `${pluralTypeName(customType.name)} are tasks on the wire: send item_type TASK (or none) with custom_type_id`);
  }
  const title = checkTitle(cmd.title);
  const description = checkDescription(cmd.description);
  const priority = checkPriority(cmd.priority);
  const storyPoints = cmd.storyPoints === undefined ? null : checkStoryPoints(cmd.storyPoints);
  const labels = checkLabels(cmd.labels);
  const startDate = checkDate(cmd.startDate, 'start_date');
  const dueDate = checkDate(cmd.dueDate, 'due_date');
  checkItemDates(startDate, dueDate);

  const draft: WorkItemRow = {
    id: randomUUID(),
    project_id: project.id,
    number: 0,
    key: '',
    item_type: itemTypes.toName(type),
    parent_id: cmd.parentId || null,
    title,
    description,
    status_id: cmd.statusId || firstStatusOf(db, project.id).id,
    priority: priorities.toName(priority),
    story_points: storyPoints,
    assignee_id: cmd.assigneeId || null,
    sprint_id: cmd.sprintId || null,
    rank: '',
    version: 1,
    created_at_ms: ctx.now,
    created_by: ctx.caller.userId,
    updated_at_ms: ctx.now,
    updated_by: ctx.caller.userId,
    deleted_at_ms: null,
    start_date: startDate || null,
    due_date: dueDate || null,
    original_estimate_minutes: cmd.originalEstimateMinutes === undefined ? null : checkEstimate(cmd.originalEstimateMinutes, 'original_estimate_minutes'),
    remaining_estimate_minutes: remainingAtCreation(cmd),
    logged_minutes: 0,
    custom_type_id: customType?.id ?? null,
  };
  checkReferences(db, draft, null, ctx.caller);
  // No history row per value: the item's `created` row stands for all it starts with, as for its labels.
  const values = planItemValues(db, {
    projectId: project.id, itemId: null, itemType: fieldTypeKey(draft.item_type, draft.custom_type_id), entries: cmd.customFields,
  });
  const rank = placedRank(db, project.id, cmd, null) ?? lastRank(db, project.id);

  const number = takeItemNumber(db, project.id);
  const row: WorkItemRow = { ...draft, number, key: `${project.key}-${number}`, rank };
  insertWorkItem(db, row);
  setItemLabels(db, project.id, row.id, labels);
  values.apply(db, row.id);
  const workItem = emitWorkItem(ctx, row, ['created'], [{ field: 'created', old: null, new: itemText(row) }]);
  return { workItem };
}
