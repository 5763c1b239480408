// What the project settings commands share: an admin's access at the version
// they saw, and the one event (with its audit rows) each change makes.
import type { IProject } from '../../../shared/proto.ts';
import { Role } from '../../../shared/proto.ts';
import type { FieldChange } from '../storage/activity.ts';
import { projectMessage } from '../storage/projects.ts';
import type { ProjectRow } from '../storage/tables.ts';
import { projectAccess } from './access.ts';
import type { WriteContext } from './context.ts';
import { checkVersion } from './entity-access.ts';

/** The project, for an ADMIN who expects its current version. */
export function loadProjectForAdmin(
  ctx: WriteContext,
  cmd: { projectId: string; expectedVersion: number },
  whenArchived: 'refused' | 'allowed',
): ProjectRow {
  const { project } = projectAccess(ctx, cmd.projectId, Role.ROLE_ADMIN, 'project_id', whenArchived);
  checkVersion(cmd.expectedVersion, project.version, `Project ${project.key}`, () => ({ project: projectMessage(ctx.db, project) }));
  return project;
}

/** Emits the project's event, to every open board of it; returns the project as sent. */
export function emitProject(ctx: WriteContext, row: ProjectRow, activity: readonly FieldChange[]): IProject {
  const project = projectMessage(ctx.db, row);
  const changedFields = activity.map((a) => a.field);
  ctx.emit({
    projectId: row.id,
    kind: 'project',
    entityId: row.id,
    workItemId: null,
    change: { project: { project } },
    changedFields,
    activity,
  });
  return project;
}
