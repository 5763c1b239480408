import { changesNothing, planWorkflow, type CurrentStatus } from '../../../shared/domain/workflow.ts';
import type { Commands } from '../commands/parsers.ts';
import { recordActivity, type FieldChange } from '../storage/activity.ts';
import { statusCategories } from '../storage/enums.ts';
import { findProject, projectMessage, statusesOf, updateProjectRow } from '../storage/projects.ts';
import type { WorkflowStatusRow, WorkItemRow } from '../storage/tables.ts';
import { updateWorkItemRow } from '../storage/work-items.ts';
import { clearPositions, insertStatus, itemsInStatus, liveItemCount, markStatusRemoved, setStatusColumn } from '../storage/workflow.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitProject, loadProjectForAdmin } from './project-admin.ts';
import { diffColumns, emitWorkItem } from './work-item-changes.ts';

/**
 * Sets a project's whole workflow: statuses renamed, recategorised, reordered,
 * given WIP limits, added and removed. A removed status's items move to the
 * status named for them, each as an ordinary item change, all in this one
 * transaction: the board never shows an item in a column that is gone. The
 * project's own event comes last, with the new columns (§10).
 */
export function setWorkflow(ctx: WriteContext, cmd: Commands['setWorkflow']): ResultValue {
  const { db } = ctx;
  const project = loadProjectForAdmin(ctx, cmd, 'refused');
  const before = statusesOf(db, project.id);
  const plan = planWorkflow(before.map(currentStatus), cmd.statuses, cmd.removals, (id) => liveItemCount(db, project.id, id));
  if (changesNothing(plan)) return { project: projectMessage(db, project) };

  // Deleted items move too (a restored item must land in a column), but with
  // no event: nobody holds them on a board, and a changed-fields-only
  // subscriber would fetch its board again for an item it does not hold.
  const movedDeleted: Array<{ row: WorkItemRow; activity: FieldChange[] }> = [];
  for (const { status, moveTo } of plan.removed) {
    for (const item of itemsInStatus(db, project.id, status.id)) {
      const diff = diffColumns(item, { ...item, status_id: moveTo.id }, ['status_id']);
      const row = updateWorkItemRow(db, item, diff.columns, ctx.caller.userId, ctx.now);
      if (row.deleted_at_ms === null) emitWorkItem(ctx, row, diff.fields, diff.activity);
      else movedDeleted.push({ row, activity: diff.activity });
    }
  }

  // Positions in two steps: every column first leaves 0..n-1, then takes its
  // new place; a removed status keeps the negative place it was given.
  clearPositions(db, project.id, before.map((s) => s.id));
  for (const { status } of plan.removed) markStatusRemoved(db, status.id, ctx.now);
  for (const status of plan.statuses) {
    const column = { name: status.name, category: statusCategories.toName(status.category), wipLimit: status.wipLimit, position: status.position };
    if (status.id) setStatusColumn(db, status.id, column);
    else insertStatus(db, project.id, column);
  }

  const row = updateProjectRow(db, project.id, {}, ctx.now);
  const result = emitProject(ctx, row, [workflowChange(before.map(currentStatus), plan.statuses)]);
  // A deleted item's move is in its history all the same (reports walk it
  // back), recorded with the event that carried the change: the project's.
  const seq = findProject(db, project.id)!.last_event_seq;
  for (const { row: item, activity } of movedDeleted) {
    recordActivity(db, { projectId: project.id, entityType: 'work_item', entityId: item.id, workItemId: item.id }, activity, ctx.caller.userId, ctx.now, seq);
  }
  return { project: result };
}

function currentStatus(row: WorkflowStatusRow): CurrentStatus {
  return { id: row.id, name: row.name, category: statusCategories.fromName(row.category), position: row.position, wipLimit: row.wip_limit };
}

/**
 * The project's history row: the columns in board order, as a person reads
 * them ("Backlog, To Do, In Progress (WIP 3), Done"). When only categories
 * changed, that text would read the same before and after, so then each
 * column says its category too.
 */
function workflowChange(before: readonly CurrentStatus[], after: readonly CurrentStatus[]): FieldChange {
  const text = (statuses: readonly CurrentStatus[], withCategory: boolean) =>
    statuses.map((s) => {
      const notes = [
        ...(withCategory ? [statusCategories.toName(s.category).toLowerCase()] : []),
        ...(s.wipLimit > 0 ? [`WIP ${s.wipLimit}`] : []),
      ];
      return notes.length > 0 ? `${s.name} (${notes.join(', ')})` : s.name;
    }).join(', ');
  const plain = { field: 'workflow', old: text(before, false), new: text(after, false) };
  return plain.old !== plain.new ? plain : { field: 'workflow', old: text(before, true), new: text(after, true) };
}
