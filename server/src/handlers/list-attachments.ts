import { Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { attachmentsOf, toAttachment } from '../storage/attachments.ts';
import type { ReadContext, ResultValue } from './context.ts';
import { workItemAccess } from './entity-access.ts';

/** An item's live attachments, oldest first; a deleted item's too, as its history stays readable. */
export function listAttachments(ctx: ReadContext, cmd: Commands['listAttachments']): ResultValue {
  workItemAccess(ctx, cmd.workItemId, Role.ROLE_VIEWER, false);
  return { attachments: { attachments: attachmentsOf(ctx.db, cmd.workItemId).map(toAttachment) } };
}
