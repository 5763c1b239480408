// docs/DESIGN.md decisions 4, 6 and 8: one file per tenant, opened lazily into a
// bounded cache, migrated on open, described for outside readers.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeLogger } from '../src/log.ts';
import { LATEST_SCHEMA_VERSION } from '../src/tenancy/migrations.ts';
import { SCHEMA_V1 } from '../src/tenancy/schema-v1.ts';
import { openTenantDb, tenantDbPath } from '../src/tenancy/tenant-db.ts';
import { Checkpointer } from '../src/tenancy/checkpointer.ts';
import { HousekeepingSchedule, tidyTenant } from '../src/tenancy/maintenance.ts';
import { TenantDatabases } from '../src/tenancy/tenant-databases.ts';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tandem-files-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const cache = (maxOpen: number, idleMs = 60_000) =>
  new TenantDatabases({ dataDir, synchronous: 'NORMAL', maxOpen, idleMs, log: makeLogger('error') });

describe('tenant files', () => {
  it('TEN-1 refuses a bad tenant id before any path is built', () => {
    for (const id of ['../x', 'A', '', '-x', 'a/b', 'x'.repeat(64), 'a b', 'ä']) {
      expect(() => tenantDbPath(dataDir, id)).toThrow(/invalid tenant id/);
    }
    expect(tenantDbPath(dataDir, 'acme_1-x')).toBe(join(dataDir, 'acme_1-x', 'main.db'));
  });

  it('TEN-2 opens in WAL with foreign keys, a busy timeout and savepoint journals in memory, at the latest schema version', () => {
    const db = openTenantDb(dataDir, 'acme', { synchronous: 'FULL' });
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.sqlite.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('TEN-3 migrates once: reopening changes nothing, and a newer file is refused', () => {
    openTenantDb(dataDir, 'acme', { synchronous: 'NORMAL' }).close();
    const again = openTenantDb(dataDir, 'acme', { synchronous: 'NORMAL' });
    const docs = again.sqlite.prepare('SELECT count(*) AS n FROM pm_schema_docs').get() as { n: number };
    again.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    again.close();
    expect(docs.n).toBeGreaterThan(100);
    expect(() => openTenantDb(dataDir, 'acme', { synchronous: 'NORMAL' })).toThrow(/newer than this server/);
  });

  it('TEN-4 describes every table, view and column in pm_schema_docs', () => {
    openTenantDb(dataDir, 'acme', { synchronous: 'NORMAL' }).close();
    const db = new Database(join(dataDir, 'acme', 'main.db'), { readonly: true });
    const objects = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name LIKE 'pm\\_%' ESCAPE '\\'").all() as { name: string }[];
    const documented = new Set((db.prepare('SELECT table_name, column_name FROM pm_schema_docs').all() as { table_name: string; column_name: string }[])
      .map((r) => `${r.table_name}.${r.column_name}`));
    const missing: string[] = [];
    for (const { name } of objects) {
      if (!documented.has(`${name}.`)) missing.push(name);
      for (const col of db.pragma(`table_info(${name})`) as { name: string }[]) {
        if (!documented.has(`${name}.${col.name}`)) missing.push(`${name}.${col.name}`);
      }
    }
    db.close();
    expect(missing).toEqual([]);
    expect(objects.length).toBeGreaterThanOrEqual(14);
  });

  it('TEN-5 keeps at most maxOpen databases open, closing the least recently used once the opening command is done, and reopens on demand', async () => {
    const dbs = cache(2);
    const a = dbs.get('a');
    const b1 = dbs.get('b');
    dbs.get('a');
    dbs.get('c');
    // The command that opened c still has every file it touched.
    expect(b1.sqlite.open).toBe(true);
    await nextTurn();
    expect(dbs.size).toBe(2);
    expect(b1.sqlite.open).toBe(false);
    expect(a.sqlite.open).toBe(true);
    expect(existsSync(join(dataDir, 'b', 'main.db'))).toBe(true);
    const b = dbs.get('b');
    await nextTurn();
    expect(b.sqlite.open).toBe(true);
    expect(a.sqlite.open).toBe(false);
    dbs.closeAll();
    expect(b.sqlite.open).toBe(false);
  });

  it('TEN-6 closes idle databases and checkpoints the WAL on close', () => {
    const dbs = cache(10, 1000);
    const db = dbs.get('idle');
    db.sqlite.exec("INSERT INTO pm_users VALUES ('u1', '', 'U', 'owner', 0, 0)");
    dbs.closeIdle(Date.now() + 5000);
    expect(db.sqlite.open).toBe(false);
    expect(dbs.size).toBe(0);
    const wal = join(dataDir, 'idle', 'main.db-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    dbs.closeAll();
  });

  it('TEN-8 tidies a file soon after opening it: idempotency replies past retention and events beyond the newest N go', async () => {
    const seeded = openTenantDb(dataDir, 'tidy', { synchronous: 'NORMAL' });
    const day = 24 * 3600 * 1000;
    const now = Date.now();
    seeded.sqlite.exec(`
      INSERT INTO pm_users VALUES ('u1', '', 'U', 'owner', 0, 0);
      INSERT INTO pm_projects (id, key, name, version, last_event_seq, created_at_ms, created_by, updated_at_ms)
        VALUES ('p1', 'TID', 'Tidy', 1, 5, 0, 'u1', 0);`);
    for (let seq = 1; seq <= 5; seq++) {
      seeded.sqlite.prepare("INSERT INTO pm_events VALUES ('p1', ?, 'project', 'p1', 'u1', 0, '', x'00')").run(seq);
    }
    seeded.sqlite.prepare("INSERT INTO pm_idempotency_keys VALUES ('u1', 'old', x'00', ?), ('u1', 'new', x'00', ?)").run(now - 8 * day, now - day);
    seeded.close();

    const dbs = new TenantDatabases({
      dataDir, synchronous: 'NORMAL', maxOpen: 4, idleMs: 60_000, log: makeLogger('error'),
      onOpen: (db) => tidyTenant(db, { idempotencyDays: 7, eventLogKeep: 2 }, now),
    });
    const db = dbs.get('tidy');
    await nextTurn();
    expect(db.sqlite.prepare('SELECT seq FROM pm_events ORDER BY seq').pluck().all()).toEqual([4, 5]);
    expect(db.sqlite.prepare('SELECT message_id FROM pm_idempotency_keys').pluck().all()).toEqual(['new']);
    dbs.closeAll();
  });

  it('TEN-9 with a checkpointer, commits leave the WAL to a worker thread, which copies it into the database file', async () => {
    const checkpointer = new Checkpointer(makeLogger('error'), { tickMs: 50, settleMs: 0, maxCommits: 1 });
    const dbs = new TenantDatabases({ dataDir, synchronous: 'NORMAL', maxOpen: 4, idleMs: 60_000, log: makeLogger('error'), checkpointer });
    const db = dbs.get('ckpt');
    const file = join(dataDir, 'ckpt', 'main.db');
    const before = statSync(file).size;
    // About 4 MB: past the 1,000 WAL pages at which a commit would checkpoint by itself.
    const insert = db.sqlite.prepare("INSERT INTO pm_users VALUES (?, '', ?, 'member', 0, 0)");
    for (let i = 0; i < 40; i++) {
      db.transaction(() => {
        for (let j = 0; j < 100; j++) insert.run(`u${i}-${j}`, 'x'.repeat(1000));
      });
    }
    expect(statSync(file).size).toBe(before);
    await checkpointer.flush();
    expect(statSync(file).size).toBeGreaterThan(before + 3_000_000);
    // Closing leaves the last checkpoint to the thread, whose connection is the last to close.
    dbs.closeAll();
    await checkpointer.stop();
    const wal = `${file}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM pm_users').get()).toEqual({ n: 4000 });
    reader.close();
  });

  it('TEN-10 a file is checkpointed once it has gathered enough commits, or else once it has settled', async () => {
    const checkpointer = new Checkpointer(makeLogger('error'), { tickMs: 20, settleMs: 3000, maxCommits: 5 });
    const dbs = new TenantDatabases({ dataDir, synchronous: 'NORMAL', maxOpen: 4, idleMs: 60_000, log: makeLogger('error'), checkpointer });
    const sizeOf = (tenant: string) => statSync(join(dataDir, tenant, 'main.db')).size;
    const write = (tenant: string, commits: number) => {
      const db = dbs.get(tenant);
      const insert = db.sqlite.prepare("INSERT INTO pm_users VALUES (?, '', ?, 'member', 0, 0)");
      for (let i = 0; i < commits; i++) db.transaction(() => insert.run(`u${i}`, 'x'.repeat(100_000)));
    };
    const busy = { tenant: 'busy', before: 0 };
    const quiet = { tenant: 'quiet', before: 0 };
    for (const t of [busy, quiet]) {
      dbs.get(t.tenant);
      t.before = sizeOf(t.tenant);
    }
    write(quiet.tenant, 1);
    write(busy.tenant, 5);
    await vi.waitFor(() => expect(sizeOf(busy.tenant)).toBeGreaterThan(busy.before + 400_000), { timeout: 2500, interval: 20 });
    expect(sizeOf(quiet.tenant)).toBe(quiet.before);
    await vi.waitFor(() => expect(sizeOf(quiet.tenant)).toBeGreaterThan(quiet.before + 90_000), { timeout: 10_000, interval: 50 });
    dbs.closeAll();
    await checkpointer.stop();
  });

  it("TEN-11 with a checkpointer, the thread holds every file the cache opens, so the cache's close is not the last: the thread's close finishes the WAL", async () => {
    const checkpointer = new Checkpointer(makeLogger('error'));
    const db = openTenantDb(dataDir, 'held', { synchronous: 'NORMAL', autoCheckpoint: false });
    checkpointer.opened(db.path);
    // Messages reach the thread in order: once a round has run, it holds the file.
    checkpointer.wrote(db.path);
    await checkpointer.flush();
    db.transaction(() => db.sqlite.prepare("INSERT INTO pm_users VALUES ('u1', '', 'U', 'owner', 0, 0)").run());
    const wal = `${db.path}-wal`;
    db.close({ checkpoint: false });
    expect(statSync(wal).size).toBeGreaterThan(0);
    checkpointer.closed(db.path);
    await vi.waitFor(() => expect(existsSync(wal)).toBe(false), { timeout: 5000, interval: 20 });
    const reader = new Database(db.path, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM pm_users').get()).toEqual({ n: 1 });
    reader.close();
    await checkpointer.stop();
  });

  it('TEN-12 housekeeping is due at the first open of a tenant, then once a day however often its file is reopened, and again at the next open after a failed one', () => {
    const schedule = new HousekeepingSchedule(1000);
    expect(schedule.due('a', 0)).toBe(true);
    schedule.ran('a', 0);
    expect(schedule.due('a', 999)).toBe(false);
    expect(schedule.due('b', 999)).toBe(true);
    // A run that failed was never recorded: the next open tries again.
    expect(schedule.due('b', 1000)).toBe(true);
    expect(schedule.due('a', 1000)).toBe(true);
    schedule.ran('a', 1000);
    expect(schedule.due('a', 1500)).toBe(false);
  });
});

describe('migrations', () => {
  it('TEN-7 brings a version-1 file forward, keeping its rows, and indexes them for search (SEARCH-8)', () => {
    const v1 = new Database(join(dataDir, 'old.db'));
    v1.exec(SCHEMA_V1);
    v1.exec(`
      INSERT INTO pm_schema_docs VALUES ('pm_users', '', 'People');
      INSERT INTO pm_users VALUES ('u1', '', 'U', 'owner', 0, 0);
      INSERT INTO pm_projects (id, key, name, version, created_at_ms, created_by, updated_at_ms) VALUES ('p', 'OLD', 'Old', 1, 0, 'u1', 0);
      INSERT INTO pm_workflow_statuses VALUES ('s', 'p', 'To Do', 'UNSTARTED', 0);
      INSERT INTO pm_work_items (id, project_id, number, key, item_type, title, description, status_id, priority, rank, version,
        created_at_ms, created_by, updated_at_ms, updated_by) VALUES ('w', 'p', 1, 'OLD-1', 'TASK', 'Legacy title', 'Older words', 's', 'NONE', 'M', 1, 0, 'u1', 0, 'u1');
      INSERT INTO pm_comments (id, work_item_id, author_id, body, created_at_ms, version) VALUES ('c', 'w', 'u1', 'A remark', 0, 1);
    `);
    v1.pragma('user_version = 1');
    v1.close();
    mkdirSync(join(dataDir, 'old'));
    renameSync(join(dataDir, 'old.db'), join(dataDir, 'old', 'main.db'));
    const again = openTenantDb(dataDir, 'old', { synchronous: 'NORMAL' });
    expect(again.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const plan = again.sqlite.prepare(
      "EXPLAIN QUERY PLAN SELECT wl.work_item_id FROM pm_work_item_labels wl JOIN pm_labels l ON l.id = wl.label_id WHERE l.project_id = 'p'",
    ).all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/pm_work_item_labels_by_label/);
    expect(again.sqlite.prepare('SELECT count(*) AS n FROM pm_users').get()).toEqual({ n: 1 });
    const found = (words: string) =>
      again.sqlite.prepare('SELECT r.entity_id FROM pm_search JOIN pm_search_rows r ON r.search_rowid = pm_search.rowid WHERE pm_search MATCH ?').pluck().all(words);
    expect([found('legacy'), found('older'), found('remark'), found('"old 1"')]).toEqual([['w'], ['w'], ['c'], ['w']]);
    expect(again.sqlite.prepare("SELECT count(*) FROM pm_schema_docs WHERE table_name = 'pm_search_rows'").pluck().get()).toBe(5);
    again.close();
  });
});
