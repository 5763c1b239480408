// Who may do what in a project. A project the caller cannot see is NOT_FOUND,
// exactly like one that does not exist, so ids never leak across teams; so is
// a deleted one. An archived project is read-only.
import { atLeast, effectiveRole, requireRole } from '../../../shared/domain/permissions.ts';
import { failedPrecondition, notFound } from '../../../shared/domain/errors.ts';
import { Role } from '../../../shared/proto.ts';
import { memberRole } from '../storage/members.ts';
import { findProject } from '../storage/projects.ts';
import type { ProjectRow } from '../storage/tables.ts';
import type { ReadContext } from './context.ts';

export interface ProjectAccess {
  project: ProjectRow;
  role: Role;
}

/**
 * `projectId` is checked already: by the command's parser (commands/parsers.ts), or read from the file.
 * Every write needs EDITOR or more, so refusing those here refuses every write
 * to an archived project, whichever entity it reaches the project through;
 * `whenArchived: 'allowed'` is for the writes that act on the archive itself.
 */
export function projectAccess(
  ctx: ReadContext,
  projectId: string,
  needed: Role,
  field = 'project_id',
  whenArchived: 'refused' | 'allowed' = 'refused',
): ProjectAccess {
  const project = findProject(ctx.db, projectId);
  const role = project ? effectiveRole(ctx.caller.tenantRole, memberRole(ctx.db, project.id, ctx.caller.userId)) : null;
  if (!project || role === null) throw notFound('Project', field);
  requireRole(role, needed);
  if (project.archived_at_ms !== null && whenArchived === 'refused' && atLeast(needed, Role.ROLE_EDITOR)) {
    throw failedPrecondition(`Project ${project.key} is archived, so it is read-only; an admin can restore it in its settings`, field);
  }
  return { project, role };
}
