import type { Commands } from '../commands/parsers.ts';
import { roles } from '../storage/enums.ts';
import { memberMessage, setMemberRole } from '../storage/members.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { checkAssignableRole, checkNotLastAdmin, loadMember } from './member-access.ts';

export function changeMemberRole(ctx: WriteContext, cmd: Commands['changeMemberRole']): ResultValue {
  const role = roles.toName(checkAssignableRole(cmd.role));
  const current = loadMember(ctx, cmd.projectId, cmd.userId);
  if (role === current.role) return { member: memberMessage(ctx.db, current.project_id, current.user_id)! };
  if (role !== 'ADMIN') checkNotLastAdmin(ctx, current, 'demote');

  setMemberRole(ctx.db, current.project_id, current.user_id, role);
  const member = memberMessage(ctx.db, current.project_id, current.user_id)!;
  ctx.emit({
    projectId: current.project_id,
    kind: 'member',
    entityId: current.user_id,
    workItemId: null,
    change: { member: { member } },
    changedFields: ['role'],
    activity: [{ field: 'role', old: current.role, new: role }],
  });
  return { member };
}
