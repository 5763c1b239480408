import { randomUUID } from 'node:crypto';
import {
  checkDate, checkDateRange, checkSprintGoal, checkSprintName,
} from '../../../shared/domain/validation.ts';
import type { Commands } from '../commands/parsers.ts';
import { Role } from '../../../shared/proto.ts';
import { insertSprint } from '../storage/sprints.ts';
import type { SprintRow } from '../storage/tables.ts';
import { projectAccess } from './access.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitSprint } from './sprint-access.ts';

export function createSprint(ctx: WriteContext, cmd: Commands['createSprint']): ResultValue {
  const name = checkSprintName(cmd.name);
  const goal = checkSprintGoal(cmd.goal);
  const startDate = checkDate(cmd.startDate, 'start_date');
  const endDate = checkDate(cmd.endDate, 'end_date');
  checkDateRange(startDate, endDate);
  const { project } = projectAccess(ctx, cmd.projectId, Role.ROLE_EDITOR);

  const row: SprintRow = {
    id: randomUUID(),
    project_id: project.id,
    name,
    goal,
    state: 'PLANNED',
    start_date: startDate,
    end_date: endDate,
    version: 1,
    created_at_ms: ctx.now,
    created_by: ctx.caller.userId,
    updated_at_ms: ctx.now,
    started_at_ms: null,
    completed_at_ms: null,
    deleted_at_ms: null,
  };
  insertSprint(ctx.db, row);
  return { sprint: emitSprint(ctx, row, ['created'], [{ field: 'created', old: null, new: name }]) };
}
