import { notFound } from '../../../shared/domain/errors.ts';
import { Role } from '../../../shared/proto.ts';
import { findComment } from '../storage/comments.ts';
import { toComment } from '../storage/mappers.ts';
import type { CommentRow } from '../storage/tables.ts';
import type { FieldChange } from '../storage/activity.ts';
import type { IComment } from '../../../shared/proto.ts';
import type { ReadContext, WriteContext } from './context.ts';
import { checkVersion, workItemAccess, type WorkItemAccess } from './entity-access.ts';

export interface CommentAccess extends WorkItemAccess {
  comment: CommentRow;
}

/**
 * A live comment on a live item the caller may write to (EDITOR), at the
 * version they expect when `versioned` is given. A deleted comment is
 * NOT_FOUND: it is gone from every list a client sees.
 */
export function loadComment(
  ctx: ReadContext,
  commentId: string,
  versioned?: { expectedVersion: number },
): CommentAccess {
  const comment = findComment(ctx.db, commentId);
  if (!comment || comment.deleted_at_ms !== null) throw notFound('Comment', 'comment_id');
  const access = workItemAccess(ctx, comment.work_item_id, Role.ROLE_EDITOR, true, {
    what: 'Comment',
    field: 'comment_id',
  });
  if (versioned) {
    checkVersion(versioned.expectedVersion, comment.version, 'The comment', () => ({ comment: toComment(comment) }));
  }
  return { ...access, comment };
}

/** Emits a comment's event, in its work item's history; returns the comment as sent. */
export function emitComment(
  ctx: WriteContext,
  projectId: string,
  row: CommentRow,
  changedFields: string[],
  activity: readonly FieldChange[],
): IComment {
  const comment = toComment(row);
  ctx.emit({
    projectId,
    kind: 'comment',
    entityId: row.id,
    workItemId: row.work_item_id,
    change: { comment: { comment } },
    changedFields,
    activity,
  });
  return comment;
}
