import { failedPrecondition } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import { liveSprintItems, markSprintDeleted } from '../storage/sprints.ts';
import { updateWorkItemRow, workItemMessage } from '../storage/work-items.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitSprint, loadSprint } from './sprint-access.ts';

/**
 * Deletes a sprint that has not started. Its items go to the backlog in the
 * same transaction, each with its own event, as complete_sprint moves them;
 * the sprint's event comes last. A started sprint is history: complete it.
 */
export function deleteSprint(ctx: WriteContext, cmd: Commands['deleteSprint']): ResultValue {
  const current = loadSprint(ctx, cmd.sprintId);
  if (current.state !== 'PLANNED') {
    throw failedPrecondition(`Only a sprint that has not started can be deleted; ${current.name} is ${current.state.toLowerCase()}`, 'sprint_id');
  }
  for (const row of liveSprintItems(ctx.db, current.id)) {
    const workItem = workItemMessage(ctx.db, updateWorkItemRow(ctx.db, row, { sprint_id: null }, ctx.caller.userId, ctx.now));
    ctx.emit({
      projectId: current.project_id,
      kind: 'work_item',
      entityId: row.id,
      workItemId: row.id,
      change: { workItem: { workItem, changedFields: ['sprint_id'] } },
      changedFields: ['sprint_id'],
      activity: [{ field: 'sprint_id', old: current.id, new: null }],
    });
  }
  markSprintDeleted(ctx.db, current.id, ctx.now);
  const deleted = { ...current, deleted_at_ms: ctx.now, version: current.version + 1, updated_at_ms: ctx.now };
  return { sprint: emitSprint(ctx, deleted, ['deleted'], [{ field: 'deleted', old: current.name, new: null }]) };
}
