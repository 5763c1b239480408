// The headers an attachment is served with. Only a raster image is inline
// (its type was read from its bytes, record-upload.ts); anything else is a
// download, whatever its type says, so an uploaded page or SVG never runs as
// ours. nosniff keeps a browser from guessing past the type, and the sandbox
// policy holds even for a file opened on its own.
import { isInlineImage } from '../../../shared/domain/attachments.ts';
import type { AttachmentRow } from '../storage/tables.ts';

/** RFC 8187's encoding for filename*: what encodeURIComponent leaves, minus the characters it may not hold. */
const extValue = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The plain filename= for clients that know no filename*: printable ASCII, no quote or backslash. */
const asciiName = (text: string) => text.replace(/[^\x20-\x7e]|["\\]/g, '_');

export function contentDisposition(row: Pick<AttachmentRow, 'file_name' | 'content_type'>): string {
  const kind = isInlineImage(row.content_type) ? 'inline' : 'attachment';
  return `${kind}; filename="${asciiName(row.file_name)}"; filename*=UTF-8''${extValue(row.file_name)}`;
}

/** The bytes of one content never change, so their hash is the validator. */
export const etagOf = (row: Pick<AttachmentRow, 'sha256'>) => `"${row.sha256}"`;

export function downloadHeaders(row: AttachmentRow): Record<string, string> {
  return {
    'Content-Type': row.content_type,
    'Content-Disposition': contentDisposition(row),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
    // Asked again each time (304 while unchanged): access may have ended since.
    'Cache-Control': 'private, no-cache',
    ETag: etagOf(row),
  };
}
