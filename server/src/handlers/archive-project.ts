import { failedPrecondition } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import { updateProjectRow } from '../storage/projects.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitProject, loadProjectForAdmin } from './project-admin.ts';

/** Makes a project read-only and takes it off the project list; restore_project undoes it. */
export function archiveProject(ctx: WriteContext, cmd: Commands['archiveProject']): ResultValue {
  const current = loadProjectForAdmin(ctx, cmd, 'allowed');
  if (current.archived_at_ms !== null) throw failedPrecondition(`Project ${current.key} is already archived`, 'project_id');
  const row = updateProjectRow(ctx.db, current.id, { archived_at_ms: ctx.now }, ctx.now);
  return { project: emitProject(ctx, row, [{ field: 'archived_at', old: null, new: String(ctx.now) }]) };
}
