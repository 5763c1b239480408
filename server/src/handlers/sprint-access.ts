import { notFound } from '../../../shared/domain/errors.ts';
import { Role } from '../../../shared/proto.ts';
import { findSprint, sprintMessage } from '../storage/sprints.ts';
import type { SprintRow } from '../storage/tables.ts';
import type { FieldChange } from '../storage/activity.ts';
import type { ISprint } from '../../../shared/proto.ts';
import type { ReadContext, WriteContext } from './context.ts';
import { checkVersion, entityAccess } from './entity-access.ts';

/** A sprint the caller may change (EDITOR), at the version they expect when `versioned` is given. */
export function loadSprint(
  ctx: ReadContext,
  sprintId: string,
  versioned?: { expectedVersion: number },
): SprintRow {
  const sprint = findSprint(ctx.db, sprintId);
  if (!sprint) throw notFound('Sprint', 'sprint_id');
  entityAccess(ctx, sprint.project_id, Role.ROLE_EDITOR, 'Sprint', 'sprint_id');
  if (versioned) {
    checkVersion(versioned.expectedVersion, sprint.version, `Sprint ${sprint.name}`, () => ({
      sprint: sprintMessage(ctx.db, sprint),
    }));
  }
  return sprint;
}

/** Emits a sprint's event with its audit rows; returns the sprint as sent. */
export function emitSprint(
  ctx: WriteContext,
  row: SprintRow,
  changedFields: string[],
  activity: readonly FieldChange[],
): ISprint {
  const sprint = sprintMessage(ctx.db, row);
  ctx.emit({
    projectId: row.project_id,
    kind: 'sprint',
    entityId: row.id,
    workItemId: null,
    change: { sprint: { sprint, changedFields } },
    changedFields,
    activity,
  });
  return sprint;
}
