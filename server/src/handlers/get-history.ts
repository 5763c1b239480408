import type { Commands } from '../commands/parsers.ts';
import { Role } from '../../../shared/proto.ts';
import { historyOf } from '../storage/activity.ts';
import type { ReadContext, ResultValue } from './context.ts';
import { workItemAccess } from './entity-access.ts';

/** A deleted item's history stays readable, so it can be understood before a restore. */
export function getHistory(ctx: ReadContext, cmd: Commands['getHistory']): ResultValue {
  const { item } = workItemAccess(ctx, cmd.workItemId, Role.ROLE_VIEWER, false);
  return { history: { entries: historyOf(ctx.db, item.id) } };
}
