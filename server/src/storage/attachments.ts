// Attachments of work items (pm_attachments). Rows only: the bytes are files
// named by their sha256 (attachments/ in server/src), shared by every row of
// the same content, so what a tenant stores is counted once per sha256.
import type { IAttachment } from '../../../shared/proto.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { AttachmentRow } from './tables.ts';

export function toAttachment(row: AttachmentRow): IAttachment {
  return {
    id: row.id,
    workItemId: row.work_item_id,
    projectId: row.project_id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAtMs: row.uploaded_at_ms,
    deletedAtMs: row.deleted_at_ms ?? 0,
  };
}

export function insertAttachment(db: SqlRunner, row: AttachmentRow): void {
  db.run(q.insertInto('pm_attachments').values(row));
}

const byId = prepared((id: string) => q.selectFrom('pm_attachments').selectAll().where('id', '=', id));

export function findAttachment(db: SqlRunner, id: string): AttachmentRow | undefined {
  return db.get(byId(id));
}

const ofItem = prepared((workItemId: string) =>
  q.selectFrom('pm_attachments').selectAll().where('work_item_id', '=', workItemId).where('deleted_at_ms', 'is', null)
    .orderBy('uploaded_at_ms').orderBy('id'),
);

/** An item's live attachments, oldest first. */
export function attachmentsOf(db: SqlRunner, workItemId: string): AttachmentRow[] {
  return db.all(ofItem(workItemId));
}

const markDeleted = prepared((id: string, at: number) => q.updateTable('pm_attachments').set({ deleted_at_ms: at }).where('id', '=', id));

export function deleteAttachmentRow(db: SqlRunner, id: string, at: number): void {
  db.run(markDeleted(id, at));
}

const liveCopy = prepared((sha256: string) =>
  q.selectFrom('pm_attachments').select('id').where('sha256', '=', sha256).where('deleted_at_ms', 'is', null).limit(1),
);

/** Whether some live attachment holds these bytes (so storing them again costs nothing). */
export function hasLiveCopy(db: SqlRunner, sha256: string): boolean {
  return db.get(liveCopy(sha256)) !== undefined;
}

const stored = prepared(() =>
  q.selectFrom((eb) =>
    eb.selectFrom('pm_attachments').select((e) => e.fn.max('size').as('size')).where('deleted_at_ms', 'is', null).groupBy('sha256').as('blobs'),
  ).select((e) => e.fn.coalesce(e.fn.sum<number>('size'), e.lit(0)).as('total')),
);

/** Bytes the tenant's live attachments take, each content once. */
export function storedBytes(db: SqlRunner): number {
  return Number(db.get(stored())?.total ?? 0);
}

const orphans = prepared(() =>
  q.selectFrom('pm_attachments as a')
    .select('a.sha256')
    .distinct()
    .where('a.deleted_at_ms', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('pm_attachments as b').select('b.id').whereRef('b.sha256', '=', 'a.sha256').where('b.deleted_at_ms', 'is', null))),
    ),
);

/** Contents that only deleted attachments name: their files may go. */
export function unusedContents(db: SqlRunner): string[] {
  return db.all(orphans()).map((r) => r.sha256);
}
