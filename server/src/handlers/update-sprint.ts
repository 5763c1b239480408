import { failedPrecondition } from '../../../shared/domain/errors.ts';
import {
  checkDate, checkDateRange, checkSprintGoal, checkSprintName,
} from '../../../shared/domain/validation.ts';
import type { Commands } from '../commands/parsers.ts';
import type { FieldChange } from '../storage/activity.ts';
import { sprintMessage, updateSprintRow } from '../storage/sprints.ts';
import type { SprintRow } from '../storage/tables.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitSprint, loadSprint } from './sprint-access.ts';

type EditableColumn = 'name' | 'goal' | 'start_date' | 'end_date';

/** Sets only the fields the command carries; a completed sprint is history and stays as it was. */
export function updateSprint(ctx: WriteContext, cmd: Commands['updateSprint']): ResultValue {
  const wanted: Partial<Pick<SprintRow, EditableColumn>> = {};
  if (cmd.name !== undefined) wanted.name = checkSprintName(cmd.name);
  if (cmd.goal !== undefined) wanted.goal = checkSprintGoal(cmd.goal);
  if (cmd.startDate !== undefined) wanted.start_date = checkDate(cmd.startDate, 'start_date');
  if (cmd.endDate !== undefined) wanted.end_date = checkDate(cmd.endDate, 'end_date');

  const current = loadSprint(ctx, cmd.sprintId, { expectedVersion: cmd.expectedVersion });
  if (current.state === 'COMPLETED') throw failedPrecondition('A completed sprint cannot be changed', 'sprint_id');
  checkDateRange(wanted.start_date ?? current.start_date, wanted.end_date ?? current.end_date);

  const changes: Partial<Pick<SprintRow, EditableColumn>> = {};
  const activity: FieldChange[] = [];
  for (const column of ['name', 'goal', 'start_date', 'end_date'] as const) {
    const value = wanted[column];
    if (value === undefined || value === current[column]) continue;
    changes[column] = value;
    activity.push({ field: column, old: current[column], new: value });
  }
  if (activity.length === 0) return { sprint: sprintMessage(ctx.db, current) };

  const row = updateSprintRow(ctx.db, current.id, changes, ctx.now);
  return { sprint: emitSprint(ctx, row, activity.map((a) => a.field), activity) };
}
