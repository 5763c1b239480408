import { permissionDenied } from '../../../shared/domain/errors.ts';
import { checkCommentBody } from '../../../shared/domain/validation.ts';
import type { Commands } from '../commands/parsers.ts';
import { updateCommentRow } from '../storage/comments.ts';
import { toComment } from '../storage/mappers.ts';
import { emitComment, loadComment } from './comment-access.ts';
import type { ResultValue, WriteContext } from './context.ts';

/** Only the author may reword a comment: nobody else may put words in their mouth. */
export function editComment(ctx: WriteContext, cmd: Commands['editComment']): ResultValue {
  const body = checkCommentBody(cmd.body);
  const { item, comment: current } = loadComment(ctx, cmd.commentId, { expectedVersion: cmd.expectedVersion });
  if (current.author_id !== ctx.caller.userId) throw permissionDenied('Only its author can edit a comment');
  if (body === current.body) return { comment: toComment(current) };

  const row = updateCommentRow(ctx.db, current.id, { body, edited_at_ms: ctx.now });
  return {
    comment: emitComment(ctx, item.project_id, row, ['body'], [{ field: 'comment_edited', old: current.body, new: body }]),
  };
}
