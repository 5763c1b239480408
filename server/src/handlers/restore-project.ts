import { failedPrecondition } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import { updateProjectRow } from '../storage/projects.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitProject, loadProjectForAdmin } from './project-admin.ts';

/** Brings an archived project back: writable and listed again. */
export function restoreProject(ctx: WriteContext, cmd: Commands['restoreProject']): ResultValue {
  const current = loadProjectForAdmin(ctx, cmd, 'allowed');
  if (current.archived_at_ms === null) throw failedPrecondition(`Project ${current.key} is not archived`, 'project_id');
  const row = updateProjectRow(ctx.db, current.id, { archived_at_ms: null }, ctx.now);
  return { project: emitProject(ctx, row, [{ field: 'archived_at', old: String(current.archived_at_ms), new: null }]) };
}
