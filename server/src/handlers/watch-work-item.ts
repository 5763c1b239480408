import { Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { watch } from '../storage/notifications.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { workItemAccess } from './entity-access.ts';

/** Anyone who can read an item may watch it. */
export function watchWorkItem(ctx: WriteContext, cmd: Commands['watchWorkItem']): ResultValue {
  const { item } = workItemAccess(ctx, cmd.workItemId, Role.ROLE_VIEWER, true);
  watch(ctx.db, item.id, ctx.caller.userId, ctx.now);
  return { watch: { workItemId: item.id, watching: true } };
}
