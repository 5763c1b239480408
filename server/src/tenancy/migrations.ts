// Versioned, forward-only migrations keyed on SQLite's user_version.
import type { Database } from 'better-sqlite3';
import { SCHEMA_V1 } from './schema-v1.ts';
import { schemaDocRows } from './schema-docs.ts';

interface Migration {
  version: number;
  up(db: Database): void;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(SCHEMA_V1);
      const insert = db.prepare('INSERT INTO pm_schema_docs (table_name, column_name, description) VALUES (?, ?, ?)');
      for (const row of schemaDocRows()) insert.run(...row);
    },
  },
  {
    // Loading a board joins labels to items by label: without this, a scan per label.
    version: 2,
    up(db) {
      db.exec('CREATE INDEX pm_work_item_labels_by_label ON pm_work_item_labels(label_id)');
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(`database schema version ${current} is newer than this server (${LATEST_SCHEMA_VERSION})`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    // IMMEDIATE: two processes opening a new file at once must not both migrate.
    db.transaction(() => {
      const now = db.pragma('user_version', { simple: true }) as number;
      if (now >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
