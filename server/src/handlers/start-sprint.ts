import { failedPrecondition } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import { activeSprint, updateSprintRow } from '../storage/sprints.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitSprint, loadSprint } from './sprint-access.ts';

export function startSprint(ctx: WriteContext, cmd: Commands['startSprint']): ResultValue {
  const current = loadSprint(ctx, cmd.sprintId);
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

  const row = updateSprintRow(ctx.db, current.id, { state: 'ACTIVE', started_at_ms: ctx.now }, ctx.now);
  return {
    sprint: emitSprint(ctx, row, ['state', 'started_at'], [{ field: 'state', old: current.state, new: 'ACTIVE' }]),
  };
}
