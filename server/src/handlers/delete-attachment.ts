import { notFound } from '../../../shared/domain/errors.ts';
import { Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { deleteAttachmentRow, findAttachment } from '../storage/attachments.ts';
import { emitAttachment } from './attachment-changes.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { workItemAccess } from './entity-access.ts';

const ATTACHMENT = { what: 'Attachment', field: 'attachment_id' };

/**
 * Takes an attachment off its item; any editor of the project may. Nothing
 * else changes an attachment, so no expected_version: a second delete finds
 * nothing (NOT_FOUND), a resent one gets its first reply. The bytes stay
 * until no live attachment holds them (attachments/ removes them later).
 */
export function deleteAttachment(ctx: WriteContext, cmd: Commands['deleteAttachment']): ResultValue {
  const row = findAttachment(ctx.db, cmd.attachmentId);
  if (!row || row.deleted_at_ms !== null) throw notFound(ATTACHMENT.what, ATTACHMENT.field);
  workItemAccess(ctx, row.work_item_id, Role.ROLE_EDITOR, true, ATTACHMENT);
  deleteAttachmentRow(ctx.db, row.id, ctx.now);
  return { attachment: emitAttachment(ctx, { ...row, deleted_at_ms: ctx.now }, true) };
}
