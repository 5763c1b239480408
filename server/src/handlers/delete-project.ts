import { invalidArgument } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import { updateProjectRow } from '../storage/projects.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitProject, loadProjectForAdmin } from './project-admin.ts';

/**
 * Deletes a project, live or archived: from now on it is NOT_FOUND to every
 * read and write. Only marked, so its rows stay for the retention period
 * (docs/PROTOCOL.md §6), after which the housekeeping purges them
 * (storage/project-purge.ts). The typed key guards against deleting the wrong one.
 */
export function deleteProject(ctx: WriteContext, cmd: Commands['deleteProject']): ResultValue {
  const current = loadProjectForAdmin(ctx, cmd, 'allowed');
  if (cmd.confirmKey.trim() !== current.key) {
    throw invalidArgument('confirm_key', `Type the project's key, ${current.key}, to delete it`);
  }
  const row = updateProjectRow(ctx.db, current.id, { deleted_at_ms: ctx.now }, ctx.now);
  return { project: emitProject(ctx, row, [{ field: 'deleted_at', old: null, new: String(ctx.now) }]) };
}
