// The event and history row of an attachment added or deleted: one event in
// the item's project, recorded on the item as `attachment` with the file's
// name (new when added, old when deleted), as a link is recorded.
import type { IAttachment } from '../../../shared/proto.ts';
import { toAttachment } from '../storage/attachments.ts';
import type { AttachmentRow } from '../storage/tables.ts';
import type { WriteContext } from './context.ts';

/** Emits the change; returns the attachment as sent. */
export function emitAttachment(ctx: WriteContext, row: AttachmentRow, removed: boolean): IAttachment {
  const attachment = toAttachment(row);
  ctx.emit({
    projectId: row.project_id,
    kind: 'work_item',
    entityId: row.work_item_id,
    workItemId: row.work_item_id,
    change: { attachment: { attachment, removed } },
    changedFields: ['attachment'],
    activity: [{ field: 'attachment', old: removed ? row.file_name : null, new: removed ? null : row.file_name }],
  });
  return attachment;
}
