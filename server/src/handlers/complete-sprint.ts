import { failedPrecondition, notFound } from '../../../shared/domain/errors.ts';
import { isFinished } from '../../../shared/domain/workflow.ts';
import type { Commands } from '../commands/parsers.ts';
import { statusCategories } from '../storage/enums.ts';
import { findSprint, liveSprintItems, updateSprintRow } from '../storage/sprints.ts';
import type { SprintRow } from '../storage/tables.ts';
import { updateWorkItemRow, workItemMessage } from '../storage/work-items.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitSprint, loadSprint } from './sprint-access.ts';

/**
 * Closes the active sprint. Finished work stays in it as its record; the rest
 * carries on in the next sprint, or in the backlog when none is named. Each
 * moved item gets its own event, so boards update item by item as usual.
 */
export function completeSprint(ctx: WriteContext, cmd: Commands['completeSprint']): ResultValue {
  const current = loadSprint(ctx, cmd.sprintId);
  if (current.state !== 'ACTIVE') {
    throw failedPrecondition(
      `Only the active sprint can be completed; ${current.name} is ${current.state.toLowerCase()}`,
      'sprint_id',
    );
  }
  const next = cmd.nextSprintId ? nextSprint(ctx, current, cmd.nextSprintId) : null;

  for (const row of liveSprintItems(ctx.db, current.id)) {
    if (isFinished(statusCategories.fromName(row.category))) continue;
    const workItem = workItemMessage(
      ctx.db,
      updateWorkItemRow(ctx.db, row, { sprint_id: next?.id ?? null }, ctx.caller.userId, ctx.now),
    );
    ctx.emit({
      projectId: current.project_id,
      kind: 'work_item',
      entityId: row.id,
      workItemId: row.id,
      change: { workItem: { workItem, changedFields: ['sprint_id'] } },
      changedFields: ['sprint_id'],
      activity: [{ field: 'sprint_id', old: current.id, new: next?.id ?? null }],
    });
  }

  const row = updateSprintRow(ctx.db, current.id, { state: 'COMPLETED', completed_at_ms: ctx.now }, ctx.now);
  return {
    sprint: emitSprint(ctx, row, ['state', 'completed_at'], [{ field: 'state', old: current.state, new: 'COMPLETED' }]),
  };
}

/** Where unfinished work goes: another sprint of the same project that is not over. */
function nextSprint(ctx: WriteContext, completing: SprintRow, nextSprintId: string): SprintRow {
  const next = findSprint(ctx.db, nextSprintId);
  if (!next || next.project_id !== completing.project_id) throw notFound('Sprint', 'next_sprint_id');
  if (next.id === completing.id) {
    throw failedPrecondition('Unfinished work cannot move to the sprint being completed', 'next_sprint_id');
  }
  if (next.state === 'COMPLETED') {
    throw failedPrecondition(`${next.name} is already completed; choose a planned sprint`, 'next_sprint_id');
  }
  return next;
}
