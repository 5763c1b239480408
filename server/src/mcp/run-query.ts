// One statement of the query tool, start to finish, on the read-only file:
// refused as written, refused as compiled, or read up to the row limit.
import Database, { type Statement } from 'better-sqlite3';
import { compiledRefusal, refusalOf } from './query-guard.ts';

export interface QueryRequest {
  id: number;
  sql: string;
  maxRows: number;
}

/** A blob (an event payload is protobuf) means nothing as text to a reader; its size does. */
export type Cell = string | number | null | { blob_bytes: number };

export type QueryReply =
  | { id: number; ok: true; columns: string[]; rows: Cell[][]; more: boolean }
  | { id: number; ok: false; message: string };

/** Rows that fit the row limit can still hold megabytes of descriptions; past this the answer is refused, not cut. */
const MAX_RESULT_CHARS = 1_000_000;

function toCell(value: unknown): Cell {
  if (value instanceof Uint8Array) return { blob_bytes: value.byteLength };
  return value as string | number | null;
}

function sqlProblem(err: unknown): string {
  if (err instanceof RangeError && /more than one statement/.test(err.message)) {
    return 'several statements are refused: send one statement at a time';
  }
  if (err instanceof Database.SqliteError) return `SQL error (${err.code}): ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

export function runQuery(db: Database.Database, { id, sql, maxRows }: QueryRequest): QueryReply {
  const refuse = (message: string): QueryReply => ({ id, ok: false, message });
  const asWritten = refusalOf(sql);
  if (asWritten) return refuse(asWritten);
  let stmt: Statement;
  try {
    stmt = db.prepare(sql);
  } catch (err) {
    return refuse(sqlProblem(err));
  }
  const asCompiled = compiledRefusal(stmt);
  if (asCompiled) return refuse(asCompiled);

  const rows: Cell[][] = [];
  let chars = 0;
  let more = false;
  try {
    // Iterating, not all(): a statement with a million rows stops after the limit instead of loading them all.
    for (const row of stmt.raw(true).iterate() as IterableIterator<unknown[]>) {
      if (rows.length === maxRows) {
        more = true;
        break;
      }
      const cells = row.map(toCell);
      chars += JSON.stringify(cells).length;
      if (chars > MAX_RESULT_CHARS) {
        return refuse(
          `the result is refused: its first ${rows.length + 1} rows are over ${MAX_RESULT_CHARS} characters; ` +
            'select fewer columns or rows, or shorten long text with substr()',
        );
      }
      rows.push(cells);
    }
  } catch (err) {
    return refuse(sqlProblem(err));
  }
  return { id, ok: true, columns: stmt.columns().map((c) => c.name), rows, more };
}
