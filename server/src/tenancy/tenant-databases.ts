// The open tenant databases: a bounded LRU cache, so thousands of tenants cost
// only what is active. Handlers ask for a database per command and never keep
// it, so closing one that fell out of the cache is always safe.
import type { Logger } from '../log.ts';
import type { Checkpointer } from './checkpointer.ts';
import { openTenantDb, type TenantDb } from './tenant-db.ts';

export interface TenantDatabasesOptions {
  dataDir: string;
  synchronous: 'NORMAL' | 'FULL';
  maxOpen: number;
  idleMs: number;
  log: Logger;
  /** Checkpoints the WALs off the event loop; without one, commits do (see checkpointer.ts). */
  checkpointer?: Checkpointer;
  /** Runs once on every database this cache opens (housekeeping), soon after it opens. */
  onOpen?: (db: TenantDb) => void;
  /**
   * Asked before every open and every use: throws when this instance must not
   * serve the tenant (cells/tenant-gate.ts: placed on another cell, or not
   * known to be on this one). Without it, every tenant is this instance's.
   */
  guard?: (tenantId: string) => void;
  /**
   * Whether the tenant is read-only here for now (its file is moving to
   * another cell, decision 57). Its connection is then opened, or kept, with
   * `query_only`, so no path whatever writes to the file: SQLite refuses with
   * SQLITE_READONLY, which the writers take for a passing storage fault.
   */
  readOnly?: (tenantId: string) => boolean;
}

export class TenantDatabases {
  // Map keeps insertion order: re-inserting on use makes the first key the LRU.
  private readonly open = new Map<string, { db: TenantDb; lastUsed: number }>();
  private readonly sweeper: NodeJS.Timeout;
  private chores: NodeJS.Immediate | null = null;
  private readonly justOpened: TenantDb[] = [];

  constructor(private readonly opts: TenantDatabasesOptions) {
    this.sweeper = setInterval(() => this.closeIdle(), Math.min(opts.idleMs, 30_000));
    this.sweeper.unref();
  }

  get size(): number {
    return this.open.size;
  }

  get(tenantId: string): TenantDb {
    this.opts.guard?.(tenantId);
    const hit = this.open.get(tenantId);
    if (hit) {
      this.open.delete(tenantId);
      hit.lastUsed = Date.now();
      this.open.set(tenantId, hit);
      return hit.db;
    }
    const { checkpointer } = this.opts;
    const db = openTenantDb(this.opts.dataDir, tenantId, { synchronous: this.opts.synchronous, autoCheckpoint: !checkpointer });
    if (checkpointer) db.onCommit = () => checkpointer.wrote(db.path);
    if (this.opts.readOnly?.(tenantId)) db.sqlite.pragma('query_only = 1');
    this.open.set(tenantId, { db, lastUsed: Date.now() });
    this.justOpened.push(db);
    this.choresSoon();
    return db;
  }

  /** The tenant's database if it is open here, without counting as a use: a look from a background timer must not keep a file open. */
  peek(tenantId: string): TenantDb | null {
    const entry = this.open.get(tenantId);
    return entry && this.admits(tenantId) ? entry.db : null;
  }

  /** Whether the tenant is read-only here for now: what writes outside its file (the account directory's) ask first. */
  isReadOnly(tenantId: string): boolean {
    return this.opts.readOnly?.(tenantId) ?? false;
  }

  /** The tenant became read-only, or writable again: its open connection, if any, follows at once. */
  setReadOnly(tenantId: string, readOnly: boolean): void {
    this.open.get(tenantId)?.db.sqlite.pragma(`query_only = ${readOnly ? 1 : 0}`);
  }

  /** Closes the tenant's file if it is open here: it is about to be moved away. */
  release(tenantId: string): void {
    this.closeOne(tenantId, 'moved');
  }

  /** Whether the guard lets this instance serve the tenant now, for background work that should pass over it quietly. */
  admits(tenantId: string): boolean {
    try {
      this.opts.guard?.(tenantId);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Housekeeping of new files and closing the least recently used ones run
   * after the command that opened a file, not inside it: closing checkpoints
   * the WAL, which can take milliseconds, and the command is waiting.
   */
  private choresSoon(): void {
    this.chores ??= setImmediate(() => {
      this.chores = null;
      for (const db of this.justOpened.splice(0)) {
        if (!db.sqlite.open) continue;
        this.opts.checkpointer?.opened(db.path);
        // One file's failed housekeeping (a full disk) must not skip the others' or the evictions below.
        try {
          this.opts.onOpen?.(db);
        } catch (err) {
          this.opts.log.error('tenant_db_housekeeping_failed', { tenant: db.tenantId }, err);
        }
      }
      while (this.open.size > this.opts.maxOpen) {
        const [oldest] = this.open.keys();
        this.closeOne(oldest!, 'evicted');
      }
    });
  }

  closeIdle(now = Date.now()): void {
    for (const [tenantId, entry] of this.open) {
      if (now - entry.lastUsed >= this.opts.idleMs) this.closeOne(tenantId, 'idle');
    }
  }

  closeAll(): void {
    clearInterval(this.sweeper);
    if (this.chores) clearImmediate(this.chores);
    for (const tenantId of [...this.open.keys()]) this.closeOne(tenantId, 'shutdown');
  }

  private closeOne(tenantId: string, why: string): void {
    const entry = this.open.get(tenantId);
    if (!entry) return;
    this.open.delete(tenantId);
    try {
      entry.db.close({ checkpoint: !this.opts.checkpointer });
      this.opts.checkpointer?.closed(entry.db.path);
      this.opts.log.debug('tenant_db_closed', { tenant: tenantId, why });
    } catch (err) {
      this.opts.log.error('tenant_db_close_failed', { tenant: tenantId, why }, err);
    }
  }
}
