// Attachments over HTTP (docs/PROTOCOL.md §2.8): the upload, with its
// progress, and the bytes of one attachment. Plain functions, no Solid. The
// session's bearer token goes with each call, as with the export: the cookie
// may belong to another tab's log-in, and to another workspace.
import type { IAttachment } from '../../../shared/proto.ts';
import { ATTACHMENTS_PATH, FILE_NAME_HEADER, FILE_TYPE_HEADER, UPLOAD_MEDIA_TYPE, attachmentUrl } from '../../../shared/protocol/attachment-http.ts';

/** A refusal in the server's words, or why the server was not heard. */
class AttachmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttachmentError';
  }
}

const UNREACHABLE = 'Tandem could not reach the server. Check your connection and try again.';

export interface Upload {
  done: Promise<IAttachment>;
  cancel(): void;
}

/**
 * Sends one file; `progress` hears the bytes sent so far. XMLHttpRequest
 * rather than fetch: fetch says nothing of an upload's progress.
 */
export function uploadAttachment(workItemId: string, file: File, token: string | null, progress: (sent: number, total: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<IAttachment>((resolve, reject) => {
    xhr.open('POST', `${ATTACHMENTS_PATH}?work_item_id=${encodeURIComponent(workItemId)}`);
    xhr.setRequestHeader('content-type', UPLOAD_MEDIA_TYPE);
    xhr.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
    xhr.setRequestHeader(FILE_TYPE_HEADER, file.type);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => progress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const body = xhr.response as { attachment?: IAttachment; error?: { message?: string } } | null;
      if (xhr.status === 201 && body?.attachment) resolve(body.attachment);
      else reject(new AttachmentError(body?.error?.message || `Could not attach ${file.name} (HTTP ${xhr.status})`));
    };
    xhr.onerror = () => reject(new AttachmentError(UNREACHABLE));
    xhr.onabort = () => reject(new AttachmentError(`The upload of ${file.name} was cancelled`));
    xhr.send(file);
  });
  return { done, cancel: () => xhr.abort() };
}

/** The attachment's bytes, for a thumbnail or a download. */
export async function attachmentBlob(id: string, token: string | null): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(attachmentUrl(id), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new AttachmentError(UNREACHABLE);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new AttachmentError(body?.error?.message || `Could not read the file (HTTP ${res.status})`);
  }
  return res.blob();
}
