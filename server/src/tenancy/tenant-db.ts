// Opening one tenant's SQLite file: tenants/<tenant_id>/main.db.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isValidTenantId } from '../../../shared/domain/tenant-id.ts';
import { SqlRunner } from '../storage/sql.ts';
import { migrate } from './migrations.ts';

export interface OpenOptions {
  synchronous: 'NORMAL' | 'FULL';
  readonly?: boolean;
  /** False when a Checkpointer does the WAL checkpoints instead of the commits themselves. */
  autoCheckpoint?: boolean;
}

export class TenantDb extends SqlRunner {
  constructor(
    readonly tenantId: string,
    readonly path: string,
    sqlite: Database.Database,
  ) {
    super(sqlite);
  }

  /** Told after each outermost commit (a Checkpointer listens). */
  onCommit: (() => void) | null = null;

  override transaction<T>(fn: () => T): T {
    const outermost = !this.sqlite.inTransaction;
    const out = super.transaction(fn);
    if (outermost) this.onCommit?.();
    return out;
  }

  /**
   * Runs fn in one DEFERRED transaction: every read in it sees the same
   * snapshot (a board and its seq agree), and it takes no write lock.
   */
  readTransaction<T>(fn: () => T): T {
    return this.inTransaction.deferred(fn) as T;
  }

  /**
   * `checkpoint: false` when a Checkpointer looks after this file: its own
   * connection then finishes the WAL off the event loop.
   */
  close({ checkpoint = true }: { checkpoint?: boolean } = {}): void {
    if (!this.sqlite.open) return;
    if (checkpoint && !this.sqlite.readonly) this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    this.sqlite.close();
  }
}

/** The one place a tenant id becomes a path; it is checked first, always. */
export function tenantDbPath(dataDir: string, tenantId: string): string {
  if (!isValidTenantId(tenantId)) throw new Error(`invalid tenant id ${JSON.stringify(tenantId)}`);
  return join(dataDir, tenantId, 'main.db');
}

export function openTenantDb(dataDir: string, tenantId: string, opts: OpenOptions): TenantDb {
  const path = tenantDbPath(dataDir, tenantId);
  if (!opts.readonly) mkdirSync(join(dataDir, tenantId), { recursive: true });
  const sqlite = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  try {
    sqlite.pragma('busy_timeout = 2000');
    if (!opts.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma(`synchronous = ${opts.synchronous}`);
      sqlite.pragma('foreign_keys = ON');
      // Each write of a group commit is a savepoint, so every page it changes is
      // first copied to a statement journal: in memory that copy is a memcpy,
      // not a temp file's write (a fifth of a write's cost, bench table 2b).
      sqlite.pragma('temp_store = MEMORY');
      if (opts.autoCheckpoint === false) sqlite.pragma('wal_autocheckpoint = 0');
      // A WAL that grew under a burst is cut back when it restarts.
      sqlite.pragma(`journal_size_limit = ${16 * 1024 * 1024}`);
      migrate(sqlite);
    }
  } catch (err) {
    sqlite.close();
    throw err;
  }
  return new TenantDb(tenantId, path, sqlite);
}
