// A whole upload becomes an attachment in ONE tenant transaction, as a write
// on the socket does (WriteRecorder: the event with the project's next seq,
// its history row): access checked again (the body took a while), the quota,
// the row, and last the rename into place, so a refusal or a failure before
// it leaves the incoming file for the route to remove and nothing else.
// Files that only deleted attachments still name are removed here too, under
// the same write lock, before the quota is counted.
import { randomUUID } from 'node:crypto';
import { sizeInWords, declaredType, isInlineImage, UNKNOWN_TYPE } from '../../../shared/domain/attachments.ts';
import { Role, type IAttachment } from '../../../shared/proto.ts';
import type { Caller } from '../auth/caller.ts';
import { emitAttachment } from '../handlers/attachment-changes.ts';
import { workItemAccess } from '../handlers/entity-access.ts';
import { retryWhileBusy } from '../pipeline/write.ts';
import { WriteRecorder } from '../pipeline/write-recorder.ts';
import { hasLiveCopy, insertAttachment, storedBytes, unusedContents } from '../storage/attachments.ts';
import type { AppendedEvent } from '../storage/events.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import type { BlobStore } from './blob-store.ts';
import { rasterTypeOf } from './raster-type.ts';
import type { ReceivedFile } from './upload-file.ts';

/** The tenant's attachments would take more than its quota. */
export class OverQuota extends Error {}

export interface UploadRequest {
  workItemId: string;
  fileName: string;
  /** What the browser called the file's type. */
  declaredType: string;
}

export interface RecordedUpload {
  attachment: IAttachment;
  seq: number;
  /** For the fan-out, after the commit. */
  events: AppendedEvent[];
}

/**
 * A raster image type only when the bytes are that image; otherwise what the
 * browser said, except that it may not claim a raster image (it would be
 * shown inline) the bytes are not.
 */
export function servedType(file: ReceivedFile, declared: string): string {
  const type = declaredType(declared);
  return rasterTypeOf(file.head) ?? (isInlineImage(type) ? UNKNOWN_TYPE : type);
}

export function recordUpload(
  db: TenantDb,
  blobs: BlobStore,
  caller: Caller,
  upload: UploadRequest,
  file: ReceivedFile,
  quotaBytes: number,
  now = Date.now(),
): RecordedUpload {
  return retryWhileBusy(() =>
    db.transaction(() => {
      const ctx = new WriteRecorder(db, caller, now);
      const { item } = workItemAccess(ctx, upload.workItemId, Role.ROLE_EDITOR, true);
      for (const sha256 of unusedContents(db)) if (sha256 !== file.sha256) blobs.remove(caller.tenantId, sha256);
      const adds = hasLiveCopy(db, file.sha256) ? 0 : file.size;
      const used = storedBytes(db);
      if (adds > 0 && used + adds > quotaBytes) {
        throw new OverQuota(
          `The workspace's attachments are full: ${sizeInWords(used)} of ${sizeInWords(quotaBytes)} used, and this file needs ${sizeInWords(adds)}. Delete some attachments first`,
        );
      }
      const row = {
        id: randomUUID(),
        work_item_id: item.id,
        project_id: item.project_id,
        sha256: file.sha256,
        file_name: upload.fileName,
        content_type: servedType(file, upload.declaredType),
        size: file.size,
        uploaded_by: caller.userId,
        uploaded_at_ms: now,
        deleted_at_ms: null,
      };
      insertAttachment(db, row);
      const attachment = emitAttachment(ctx, row, false);
      blobs.place(caller.tenantId, file.path, file.sha256);
      return { attachment, seq: ctx.lastSeq, events: ctx.events };
    }),
  );
}
