import { randomUUID } from 'node:crypto';
import { checkCommentBody } from '../../../shared/domain/validation.ts';
import type { Commands } from '../commands/parsers.ts';
import { Role } from '../../../shared/proto.ts';
import { insertComment } from '../storage/comments.ts';
import type { CommentRow } from '../storage/tables.ts';
import { emitComment } from './comment-access.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { workItemAccess } from './entity-access.ts';

export function addComment(ctx: WriteContext, cmd: Commands['addComment']): ResultValue {
  const body = checkCommentBody(cmd.body);
  const { item } = workItemAccess(ctx, cmd.workItemId, Role.ROLE_EDITOR, true);

  const row: CommentRow = {
    id: randomUUID(),
    work_item_id: item.id,
    author_id: ctx.caller.userId,
    body,
    created_at_ms: ctx.now,
    edited_at_ms: null,
    version: 1,
    deleted_at_ms: null,
  };
  insertComment(ctx.db, row);
  return { comment: emitComment(ctx, item.project_id, row, ['created'], [{ field: 'comment_added', old: null, new: body }]) };
}
