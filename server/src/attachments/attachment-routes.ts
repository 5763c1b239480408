// The attachment routes (docs/PROTOCOL.md §2.8). A credential as on the other
// /api routes (bearer or the session cookie); an attachment of a project the
// caller may not read is 404, word for word as one that does not exist.
//
// POST /api/attachments?work_item_id=<id>: the body is the file's bytes, sent
// as application/octet-stream (the POST guard's media type for this route),
// its name in X-File-Name (percent-encoded UTF-8) and the browser's type for
// it in X-File-Type. Written to an incoming file as it arrives, then recorded
// and renamed into place only when whole and within the limits.
//
// GET /api/attachments/<id>: the bytes, sent a part per event-loop turn and
// only as fast as the client reads.
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { AppError, invalidArgument, notFound } from '../../../shared/domain/errors.ts';
import { checkId } from '../../../shared/domain/validation.ts';
import { checkFileName, sizeInWords } from '../../../shared/domain/attachments.ts';
import { ErrorCode, Role } from '../../../shared/proto.ts';
import { ATTACHMENTS_PATH, FILE_NAME_HEADER, FILE_TYPE_HEADER, UPLOAD_MEDIA_TYPE } from '../../../shared/protocol/attachment-http.ts';
import { errorCodeName } from '../../../shared/protocol/error-codes.ts';
import { admitCaller, type Caller } from '../auth/caller.ts';
import { httpCredential } from '../auth/credentials.ts';
import type { Sessions } from '../auth/sessions.ts';
import { TokenError } from '../auth/tokens.ts';
import { entityAccess, workItemAccess } from '../handlers/entity-access.ts';
import { sendError, sendJson } from '../http/respond.ts';
import type { HttpRequest, HttpResponse, Router } from '../http/router.ts';
import { guardWrite, type WriteGuardOptions } from '../http/write-guard.ts';
import type { Logger } from '../log.ts';
import { findAttachment } from '../storage/attachments.ts';
import type { AppendedEvent } from '../storage/events.ts';
import type { AttachmentRow } from '../storage/tables.ts';
import { isStorageFault } from '../tenancy/storage-fault.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import { BlobStore } from './blob-store.ts';
import { downloadHeaders, etagOf } from './download-headers.ts';
import { OverQuota, recordUpload } from './record-upload.ts';
import { UploadCutOff, UploadFile, UploadTooBig } from './upload-file.ts';

export interface AttachmentDeps {
  sessions: Pick<Sessions, 'authenticate'>;
  databases: TenantDatabases;
  dataDir: string;
  limits: { maxBytes: number; quotaBytes: number };
  /** Hands an upload's committed event to the fan-out, as a write on the socket does. */
  publish(tenantId: string, events: readonly AppendedEvent[]): void;
  log: Logger;
  guard: WriteGuardOptions;
}

const STATUS: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.ERROR_CODE_INVALID_ARGUMENT]: '400 Bad Request',
  [ErrorCode.ERROR_CODE_PERMISSION_DENIED]: '403 Forbidden',
  [ErrorCode.ERROR_CODE_NOT_FOUND]: '404 Not Found',
};

const ATTACHMENT = { what: 'Attachment', field: 'attachment_id' };

/** A part of a download: big enough that a file costs few turns, small enough that none is felt. */
const PART_BYTES = 256 * 1024;

/** The id in the path; one that does not decode names no attachment. */
function idOf(url: string): string {
  try {
    return decodeURIComponent(url.slice(ATTACHMENTS_PATH.length + 1));
  } catch {
    return '';
  }
}

/** The disk could not take it: SQLite's word for that, or the file system's. */
const diskFull = (err: unknown) => isStorageFault(err) || ['ENOSPC', 'EDQUOT'].includes(String((err as { code?: unknown } | null)?.code));

