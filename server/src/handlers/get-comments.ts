import type { Commands } from '../commands/parsers.ts';
import { Role } from '../../../shared/proto.ts';
import { liveCommentsOf } from '../storage/comments.ts';
import type { ReadContext, ResultValue } from './context.ts';
import { workItemAccess } from './entity-access.ts';

export function getComments(ctx: ReadContext, cmd: Commands['getComments']): ResultValue {
  const { item } = workItemAccess(ctx, cmd.workItemId, Role.ROLE_VIEWER, false);
  return { comments: { comments: liveCommentsOf(ctx.db, item.id) } };
}
