import { permissionDenied } from '../../../shared/domain/errors.ts';
import { atLeast } from '../../../shared/domain/permissions.ts';
import type { Commands } from '../commands/parsers.ts';
import { Role } from '../../../shared/proto.ts';
import { updateCommentRow } from '../storage/comments.ts';
import { emitComment, loadComment } from './comment-access.ts';
import type { ResultValue, WriteContext } from './context.ts';

/** Soft delete: the author may take back their words, a project admin may moderate. */
export function deleteComment(ctx: WriteContext, cmd: Commands['deleteComment']): ResultValue {
  const { item, role, comment: current } = loadComment(ctx, cmd.commentId);
  if (current.author_id !== ctx.caller.userId && !atLeast(role, Role.ROLE_ADMIN)) {
    throw permissionDenied('Only its author or a project admin can delete a comment');
  }

  const row = updateCommentRow(ctx.db, current.id, { deleted_at_ms: ctx.now });
  return {
    comment: emitComment(ctx, item.project_id, row, ['deleted'], [{ field: 'comment_deleted', old: current.body, new: null }]),
  };
}
