// One item's comments as the server has them, the reducer that keeps them
// (comment events, the Results of our comment writes, the current version a
// refusal carries), and the list a person sees with our unanswered writes on it.
import type { IComment, IEvent } from '../../../../shared/proto.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';

export type ItemComment = IComment & { id: string; pending?: boolean };

export type CommentsById = ReadonlyMap<string, ItemComment>;

export type CommentOp =
  | { kind: 'add'; messageId: string; comment: ItemComment }
  | { kind: 'edit'; messageId: string; id: string; body: string }
  | { kind: 'delete'; messageId: string; id: string };

const isDeleted = (c: IComment) => Number(c.deletedAt ?? 0) > 0;

/** get_comments' answer. */
export function fromComments(list: readonly IComment[]): CommentsById {
  return new Map(list.filter((c) => !isDeleted(c)).map((c) => [c.id ?? '', { ...c, id: c.id ?? '' }]));
}

/** One comment as the server now has it, when it is on item `itemId`; an older version than the one held is ignored. */
export function applyComment(confirmed: CommentsById, comment: IComment, itemId: string): CommentsById {
  const id = comment.id;
  if (!id || comment.workItemId !== itemId) return confirmed;
  const known = confirmed.get(id);
  if (known && Number(known.version ?? 0) > Number(comment.version ?? 0)) return confirmed;
  const next = new Map(confirmed);
  if (isDeleted(comment)) next.delete(id);
  else next.set(id, { ...comment, id });
  return next;
}

export const commentsReducer = {
  event: (confirmed: CommentsById, event: IEvent, itemId: string): CommentsById =>
    event.comment?.comment ? applyComment(confirmed, event.comment.comment, itemId) : confirmed,
  reply(confirmed: CommentsById, reply: Reply, itemId: string): CommentsById {
    const comment = reply.ok ? reply.result.comment : reply.error.current && 'comment' in reply.error.current ? reply.error.current.comment : null;
    return comment ? applyComment(confirmed, comment, itemId) : confirmed;
  },
};

/** The comments a person sees, oldest first, with our unanswered writes laid on them. */
export function commentView(confirmed: CommentsById, ops: readonly CommentOp[]): ItemComment[] {
  const view = new Map(confirmed);
  for (const op of ops) {
    if (op.kind === 'add') view.set(op.comment.id, op.comment);
    else if (op.kind === 'edit') {
      const c = view.get(op.id);
      if (c) view.set(op.id, { ...c, body: op.body, pending: true });
    } else view.delete(op.id);
  }
  return [...view.values()].sort((a, b) => Number(a.createdAt ?? 0) - Number(b.createdAt ?? 0) || (a.id < b.id ? -1 : 1));
}
