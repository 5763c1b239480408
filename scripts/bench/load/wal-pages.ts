// Which tables a commit's pages belong to. In WAL mode a commit appends one
// frame per page it changed (a 24-byte header naming the page, then the page),
// and the frame that ends a transaction carries the database's size in pages.
// So the frames appended while some writes ran say exactly what those writes
// cost in pages, and SQLite's dbstat table names each page's table or index.
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;

export interface WalFrame {
  page: number;
  /** True for the last frame of a transaction. */
  endsCommit: boolean;
}

/** The WAL's size now, to read the frames appended after it later. */
export const walMark = (walPath: string): number => statSync(walPath).size;

/** The frames appended to the WAL since `mark`, in order. */
export function framesSince(walPath: string, mark: number, pageSize: number): WalFrame[] {
  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  const first = Math.max(0, Math.ceil((mark - WAL_HEADER_BYTES) / frameBytes));
  const end = statSync(walPath).size;
  const frames: WalFrame[] = [];
  const header = Buffer.alloc(FRAME_HEADER_BYTES);
  const fd = openSync(walPath, 'r');
  try {
    for (let offset = WAL_HEADER_BYTES + first * frameBytes; offset + frameBytes <= end; offset += frameBytes) {
      readSync(fd, header, 0, FRAME_HEADER_BYTES, offset);
      frames.push({ page: header.readUInt32BE(0), endsCommit: header.readUInt32BE(4) !== 0 });
    }
  } finally {
    closeSync(fd);
  }
  return frames;
}

export interface TablePages {
  /** A table or index name; page 1 is the file's header and schema. */
  table: string;
  pagesPerCommit: number;
}

/** Pages per commit by the table or index that owns them, most first. */
export function pagesByTable(db: Database.Database, frames: readonly WalFrame[]): { commits: number; tables: TablePages[] } {
  const owner = new Map((db.prepare('SELECT pageno, name FROM dbstat').all() as Array<{ pageno: number; name: string }>).map((r) => [r.pageno, r.name]));
  const commits = frames.filter((f) => f.endsCommit).length;
  const counts = new Map<string, number>();
  for (const { page } of frames) {
    // Page 1 holds the file header (its change counter and size) besides the schema's root.
    const table = page === 1 ? 'page 1 (file header)' : owner.get(page) ?? 'free pages';
    counts.set(table, (counts.get(table) ?? 0) + 1);
  }
  const tables = [...counts].map(([table, n]) => ({ table, pagesPerCommit: commits ? n / commits : 0 }));
  return { commits, tables: tables.sort((a, b) => b.pagesPerCommit - a.pagesPerCommit) };
}