export function registerAttachmentRoutes(routes: Router, deps: AttachmentDeps): void {
  const blobs = new BlobStore(deps.dataDir);
  const tooBig = `The file is over the ${sizeInWords(deps.limits.maxBytes)} an attachment may have`;

  const fail = (res: HttpResponse, route: string, err: unknown) => {
    if (res.aborted) return;
    if (err instanceof AppError && STATUS[err.code]) return sendError(res, STATUS[err.code]!, errorCodeName(err.code), err.message, err.field);
    if (err instanceof TokenError) return sendError(res, '401 Unauthorized', 'UNAUTHENTICATED', 'Your session is not valid; log in again');
    if (err instanceof UploadTooBig) return sendError(res, '413 Content Too Large', 'INVALID_ARGUMENT', tooBig, 'file');
    if (err instanceof OverQuota) return sendError(res, '413 Content Too Large', 'FAILED_PRECONDITION', err.message, 'file');
    if (diskFull(err)) return sendError(res, '503 Service Unavailable', 'UNAVAILABLE', 'The server cannot save files right now; nothing was stored');
    deps.log.error('http_route_failed', { route }, err);
    sendError(res, '500 Internal Server Error', 'INTERNAL', 'Something went wrong on the server');
  };

  /** The caller, or null once the 401 is sent. */
  const callerOf = (req: HttpRequest, res: HttpResponse): Caller | null => {
    const credential = httpCredential(req.header('authorization'), req.header('cookie'));
    if (!credential) {
      sendError(res, '401 Unauthorized', 'UNAUTHENTICATED', 'Log in first');
      return null;
    }
    return admitCaller(deps.databases, deps.sessions.authenticate(credential));
  };

  routes.post(ATTACHMENTS_PATH, (req, res) => {
    if (!guardWrite(req, res, deps.guard, UPLOAD_MEDIA_TYPE)) return;
    // Read from the start, refused or not: uWS needs the body taken before the answer ends.
    let take: (chunk: Buffer, isLast: boolean) => void = () => undefined;
    res.onData((chunk, isLast) => take(chunk, isLast));
    let caller: Caller | null;
    let workItemId: string;
    let fileName: string;
    let incoming: string;
    try {
      caller = callerOf(req, res);
      if (!caller) return;
      workItemId = checkId(new URLSearchParams(req.query).get('work_item_id') ?? '', 'work_item_id');
      workItemAccess({ db: deps.databases.get(caller.tenantId), caller, now: Date.now() }, workItemId, Role.ROLE_EDITOR, true);
      fileName = checkFileName(decodedName(req.header(FILE_NAME_HEADER)));
      if (Number(req.header('content-length') || 0) > deps.limits.maxBytes) throw new UploadTooBig();
      incoming = blobs.incomingPath(caller.tenantId);
    } catch (err) {
      return fail(res, 'attachment upload', err);
    }

    const uploader = caller;
    const upload = new UploadFile(incoming, deps.limits.maxBytes, res);
    take = (chunk, isLast) => upload.push(chunk, isLast);
    res.onAborted(() => upload.abort());
    upload.done.then(
      (file) => {
        if (res.aborted) return rmSync(file.path, { force: true });
        try {
          const request = { workItemId, fileName, declaredType: req.header(FILE_TYPE_HEADER) };
          const recorded = recordUpload(deps.databases.get(uploader.tenantId), blobs, uploader, request, file, deps.limits.quotaBytes);
          deps.publish(uploader.tenantId, recorded.events);
          sendJson(res, '201 Created', { attachment: recorded.attachment, seq: recorded.seq });
        } catch (err) {
          // Gone before the refusal is sent: whoever hears it finds nothing left.
          rmSync(file.path, { force: true });
          fail(res, 'attachment upload', err);
        }
      },
      (err: unknown) => {
        if (!(err instanceof UploadCutOff)) fail(res, 'attachment upload', err);
      },
    );
  });

  routes.get(`${ATTACHMENTS_PATH}/:id`, (req, res) => {
    let path: string;
    let row: AttachmentRow;
    try {
      const caller = callerOf(req, res);
      if (!caller) return;
      const db = deps.databases.get(caller.tenantId);
      const found = findAttachment(db, idOf(req.url));
      if (!found || found.deleted_at_ms !== null) throw notFound(ATTACHMENT.what, ATTACHMENT.field);
      entityAccess({ db, caller, now: Date.now() }, found.project_id, Role.ROLE_VIEWER, ATTACHMENT.what, ATTACHMENT.field);
      row = found;
      path = blobs.pathOf(caller.tenantId, row.sha256);
    } catch (err) {
      return fail(res, 'attachment download', err);
    }
    const headers = downloadHeaders(row);
    if (req.header('if-none-match') === etagOf(row)) return res.end('304 Not Modified', headers);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (err) {
      // A row whose bytes are gone is a bug or a hand-edited folder: said, and logged.
      deps.log.error('attachment_bytes_missing', { attachment: row.id }, err);
      return sendError(res, '404 Not Found', 'NOT_FOUND', 'The file of this attachment is missing', ATTACHMENT.field);
    }
    const next = () => {
      const part = Buffer.allocUnsafe(PART_BYTES);
      const read = readSync(fd, part, 0, PART_BYTES, null);
      return read === 0 ? null : part.subarray(0, read);
    };
    res.stream('200 OK', headers, next, (stopped) => {
      closeSync(fd);
      if (stopped && !res.aborted) deps.log.error('attachment_download_failed', { attachment: row.id }, stopped);
    });
  });
}

/** X-File-Name as sent: percent-encoded UTF-8. */
function decodedName(header: string): string {
  try {
    return decodeURIComponent(header);
  } catch {
    throw invalidArgument('file_name', 'X-File-Name must be the file name, percent-encoded (encodeURIComponent)');
  }
}
