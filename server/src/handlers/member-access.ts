import { failedPrecondition, invalidArgument, notFound } from '../../../shared/domain/errors.ts';
import { isAssignableRole } from '../../../shared/domain/permissions.ts';
import { Role } from '../../../shared/proto.ts';
import { countAdmins, findMember } from '../storage/members.ts';
import type { ProjectMemberRow } from '../storage/tables.ts';
import { projectAccess } from './access.ts';
import type { ReadContext } from './context.ts';

export function checkAssignableRole(role: Role | null | undefined): Role {
  if (!isAssignableRole(role)) throw invalidArgument('role', 'Choose a role: viewer, editor or admin');
  return role;
}

/** An existing membership of a project whose members the caller manages (ADMIN). */
export function loadMember(ctx: ReadContext, projectId: string, userId: string): ProjectMemberRow {
  const { project } = projectAccess(ctx, projectId, Role.ROLE_ADMIN);
  const member = findMember(ctx.db, project.id, userId);
  if (!member) throw notFound('Member', 'user_id');
  return member;
}

/** A project always keeps a member who can manage it, whatever the workspace admins do. */
export function checkNotLastAdmin(ctx: ReadContext, member: ProjectMemberRow, action: string): void {
  if (member.role === 'ADMIN' && countAdmins(ctx.db, member.project_id) <= 1) {
    throw failedPrecondition(`Cannot ${action} the project's last admin; make someone else an admin first`, 'user_id');
  }
}
