// Who may do what in a project. A project the caller cannot see is NOT_FOUND,
// exactly like one that does not exist, so ids never leak across teams.
import { effectiveRole, requireRole } from '../../../shared/domain/permissions.ts';
import { notFound } from '../../../shared/domain/errors.ts';
import type { Role } from '../../../shared/proto.ts';
import { memberRole } from '../storage/members.ts';
import { findProject } from '../storage/projects.ts';
import type { ProjectRow } from '../storage/tables.ts';
import type { ReadContext } from './context.ts';

export interface ProjectAccess {
  project: ProjectRow;
  role: Role;
}

/** `projectId` is checked already: by the command's parser (commands/parsers.ts), or read from the file. */
export function projectAccess(ctx: ReadContext, projectId: string, needed: Role, field = 'project_id'): ProjectAccess {
  const project = findProject(ctx.db, projectId);
  const role = project ? effectiveRole(ctx.caller.tenantRole, memberRole(ctx.db, project.id, ctx.caller.userId)) : null;
  if (!project || role === null) throw notFound('Project', field);
  requireRole(role, needed);
  return { project, role };
}
