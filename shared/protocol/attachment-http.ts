// The attachment routes' names both sides must spell the same
// (docs/PROTOCOL.md §2.8). The bytes travel over HTTP, never on the socket.

/** POST here with `?work_item_id=` to upload; GET `<path>/<id>` to read one. */
export const ATTACHMENTS_PATH = '/api/attachments';

/**
 * What an upload is sent as, whatever the file: the body is the file's bytes
 * and nothing else. Like JSON, no plain form can send it, and a cross-site
 * fetch of it needs a CORS preflight the server never grants (§2.3).
 */
export const UPLOAD_MEDIA_TYPE = 'application/octet-stream';

/** The file's name, percent-encoded UTF-8 (encodeURIComponent): header values are ASCII. */
export const FILE_NAME_HEADER = 'x-file-name';

/** The type the browser gave the file (File.type); the server trusts it only for downloads. */
export const FILE_TYPE_HEADER = 'x-file-type';

export const attachmentUrl = (id: string): string => `${ATTACHMENTS_PATH}/${encodeURIComponent(id)}`;
