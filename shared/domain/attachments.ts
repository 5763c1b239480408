// What an attachment may be called and how it is shown, for the server (its
// rules) and the client (thumbnails, the same words before sending).
import { invalidArgument } from './errors.ts';
import { checkText } from './validation.ts';

/** Code points of a file name: what common file systems allow. */
export const FILE_NAME_MAX = 255;

/** The type an attachment gets when nothing better is known: a download. */
export const UNKNOWN_TYPE = 'application/octet-stream';

/**
 * Served inline and shown as thumbnails: raster images only. SVG is an image
 * that can carry script, HTML is a page; both are only ever downloaded.
 */
export const INLINE_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export const isInlineImage = (contentType: string | null | undefined): boolean => INLINE_IMAGE_TYPES.includes(contentType ?? '');

/**
 * A file name as the person named it: without any folder an old browser put
 * before it, trimmed, 1-255 characters, well-formed text with something to see.
 */
export function checkFileName(raw: string): string {
  const name = raw.slice(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1).trim();
  if (!name) throw invalidArgument('file_name', 'The file needs a name');
  if ([...name].length > FILE_NAME_MAX) throw invalidArgument('file_name', `A file name is at most ${FILE_NAME_MAX} characters`);
  return checkText(name, 'file_name', 'The file name', true);
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

/** The type the sender declared, without parameters; anything malformed is unknown. */
export function declaredType(raw: string): string {
  const type = raw.split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPE.test(type) ? type : UNKNOWN_TYPE;
}

/** "1.4 MB": a size in words. */
export function sizeInWords(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
