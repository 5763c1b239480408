import { Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { isWatching } from '../storage/notifications.ts';
import { workItemMessage } from '../storage/work-items.ts';
import type { ReadContext, ResultValue } from './context.ts';
import { workItemAccess } from './entity-access.ts';

/**
 * One whole item, its description included: the board's cards come without
 * descriptions (GetBoard.omit_descriptions), so the item panel asks here. A
 * deleted item is still answered, as its history is, so the Trash can show it.
 * `watching` says whether the caller watches it (only here: it is per person).
 */
export function getWorkItem(ctx: ReadContext, cmd: Commands['getWorkItem']): ResultValue {
  return ctx.db.readTransaction(() => {
    const { item } = workItemAccess(ctx, cmd.workItemId, Role.ROLE_VIEWER, false);
    return { workItem: { ...workItemMessage(ctx.db, item), watching: isWatching(ctx.db, item.id, ctx.caller.userId) } };
  });
}
