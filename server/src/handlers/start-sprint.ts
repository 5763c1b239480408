import { failedPrecondition } from '../../../shared/domain/errors.ts';
import type { tandem } from '../../../shared/gen/tandem.js';
import { toSprint } from '../storage/mappers.ts';
import { activeSprint, updateSprintRow } from '../storage/sprints.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { loadSprint } from './sprint-access.ts';

export function startSprint(ctx: WriteContext, cmd: tandem.v1.IStartSprint): ResultValue {
  const current = loadSprint(ctx, cmd.sprintId ?? '');
  if (current.state !== 'PLANNED') {
    throw failedPrecondition(
      `Only a planned sprint can start; ${current.name} is ${current.state.toLowerCase()}`,
      'sprint_id',
    );
  }
  const running = activeSprint(ctx.db, current.project_id);
  if (running) {
    throw failedPrecondition(`A project has one active sprint: complete ${running.name} first`, 'sprint_id');
  }

  const sprint = toSprint(updateSprintRow(ctx.db, current.id, { state: 'ACTIVE', started_at_ms: ctx.now }, ctx.now));
  const changedFields = ['state', 'started_at'];
  ctx.emit({
    projectId: current.project_id,
    kind: 'sprint',
    entityId: current.id,
    workItemId: null,
    change: { sprint: { sprint, changedFields } },
    changedFields,
    activity: [{ field: 'state', old: current.state, new: 'ACTIVE' }],
  });
  return { sprint };
}
