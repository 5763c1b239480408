// `npm run query -- <tenant_id> ["<SQL>"] [--json]`: read one tenant's file
// without the server, for operators and LLM tools. With no SQL it lists the
// tables and views with their pm_schema_docs descriptions.
//
// The read-only connection is the guard; refusing statements that return no
// rows up front only turns the likely mistake (a write) into a clear message.
// A WAL reader never blocks the server, so this is safe while it runs.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { loadConfig } from '../server/src/config.ts';
import { tenantDbPath } from '../server/src/tenancy/tenant-db.ts';
import { isValidTenantId } from '../shared/domain/tenant-id.ts';
import { formatTable, type Cell } from './lib/text-table.ts';

const USAGE = 'usage: npm run query -- <tenant_id> ["<SQL>"] [--json]';

const TABLES_SQL = `
SELECT m.name, m.type, COALESCE(d.description, '') AS description
FROM sqlite_schema m
LEFT JOIN pm_schema_docs d ON d.table_name = m.name AND d.column_name = ''
WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%'
ORDER BY m.type, m.name`;

class UsageError extends Error {}

// JSON has no bytes; base64 keeps a blob (an event payload) round-trippable.
function jsonCell(value: Cell): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return typeof value === 'bigint' ? value.toString() : value;
}

function run(args: string[]): string {
  const json = args.includes('--json');
  const [tenantId, sql, ...extra] = args.filter((a) => a !== '--json');
  if (!tenantId || extra.length > 0) throw new UsageError(USAGE);
  if (!isValidTenantId(tenantId)) {
    throw new UsageError(`invalid tenant id ${JSON.stringify(tenantId)}: it must match ^[a-z0-9][a-z0-9_-]{0,62}$`);
  }
  // Only DATA_DIR matters here: a bad PORT in the environment should not stop a read.
  const { dataDir } = loadConfig({ DATA_DIR: process.env['DATA_DIR'] });
  const path = tenantDbPath(dataDir, tenantId);
  if (!existsSync(path)) throw new UsageError(`no tenant ${tenantId} in ${dataDir}`);

  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const stmt = db.prepare(sql?.trim() ? sql : TABLES_SQL);
    if (!stmt.reader) {
      throw new UsageError('refused: this tool only reads. Use SELECT (or a PRAGMA or EXPLAIN that returns rows)');
    }
    const columns = stmt.columns().map((c) => c.name);
    const rows = stmt.raw().all() as Cell[][];
    if (json) {
      return JSON.stringify(rows.map((row) => Object.fromEntries(row.map((v, i) => [columns[i], jsonCell(v)]))), null, 2);
    }
    const footer = `(${rows.length} row${rows.length === 1 ? '' : 's'})`;
    const hint = sql?.trim() ? '' : "\nColumns: SELECT column_name, description FROM pm_schema_docs WHERE table_name = '<name>'";
    return `${formatTable(columns, rows)}\n${footer}${hint}`;
  } finally {
    db.close();
  }
}

try {
  process.stdout.write(run(process.argv.slice(2)) + '\n');
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`query: ${err instanceof Database.SqliteError ? `SQL error (${err.code}): ${message}` : message}\n`);
  process.exitCode = 1;
}
