import type { Commands } from '../commands/parsers.ts';
import { listUsers as listUserRows } from '../storage/users.ts';
import type { ReadContext, ResultValue } from './context.ts';

/**
 * The workspace's people, for picking an assignee or a new project member.
 * Any workspace user may see who else is in it, as in Jira and Linear.
 */
export function listUsers(ctx: ReadContext, _cmd: Commands['listUsers']): ResultValue {
  return {
    users: {
      users: listUserRows(ctx.db).map((u) => ({
        id: u.id,
        displayName: u.display_name,
        email: u.email,
        tenantRole: u.tenant_role,
      })),
    },
  };
}
