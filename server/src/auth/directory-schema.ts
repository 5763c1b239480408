// The account directory's tables (DATA_DIR/_directory/accounts.db), by
// version in `user_version`. Every instance on the data folder opens the file
// at start, so each step runs in one IMMEDIATE transaction that reads the
// version again: two processes starting at once apply it once.
import type { SqlRunner } from '../storage/sql.ts';

const VERSIONS: readonly string[] = [
  // 1: accounts, workspaces, memberships and revoked sessions. IF NOT EXISTS:
  // directories made before versions were counted already hold these.
  `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  display_name TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS workspaces (
  tenant_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS workspace_members (
  account_id TEXT NOT NULL REFERENCES accounts(id),
  tenant_id TEXT NOT NULL REFERENCES workspaces(tenant_id),
  role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  added_at_ms INTEGER NOT NULL,
  PRIMARY KEY (account_id, tenant_id)
);
CREATE TABLE IF NOT EXISTS revoked_sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL UNIQUE,
  expires_at_ms INTEGER NOT NULL,
  revoked_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS revoked_sessions_by_expiry ON revoked_sessions (expires_at_ms);
`,
  // 2: workspace admin (PROTOCOL.md §2.6). Deactivation per membership; the
  // sessions each person holds, so they can be ended; sessions whose sockets
  // must reconnect to pick up a new role; one-time password links (only a
  // hash of the token is kept).
  `
ALTER TABLE workspace_members ADD COLUMN deactivated_at_ms INTEGER;
CREATE TABLE sessions (
  session_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  tenant_id TEXT NOT NULL,
  started_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id, tenant_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at_ms);
CREATE TABLE session_resets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL,
  reset_at_ms INTEGER NOT NULL
);
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  tenant_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL,
  used_at_ms INTEGER
);
CREATE INDEX password_resets_by_account ON password_resets (account_id);
`,
];

export function migrateDirectory(db: SqlRunner): void {
  for (let version = 1; version <= VERSIONS.length; version++) {
    db.transaction(() => {
      if ((db.sqlite.pragma('user_version', { simple: true }) as number) >= version) return;
      db.sqlite.exec(VERSIONS[version - 1]!);
      db.sqlite.pragma(`user_version = ${version}`);
    });
  }
}
