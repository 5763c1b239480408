import { checkCapacity, memberHours, workingDays } from '../../../shared/domain/capacity.ts';
import { invalidArgument } from '../../../shared/domain/errors.ts';
import type { IMemberCapacity } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { memberRole, membersOf } from '../storage/members.ts';
import { replaceSprintCapacity, sprintMessage, updateSprintRow } from '../storage/sprints.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitSprint, loadSprint } from './sprint-access.ts';

/** How the history names an availability list: "Ada 2 days off, 80 % of 8 h (51 h)". */
function describe(names: ReadonlyMap<string, string>, members: readonly IMemberCapacity[], days: number): string {
  return members
    .map((m) => `${names.get(m.userId ?? '') ?? m.userId} ${m.daysOff} days off, ${m.focusPercent} % of ${m.hoursPerDay} h (${Math.round(memberHours(m, days))} h)`)
    .join('; ');
}

/**
 * Replaces the sprint's availability list (an editor, against the sprint's
 * version): stored, audited and sent like the sprint's other fields.
 */
export function setSprintCapacity(ctx: WriteContext, cmd: Commands['setSprintCapacity']): ResultValue {
  const sprint = loadSprint(ctx, cmd.sprintId, { expectedVersion: cmd.expectedVersion });
  const members = checkCapacity(cmd.members);
  for (const m of members) {
    if (memberRole(ctx.db, sprint.project_id, m.userId ?? '') === null) throw invalidArgument('members', 'Availability is for members of the project');
  }
  const before = sprintMessage(ctx.db, sprint).capacity ?? [];
  const days = workingDays(sprint.start_date, sprint.end_date);
  const names = new Map(membersOf(ctx.db, sprint.project_id).map((m) => [m.userId ?? '', m.displayName ?? '']));
  replaceSprintCapacity(ctx.db, sprint.id, members);
  const row = updateSprintRow(ctx.db, sprint.id, {}, ctx.now);
  return { sprint: emitSprint(ctx, row, ['capacity'], [{ field: 'capacity', old: describe(names, before, days) || null, new: describe(names, members, days) || null }]) };
}
