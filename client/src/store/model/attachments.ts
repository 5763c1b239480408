// One item's attachments as the server has them: list_attachments' answer,
// then attachment events (anyone's upload or delete, ours too: an upload is
// HTTP, so its event is the only word the socket gets of it) and the Results
// of our deletes; the list a person sees has our unanswered deletes taken off.
import type { IAttachment, IEvent } from '../../../../shared/proto.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';

export type ItemAttachment = IAttachment & { id: string };

export type AttachmentsById = ReadonlyMap<string, ItemAttachment>;

/** A delete sent and not yet answered: the attachment is hidden meanwhile. */
export interface AttachmentDeleteOp {
  messageId: string;
  id: string;
}

const isDeleted = (a: IAttachment) => Number(a.deletedAtMs ?? 0) > 0;

export function fromAttachments(list: readonly IAttachment[]): AttachmentsById {
  return new Map(list.filter((a) => a.id && !isDeleted(a)).map((a) => [a.id!, { ...a, id: a.id! }]));
}

/** One attachment as the server now has it, when it is on item `itemId`: added, or gone once deleted. */
export function applyAttachment(confirmed: AttachmentsById, attachment: IAttachment, itemId: string): AttachmentsById {
  const id = attachment.id;
  if (!id || attachment.workItemId !== itemId) return confirmed;
  if (isDeleted(attachment) ? !confirmed.has(id) : confirmed.has(id)) return confirmed;
  const next = new Map(confirmed);
  if (isDeleted(attachment)) next.delete(id);
  else next.set(id, { ...attachment, id });
  return next;
}

export const attachmentsReducer = {
  event: (confirmed: AttachmentsById, event: IEvent, itemId: string): AttachmentsById =>
    event.attachment?.attachment ? applyAttachment(confirmed, event.attachment.attachment, itemId) : confirmed,
  reply: (confirmed: AttachmentsById, reply: Reply, itemId: string): AttachmentsById =>
    reply.ok && reply.result.attachment ? applyAttachment(confirmed, reply.result.attachment, itemId) : confirmed,
};

/** Oldest first, our unanswered deletes left out. */
export function attachmentView(confirmed: AttachmentsById, deletes: readonly AttachmentDeleteOp[]): ItemAttachment[] {
  const hidden = new Set(deletes.map((op) => op.id));
  return [...confirmed.values()]
    .filter((a) => !hidden.has(a.id))
    .sort((a, b) => Number(a.uploadedAtMs ?? 0) - Number(b.uploadedAtMs ?? 0) || (a.id < b.id ? -1 : 1));
}
