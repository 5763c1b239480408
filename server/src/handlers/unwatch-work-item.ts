import { Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { unwatch } from '../storage/notifications.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { workItemAccess } from './entity-access.ts';

export function unwatchWorkItem(ctx: WriteContext, cmd: Commands['unwatchWorkItem']): ResultValue {
  const { item } = workItemAccess(ctx, cmd.workItemId, Role.ROLE_VIEWER, false);
  unwatch(ctx.db, item.id, ctx.caller.userId);
  return { watch: { workItemId: item.id, watching: false } };
}
