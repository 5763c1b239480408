import { failedPrecondition, notFound } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import { Role } from '../../../shared/proto.ts';
import { roles } from '../storage/enums.ts';
import { findMember, memberMessage, putMember } from '../storage/members.ts';
import { findUser } from '../storage/users.ts';
import { projectAccess } from './access.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { checkAssignableRole } from './member-access.ts';

/** Only users this workspace has seen can join: they must have signed in once. */
export function addMember(ctx: WriteContext, cmd: Commands['addMember']): ResultValue {
  const { userId } = cmd;
  const role = roles.toName(checkAssignableRole(cmd.role));
  const { project } = projectAccess(ctx, cmd.projectId, Role.ROLE_ADMIN);
  if (!findUser(ctx.db, userId)) throw notFound('User', 'user_id');
  if (findMember(ctx.db, project.id, userId)) {
    throw failedPrecondition('This user is already a member; change their role instead', 'user_id');
  }

  putMember(ctx.db, {
    project_id: project.id,
    user_id: userId,
    role,
    added_at_ms: ctx.now,
    added_by: ctx.caller.userId,
  });
  const member = memberMessage(ctx.db, project.id, userId)!;
  ctx.emit({
    projectId: project.id,
    kind: 'member',
    entityId: userId,
    workItemId: null,
    change: { member: { member } },
    changedFields: ['created'],
    activity: [{ field: 'member_added', old: null, new: role }],
  });
  return { member };
}
