import { isTenantAdmin } from '../../../shared/domain/permissions.ts';
import type { Commands } from '../commands/parsers.ts';
import { listProjects as listProjectRows, projectMessage } from '../storage/projects.ts';
import type { ReadContext, ResultValue } from './context.ts';

/** The caller's projects: all of them for workspace owners and admins; archived ones only when asked. */
export function listProjects(ctx: ReadContext, cmd: Commands['listProjects']): ResultValue {
  const rows = listProjectRows(ctx.db, isTenantAdmin(ctx.caller.tenantRole) ? null : ctx.caller.userId, cmd.includeArchived);
  return { projects: { projects: rows.map((row) => projectMessage(ctx.db, row)) } };
}
