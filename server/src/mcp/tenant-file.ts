// The tenant file as the MCP server sees it: opened read-only, with
// query_only on as a second lock, through tenancy's one id-to-path function.
import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { openTenantDb, tenantDbPath } from '../tenancy/tenant-db.ts';

export function openTenantReadOnly(dataDir: string, tenantId: string): Database {
  // A read-only open never creates the file, but its own error ("unable to open database file") does not say which.
  const path = tenantDbPath(dataDir, tenantId);
  if (!existsSync(path)) throw new Error(`no tenant ${tenantId} in ${dataDir} (no file ${path})`);
  // synchronous applies to writes only; a read-only open ignores it.
  const { sqlite } = openTenantDb(dataDir, tenantId, { synchronous: 'NORMAL', readonly: true });
  sqlite.pragma('query_only = ON');
  return sqlite;
}
