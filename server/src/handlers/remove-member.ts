import type { Commands } from '../commands/parsers.ts';
import { deleteMember, memberMessage } from '../storage/members.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { checkNotLastAdmin, loadMember } from './member-access.ts';

export function removeMember(ctx: WriteContext, cmd: Commands['removeMember']): ResultValue {
  const current = loadMember(ctx, cmd.projectId, cmd.userId);
  checkNotLastAdmin(ctx, current, 'remove');

  // Read before the delete: the event shows who left, with their name.
  const member = memberMessage(ctx.db, current.project_id, current.user_id)!;
  deleteMember(ctx.db, current.project_id, current.user_id);
  ctx.emit({
    projectId: current.project_id,
    kind: 'member',
    entityId: current.user_id,
    workItemId: null,
    change: { member: { member, removed: true } },
    changedFields: ['deleted'],
    activity: [{ field: 'member_removed', old: current.role, new: null }],
  });
  return { ok: {} };
}
