// The bench's own logic, fast: the figures it prints and the peer's write
// rules (it must refuse what Tandem refuses, or the comparison is unfair).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { makeLogger } from '../../server/src/log.ts';
import { openTenantDb, type TenantDb } from '../../server/src/tenancy/tenant-db.ts';
import { hostKeyEnv, makeHostKey, tokenSigner } from './auth.ts';
import { CommandError } from './load/clients.ts';
import { PeerClient } from './load/peer-client.ts';
import { framesSince, pagesByTable, walMark } from './load/wal-pages.ts';
import { readStamp } from './load/watchers.ts';
import { startPeer, type RunningPeer } from './peer/app.ts';
import { PeerStore, type PeerCaller } from './peer/store.ts';
import { percentile, renderTable, summarize, targetSummary, target } from './report.ts';
import { fanoutBetween } from './server-fanout.ts';
import { measureWireSizes, wireSizeTable } from './scenarios/wire-size.ts';

describe('report', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(500);
    expect(percentile(sorted, 99)).toBe(990);
    expect(percentile(sorted, 99.9)).toBe(999);
    expect(percentile([7], 99)).toBe(7);
    expect(summarize([3, 1, 2])).toEqual({ count: 3, p50: 2, p99: 3, p999: 3, max: 3 });
  });

  it("reads the servers' fan-out histograms as Prometheus would: the difference of two scrapes, linear within a bucket", () => {
    // Bounds (ms): 0.25, 0.5, 1, 2, 3, ... Before: 10 writes under 0.25 ms. Between the scrapes: 100 more, 50 in (1, 2], 49 in (2, 3], 1 in (3, 4].
    const before = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
    const after = [10, 10, 10, 60, 109, 110, 110, 110, 110, 110, 110, 110, 110, 110, 110, 110, 110, 110];
    const run = fanoutBetween(before, after);
    expect(run.count).toBe(100);
    expect(run.p50).toBeCloseTo(2, 5);
    expect(run.p99).toBeCloseTo(3, 5);
    expect(fanoutBetween(after, after).p99).toBeNaN();
  });

  it('prints Markdown tables and gathers every target into one list', () => {
    const table = { title: '9. Thing (ms)', about: 'About.', columns: ['a', 'target'], rows: [['1', target('< 5 ms', true)], ['2', target('x', false)]] };
    expect(renderTable(table)).toContain('| 1 | < 5 ms: **met** |');
    expect(targetSummary([table]).rows).toEqual([['9. Thing', '< 5 ms', '**met**'], ['9. Thing', 'x', '**missed**']]);
  });

  it('sizes the compact event Tandem\'s client gets beside the whole one, and holds the event target to the compact one', () => {
    const { rows } = measureWireSizes();
    const whole = rows.find((r) => r.what === 'event: work item changed')!;
    const compact = rows.find((r) => r.target)!;
    expect(compact.what).toMatch(/changed fields only/);
    // The peer's event is the same whole item in both rows.
    expect(compact.peer).toBe(whole.peer);
    expect(compact.tandem).toBeLessThan(whole.tandem / 2);
    const targeted = wireSizeTable().rows.filter((row) => row.at(-1)!.startsWith('event < half'));
    expect(targeted.map((row) => row[0])).toEqual([compact.what]);
  });

  it('names the table of every page a commit appends to the WAL, per commit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-wal-'));
    const db = new Database(join(dir, 'pages.db'));
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE tags (name TEXT PRIMARY KEY) WITHOUT ROWID; CREATE INDEX notes_by_body ON notes (body)');
      const wal = join(dir, 'pages.db-wal');
      const mark = walMark(wal);
      const note = db.prepare('INSERT INTO notes (body) VALUES (?)');
      // Ten commits of one small row each: the table's page and its index's page every time, and nothing of tags.
      for (let i = 0; i < 10; i++) note.run(`note ${i}`);
      const { commits, tables } = pagesByTable(db, framesSince(wal, mark, 4096));
      expect(commits).toBe(10);
      expect(tables.find((t) => t.table === 'notes')?.pagesPerCommit).toBe(1);
      expect(tables.find((t) => t.table === 'notes_by_body')?.pagesPerCommit).toBe(1);
      expect(tables.map((t) => t.table)).not.toContain('tags');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the send stamp in a raw frame', () => {
    expect(readStamp(Buffer.from('42["event",{"title":"sent@1234.567","x":1}]'))).toBe(1234.567);
    expect(readStamp(Buffer.from('no stamp here'))).toBeNull();
  });
});

describe('the peer keeps the same write rules', () => {
  let dir: string;
  let db: TenantDb;
  const caller: PeerCaller = { tenantId: 'rules', userId: 'ada', displayName: 'Ada', tenantRole: 'admin' };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
    db = openTenantDb(dir, 'rules', { synchronous: 'NORMAL' });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks the version, and writes the row, an activity row, an event and the reply in one go', () => {
    const store = new PeerStore(db.sqlite);
    store.upsertUser(caller, 1);
    const project = store.createProject(caller, { messageId: 'p1', key: 'RULES', name: 'Rules' }, 1).reply;
    if (!project.ok) throw new Error('no project');
    const created = store.createWorkItem(caller, { messageId: 'c1', projectId: project.project!.id, statusId: project.project!.statuses[1]!.id, title: 'One' }, 2).reply;
    if (!created.ok) throw new Error('no item');
    const itemId = created.workItem!.id;

    const updated = store.updateWorkItem(caller, { messageId: 'u1', workItemId: itemId, expectedVersion: 1, title: 'Two' }, 3);
    expect(updated.reply).toMatchObject({ ok: true, workItem: { version: 2, title: 'Two' } });
    expect(updated.event?.seq).toBe(3);

    const stale = store.updateWorkItem(caller, { messageId: 'u2', workItemId: itemId, expectedVersion: 1, title: 'Three' }, 4);
    expect(stale.reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', current: { version: 2, title: 'Two' } } });
    expect(stale.event).toBeNull();

    const resent = store.updateWorkItem(caller, { messageId: 'u1', workItemId: itemId, expectedVersion: 1, title: 'Two' }, 5);
    expect(resent).toEqual({ reply: updated.reply, event: null });

    const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT count(*) AS n FROM pm_activity WHERE field = 'title'`)).toBe(1);
    expect(count('SELECT count(*) AS n FROM pm_events')).toBe(3);
    expect(count('SELECT count(*) AS n FROM pm_idempotency_keys')).toBe(4);
  });
});

describe('the peer over Socket.IO', () => {
  let dir: string;
  let peer: RunningPeer;
  let sign: ReturnType<typeof tokenSigner>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-peer-'));
    const key = makeHostKey(dir);
    sign = tokenSigner(key.privatePem);
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, ...hostKeyEnv(key) });
    peer = await startPeer(config, makeLogger('error'));
  });
  afterAll(async () => {
    await peer.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a stale version with CONFLICT and refuses a bad token', async () => {
    const client = await PeerClient.connect(`http://127.0.0.1:${peer.port}`, sign({ tenantId: 'acme', userId: 'ada' }));
    try {
      const { projectId, todoStatusId } = await client.createProject('ACME', 'Acme');
      const item = await client.createItem(projectId, todoStatusId, 'First');
      await client.updateTitle(item.itemId, item.version, 'Second');
      const stale = client.updateTitle(item.itemId, item.version, 'Third');
      await expect(stale).rejects.toBeInstanceOf(CommandError);
      await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      client.close();
    }
    await expect(PeerClient.connect(`http://127.0.0.1:${peer.port}`, 'not-a-token')).rejects.toThrow('unauthorized');
  });
});
