import { sql } from 'kysely';
import type { IComment } from '../../../shared/proto.ts';
import { toComment } from './mappers.ts';
import { tenantQueries as q, type SqlRunner } from './sql.ts';
import type { CommentRow } from './tables.ts';

export function findComment(db: SqlRunner, id: string): CommentRow | undefined {
  return db.get(q.selectFrom('pm_comments').selectAll().where('id', '=', id));
}

/** Live comments of an item, oldest first. */
export function liveCommentsOf(db: SqlRunner, workItemId: string): IComment[] {
  return db
    .all(
      q.selectFrom('pm_comments')
        .selectAll()
        .where('work_item_id', '=', workItemId)
        .where('deleted_at_ms', 'is', null)
        .orderBy('created_at_ms', 'asc')
        // Comments posted within one millisecond keep the order they were stored in.
        .orderBy(sql`rowid`, 'asc'),
    )
    .map(toComment);
}

export function insertComment(db: SqlRunner, row: CommentRow): void {
  db.run(q.insertInto('pm_comments').values(row));
}

/** Writes the changed columns and bumps the version; returns the new row. */
export function updateCommentRow(
  db: SqlRunner,
  id: string,
  changes: Partial<Omit<CommentRow, 'id' | 'version'>>,
): CommentRow {
  db.run(
    q.updateTable('pm_comments')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where('id', '=', id),
  );
  return findComment(db, id)!;
}
