import { permissionDenied } from '../../../shared/domain/errors.ts';
import { checkCommentBody } from '../../../shared/domain/validation.ts';
import type { tandem } from '../../../shared/gen/tandem.js';
import { updateCommentRow } from '../storage/comments.ts';
import { toComment } from '../storage/mappers.ts';
import { loadComment } from './comment-access.ts';
import type { ResultValue, WriteContext } from './context.ts';

/** Only the author may reword a comment: nobody else may put words in their mouth. */
export function editComment(ctx: WriteContext, cmd: tandem.v1.IEditComment): ResultValue {
  const body = checkCommentBody(cmd.body ?? '');
  const { item, comment: current } = loadComment(ctx, cmd.commentId ?? '', { expectedVersion: cmd.expectedVersion });
  if (current.author_id !== ctx.caller.userId) throw permissionDenied('Only its author can edit a comment');
  if (body === current.body) return { comment: toComment(current) };

  const comment = toComment(updateCommentRow(ctx.db, current.id, { body, edited_at_ms: ctx.now }));
  ctx.emit({
    projectId: item.project_id,
    kind: 'comment',
    entityId: current.id,
    workItemId: item.id,
    change: { comment: { comment } },
    changedFields: ['body'],
    activity: [{ field: 'comment_edited', old: current.body, new: body }],
  });
  return { comment };
}
