// What a failed SQLite write means for whoever asked: a fault of the disk, not of the request.
/**
 * SQLite could not write: the disk is full (SQLITE_FULL), or writing, growing
 * or syncing a file failed (SQLITE_IOERR_WRITE, _FSYNC, _SHMSIZE ...: what a
 * full file system looks like while the WAL or its index grows), or the file
 * is read-only for now (SQLITE_READONLY: `query_only` while it moves to
 * another cell, decision 57). Nothing of the transaction was kept, and the
 * same write can succeed later.
 */
export function isStorageFault(err: unknown): boolean {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY'));
}
