// docs/DESIGN.md decision 57, PROTOCOL.md §2.11: `npm run tenant:move` moves a
// tenant's file from the cell that holds it to another while its clients
// keep working: read-only meanwhile (writes UNAVAILABLE), copied with the
// online backup, streamed to the target over the cells' authenticated HTTP,
// checked there, placement flipped, the old copy set aside and deleted after
// the grace period; an interrupted move ends with the tenant whole on exactly
// one cell and writable; webhooks move with the tenant, their secrets sealed
// again with the target's key, and a standalone workspace's people with
// their workspace, to log in again on the target. Two cells here are two server processes (killed
// with SIGKILL where a test needs it) with data folders of their own, over
// one Redis under a key of this run's own.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ErrorCode, ItemType } from '../../shared/proto.ts';
import { MoveBook } from '../src/cells/move-record.ts';
import { Placement } from '../src/cells/placement.ts';
import { makeLogger } from '../src/log.ts';
import { SecretBox } from '../src/webhooks/secret-box.ts';
import { hostToken as platformToken, hostTrustEnv, until as waitUntil } from './support/host-platform.ts';
import { invite, PASSWORD, postJson, signup, type Session } from './support/accounts.ts';
import { findRedis, uniqueChannel } from './support/redis.ts';
import { startRoutedWriters } from './support/routed-writers.ts';
import { spawnServer, waitForExit, type ServerProcess } from './support/server-process.ts';
import { startReceiver, verifies } from './support/webhook-receiver.ts';
import { TestClient } from './support/ws-client.ts';

const SECRET = randomBytes(24).toString('hex');
const LEASE_SECONDS = 3;
const GRACE_SECONDS = 2;

/** The tenant's admin: the moves' clients create and change what they like. */
const hostToken = (tenantId: string) => platformToken(tenantId, { name: 'User host-user-1', role: 'admin' });
/** A move's steps take longer than a single server's: waits are longer here, and look more often. */
const until = <T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 10_000) => waitUntil(check, what, timeoutMs, 20);

interface Cell {
  name: 'a' | 'b';
  dir: string;
  proc: ServerProcess;
}

let parent: string;
let redisUrl: string;
let redis: Redis;
let key: string;
let env: Record<string, string>;
const cells = {} as Record<'a' | 'b', Cell>;

const startCell = async (name: 'a' | 'b') => {
  const dir = join(parent, name);
  cells[name] = { name, dir, proc: await spawnServer(dir, { ...env, CELL: name }) };
};

async function killCell(name: 'a' | 'b'): Promise<void> {
  const { child } = cells[name].proc;
  child.kill('SIGKILL');
  await waitForExit(child);
}

const tenantFile = (cell: Cell, tenantId: string) => join(cell.dir, tenantId, 'main.db');
const moveRecord = async (tenantId: string) => {
  const json = await redis.hget(`${key}:moves`, tenantId);
  return json ? (JSON.parse(json) as { id: string; step: string }) : null;
};

/** `npm run tenant:move`, as a process of its own. */
function runMove(tenantId: string, to: string) {
  return runTenantMove([tenantId, to, '--json']);
}

function runTenantMove(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/tenant-move.ts', ...args], {
    env: { ...process.env, REDIS_URL: redisUrl, PLACEMENT_KEY: key, CLUSTER_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, done: new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr }))) };
}

interface Tenant {
  id: string;
  token: string;
  projectId: string;
  /** The project's seq when it was made. */
  seq: number;
}

/** A host tenant placed on `cell` by its first socket, with one project and `items` tasks. */
async function newTenant(cell: Cell, items = 0): Promise<Tenant> {
  const id = `host-move-${randomUUID().slice(0, 8)}`;
  const token = await hostToken(id);
  const client = await TestClient.connect(cell.proc.ws, token);
  try {
    const made = await client.ok({ createProject: { key: 'MOV', name: 'Moving' } });
    let seq = made.seq!;
    for (let i = 0; i < items; i++) seq = (await client.ok({ createWorkItem: { projectId: made.project!.id!, itemType: ItemType.ITEM_TYPE_TASK, title: `before ${i}` } })).seq!;
    return { id, token, projectId: made.project!.id!, seq };
  } finally {
    client.socket.close();
  }
}

/**
 * Stored replies of a busy week, written straight into the tenant's file: a
 * file of `mb` more megabytes, so each step of a move takes long enough to be
 * caught in it.
 */
function grow(cell: Cell, tenantId: string, mb: number): void {
  const db = new Database(tenantFile(cell, tenantId));
  try {
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare('INSERT INTO pm_idempotency_keys (user_id, message_id, reply, created_at_ms) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < mb * 64; i++) insert.run('host-user-1', `grown-${i}`, randomBytes(16 * 1024), Date.now());
    })();
  } finally {
    db.close();
  }
}

async function board(cell: Cell, tenant: Tenant) {
  const client = await TestClient.connect(cell.proc.ws, tenant.token);
  try {
    return (await client.ok({ getBoard: { projectId: tenant.projectId } })).board!;
  } finally {
    client.socket.close();
  }
}

/** A write on the cell, sent again while it is refused UNAVAILABLE (a mark that has not lapsed there yet). */
async function writes(cell: Cell, tenant: Tenant, title: string): Promise<number> {
  const client = await TestClient.connect(cell.proc.ws, tenant.token);
  try {
    return await until(async () => {
      const reply = await client.request({ createWorkItem: { projectId: tenant.projectId, itemType: ItemType.ITEM_TYPE_TASK, title } });
      if (reply.error?.code === ErrorCode.ERROR_CODE_UNAVAILABLE) return undefined;
      if (!reply.result) throw new Error(`the write was refused: ${JSON.stringify(reply.error)}`);
      return reply.result.seq!;
    }, `a write on cell ${cell.name}`, 15_000);
  } finally {
    client.socket.close();
  }
}

/** Read from one of a cell's SQLite files, as an outside reader would (the cell has it open). */
function readFile<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const fromFile = <T>(cell: Cell, tenantId: string, read: (db: Database.Database) => T): T => readFile(tenantFile(cell, tenantId), read);

/** How many accounts with this email the cell's account directory holds. */
const accountsIn = (cell: Cell, email: string) =>
  readFile(join(cell.dir, '_directory', 'accounts.db'), (db) => db.prepare('SELECT count(*) FROM accounts WHERE email = ? COLLATE NOCASE').pluck().get(email) as number);

/** The cell's list of tenants with webhooks: those its delivery worker visits. */
const webhookTenants = (cell: Cell) =>
  readFile(join(cell.dir, '_webhooks', 'tenants.db'), (db) => db.prepare('SELECT tenant_id FROM webhook_tenants').pluck().all() as string[]);

/** Whole on exactly one cell: the one placement names holds its file, sound; the other holds neither the file nor anything staged. */
async function wholeOnOneCell(tenant: Tenant): Promise<Cell> {
  const placed = (await redis.hget(key, tenant.id)) as 'a' | 'b';
  const holder = cells[placed];
  const other = cells[placed === 'a' ? 'b' : 'a'];
  expect(existsSync(tenantFile(holder, tenant.id))).toBe(true);
  expect(existsSync(join(other.dir, tenant.id))).toBe(false);
  const staged = existsSync(join(other.dir, '_moves')) ? readdirSync(join(other.dir, '_moves')).filter((n) => n.startsWith(`${tenant.id}.`) && n.endsWith('.in')) : [];
  expect(staged).toEqual([]);
  const db = new Database(tenantFile(holder, tenant.id), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
  return holder;
}

/** What a cell holds of a move of the tenant in its `_moves` folder: staged or outgoing files. */
function staged(cell: { dir: string }, tenantId: string): string[] {
  const moves = join(cell.dir, '_moves');
  return existsSync(moves) ? readdirSync(moves).filter((n) => n.startsWith(tenantId)) : [];
}

/** Runs a move and SIGKILLs `victim` as soon as Redis records the move at `step` (or later: a short step may be over first). */
async function killDuring(tenant: Tenant, step: string, victim: 'a' | 'b' | 'mover') {
  const move = runMove(tenant.id, 'b');
  const deadline = Date.now() + 15_000;
  while ((await moveRecord(tenant.id))?.step !== step) {
    if (Date.now() > deadline) throw new Error(`the move never reached its ${step} step`);
    await new Promise((r) => setTimeout(r, 2));
  }
  if (victim === 'mover') move.child.kill('SIGKILL');
  else await killCell(victim);
  return move.done;
}

beforeAll(async () => {
  redisUrl = await findRedis();
  redis = new Redis(redisUrl);
  key = `${uniqueChannel()}:placement`;
  parent = mkdtempSync(join(tmpdir(), 'tandem-move-'));
  env = {
    REDIS_URL: redisUrl,
    REDIS_CHANNEL: uniqueChannel(),
    PLACEMENT_KEY: key,
    CLUSTER_SECRET: SECRET,
    MOVE_LEASE_SECONDS: String(LEASE_SECONDS),
    MOVE_GRACE_SECONDS: String(GRACE_SECONDS),
    // MOVE-7's receiver is on 127.0.0.1; its retries come after a second.
    WEBHOOKS_ALLOW_PRIVATE: 'true',
    WEBHOOKS_RETRY_BASE_SECONDS: '1',
    WEBHOOKS_TIMEOUT_SECONDS: '2',
    ...(await hostTrustEnv(parent)),
  };
  await Promise.all([startCell('a'), startCell('b')]);
}, 60_000);

afterAll(async () => {
  for (const cell of Object.values(cells)) {
    cell.proc.child.kill('SIGTERM');
    await waitForExit(cell.proc.child);
  }
  await redis.del(key, `${key}:moves`, `${key}:cells`);
  redis.disconnect();
  rmSync(parent, { recursive: true, force: true });
});

describe('live tenant moves between cells', () => {
  let moved: Tenant;
  let moveId: string;

  it('MOVE-1 a tenant moved while 3 clients write to it: every acknowledged write is on the new cell, every client ends equal to its get_board, seqs go on without a gap, and writes were refused for a measured time', async () => {
    moved = await newTenant(cells.a);
    // The clients' router, as HAProxy would be: each socket goes to the cell placement names now.
    const router = new Placement(redisUrl, key, 'router', makeLogger('error'));
    router.start();
    expect(await router.cellOf(moved.id)).toBe('a');
    const clients = startRoutedWriters({ count: 3, token: moved.token, projectId: moved.projectId, fromSeq: moved.seq, cellUrl: () => cells[router.cached(moved.id) as 'a' | 'b'].proc.ws });
    const { writers } = clients;

    await until(() => (writers.every((w) => w.acked.length >= 5) ? true : undefined), 'every client writing on cell a');
    const move = runMove(moved.id, 'b');
    const { code, stdout, stderr } = await move.done;
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as { move: string; readOnlyMs: number; totalMs: number; bytes: number; from: string; to: string };
    moveId = report.move;
    expect(report).toMatchObject({ from: 'a', to: 'b' });
    const flippedAt = Date.now();
    await until(() => (writers.every((w) => w.acked.some((a) => a.at > flippedAt + 300)) ? true : undefined), 'every client writing on cell b');
    await clients.stop();
    router.close().catch(() => undefined);

    expect(await redis.hget(key, moved.id)).toBe('b');
    const onB = await board(cells.b, moved);
    const onBoard = new Map(onB.workItems!.map((item) => [item.id!, Number(item.version)]));
    const acked = writers.flatMap((w) => w.acked);
    for (const write of acked) expect(onBoard.has(write.id), `acknowledged write ${write.id}`).toBe(true);
    // One event per write, numbered on from the old cell's log: all of them, once, without a gap.
    const allSeqs = acked.map((a) => a.seq).sort((x, y) => x - y);
    expect(allSeqs).toEqual(Array.from({ length: Number(onB.seq) - moved.seq }, (_, i) => moved.seq + 1 + i));
    for (const writer of writers) {
      await until(() => (writer.items.size === onBoard.size ? true : undefined), 'every client to hear every write');
      expect(writer.items).toEqual(onBoard);
      expect([...writer.seqs].sort((x, y) => x - y)).toEqual(allSeqs);
    }
    clients.close();

    // The clients saw the tenant refuse writes, and waited.
    const { refusedAt } = clients;
    expect(refusedAt.length).toBeGreaterThan(0);
    const longestWait = clients.longestWait();
    console.log(`MOVE-1: ${(report.bytes / 1024).toFixed(0)} KiB moved in ${report.totalMs} ms; read-only for ${report.readOnlyMs} ms (mark to flip); ` +
      `the clients' longest wait between acknowledged writes ${longestWait} ms; ${refusedAt.length} UNAVAILABLE refusals; ${acked.length} writes acknowledged`);
    expect(longestWait).toBeGreaterThanOrEqual(report.readOnlyMs - 100);
  }, 30_000);

  it('MOVE-2 the old cell refuses the tenant afterwards, its folder is set aside at once and deleted after the grace period', async () => {
    const socket = new WebSocket(cells.a.proc.ws, ['tandem.v1', `bearer.${moved.token}`]);
    const refused = await new Promise<{ status: number; cell: unknown }>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, cell: res.headers['tandem-cell'] }));
      socket.once('open', () => resolve({ status: 101, cell: null }));
      socket.once('error', () => undefined);
    });
    expect(refused).toEqual({ status: 421, cell: 'b' });
    expect(existsSync(join(cells.a.dir, moved.id))).toBe(false);
    const aside = join(cells.a.dir, '_moved', `${moved.id}.${moveId}`);
    expect(existsSync(join(aside, 'main.db'))).toBe(true);
    await until(() => (existsSync(aside) ? undefined : true), 'the old copy to be deleted', (GRACE_SECONDS + 5) * 1000);
    await wholeOnOneCell(moved);
    expect(await moveRecord(moved.id)).toBeNull();
  });

  it('MOVE-3 the source cell SIGKILLed during each step of a move, then restarted: the tenant is whole on exactly one cell and takes writes', async () => {
    for (const step of ['copying', 'sending', 'installing']) {
      const tenant = await newTenant(cells.a, 3);
      grow(cells.a, tenant.id, 24);
      const { code } = await killDuring(tenant, step, 'a');
      expect(code).not.toBe(0);
      await startCell('a');
      await until(async () => ((await moveRecord(tenant.id)) ? undefined : true), 'the interrupted move to be resolved', (LEASE_SECONDS + 8) * 1000);
      const holder = await wholeOnOneCell(tenant);
      const seq = await writes(holder, tenant, `after a SIGKILL while ${step}`);
      expect(seq).toBe(tenant.seq + 1);
      expect((await board(holder, tenant)).workItems).toHaveLength(4);
      console.log(`MOVE-3: source killed while ${step}: the tenant stayed on cell ${holder.name}`);
    }
  }, 60_000);

  it('MOVE-4 the target cell SIGKILLed during a move: the move rolls back at once and the tenant takes writes on the source; killed before it installed, the source drops the move\'s record itself and the target sweeps what it staged when it restarts', async () => {
    const tenant = await newTenant(cells.a, 3);
    grow(cells.a, tenant.id, 24);
    const { code, stderr } = await killDuring(tenant, 'sending', 'b');
    expect(code, stderr).toBe(1);
    expect(stderr).toContain('rolled back');
    // Writable on the source before the target is back: the mover lifted the mark.
    expect(await redis.hget(key, tenant.id)).toBe('a');
    expect(await writes(cells.a, tenant, 'after the target died')).toBe(tenant.seq + 1);
    // Without waiting for the target, which may never come back: nothing blocks the tenant's next move.
    await until(async () => (await moveRecord(tenant.id)) === null, 'the source to drop the move\'s record', 5_000);
    await startCell('b');
    await until(() => staged(cells.b, tenant.id).length === 0, 'the target to sweep what it staged', (2 * LEASE_SECONDS + 8) * 1000);
    expect((await wholeOnOneCell(tenant)).name).toBe('a');

    // Killed while it installs (or just after: the step is short), it is whole on one cell once it is back.
    const late = await newTenant(cells.a, 3);
    grow(cells.a, late.id, 24);
    await killDuring(late, 'installing', 'b');
    await startCell('b');
    await until(async () => ((await moveRecord(late.id)) ? undefined : true), 'the move to be resolved', (LEASE_SECONDS + 8) * 1000);
    const holder = await wholeOnOneCell(late);
    expect(await writes(holder, late, 'after the target died while installing')).toBe(late.seq + 1);
    console.log(`MOVE-4: target killed while installing: the tenant ended on cell ${holder.name}`);
  }, 60_000);

  it('MOVE-9 a move whose target died while installing and never came back: its record blocks the next move until `tenant:move -- --abandon` drops it, which it refuses while the move holds the tenant read-only; then the tenant moves on', async () => {
    const tenant = await newTenant(cells.a, 2);
    const book = new MoveBook(redis, key);
    // What a mover leaves when its target dies for good while installing: the record at that step, the mark lifted by the rollback.
    const record = { id: `gone-${randomUUID().slice(0, 8)}`, tenant: tenant.id, from: 'a', to: 'gone', step: 'read-only' as const, at: Date.now() };
    expect(await book.begin(record, 60_000)).toBe(true);
    await book.step(record, 'installing');
    const early = await runTenantMove(['--abandon', tenant.id]).done;
    expect(early.code, early.stdout).toBe(1);
    expect(early.stderr).toContain('read-only');
    await book.lift(tenant.id, record.id);

    // Cell a's resolver passes leave it: only the target may drop a record it may have installed.
    await new Promise((resolve) => setTimeout(resolve, (LEASE_SECONDS / 2 + 1) * 1000));
    expect((await moveRecord(tenant.id))?.id).toBe(record.id);
    expect(await writes(cells.a, tenant, 'while the record blocks')).toBe(tenant.seq + 1);
    const blocked = await runMove(tenant.id, 'b').done;
    expect(blocked.code).toBe(1);

    const dropped = await runTenantMove(['--abandon', tenant.id]).done;
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stdout).toContain(`stays on cell a`);
    expect(await moveRecord(tenant.id)).toBeNull();
    const again = await runTenantMove(['--abandon', tenant.id]).done;
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no move');

    const moved = await runMove(tenant.id, 'b').done;
    expect(moved.code, moved.stderr).toBe(0);
    expect((await wholeOnOneCell(tenant)).name).toBe('b');
    expect(await writes(cells.b, tenant, 'on the new cell')).toBe(tenant.seq + 2);
  }, 60_000);

  it('MOVE-5 the tenant:move process SIGKILLed mid-move: the source cell, which runs the move, finishes it; the tenant is whole on the target and takes writes', async () => {
    const tenant = await newTenant(cells.a, 3);
    grow(cells.a, tenant.id, 24);
    await killDuring(tenant, 'copying', 'mover');
    await until(async () => ((await moveRecord(tenant.id)) ? undefined : true), 'the move to finish', 15_000);
    expect(await redis.hget(key, tenant.id)).toBe('b');
    expect((await wholeOnOneCell(tenant)).name).toBe('b');
    expect(await writes(cells.b, tenant, 'after the mover died')).toBe(tenant.seq + 1);
  }, 30_000);

  it('MOVE-6 the internal routes refuse a request without the cluster secret, and keep nothing of it', async () => {
    const tenant = await newTenant(cells.a);
    for (const authorization of [undefined, 'Bearer not-the-secret', `Bearer ${SECRET}x`, SECRET]) {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      const started = await fetch(`${cells.a.proc.http}/internal/moves`, { method: 'POST', headers, body: JSON.stringify({ tenant: tenant.id, to: 'b' }) });
      expect(started.status).toBe(401);
      expect(await started.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      const planted = await fetch(`${cells.b.proc.http}/internal/moves/file?tenant=${tenant.id}&move=${randomUUID()}`, { method: 'POST', headers, body: randomBytes(4096) });
      expect(planted.status).toBe(401);
    }
    expect(await redis.hget(key, tenant.id)).toBe('a');
    expect(await moveRecord(tenant.id)).toBeNull();
    expect(staged(cells.b, tenant.id)).toEqual([]);
    // With the secret, the same request is taken (and refused for what it says, not who says it).
    const planted = await fetch(`${cells.b.proc.http}/internal/moves/file?tenant=${tenant.id}&move=${randomUUID()}`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body: randomBytes(4096) });
    expect(planted.status).toBe(409);
  });

  it('MOVE-7 a tenant with a webhook moves with it: a delivery queued on the old cell and one of a write on the new cell both arrive signed with the secret registered before the move, sent by the new cell, whose own key seals the secret now; the old cell stops visiting the tenant', async () => {
    let receiving = false;
    const receiver = await startReceiver(() => (receiving ? 200 : 503));
    try {
      const tenant = await newTenant(cells.a);
      const registered = await fetch(`${cells.a.proc.http}/api/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tenant.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: receiver.url, kinds: ['work_item.created'], projects: 'all' }),
      });
      expect(registered.status).toBe(201);
      const { secret } = (await registered.json()) as { secret: string };
      await writes(cells.a, tenant, 'queued on cell a');
      await until(() => (receiver.hits.length > 0 ? true : undefined), 'a first attempt, refused by the receiver');

      const { code, stderr } = await runMove(tenant.id, 'b').done;
      expect(code, stderr).toBe(0);
      receiving = true;
      await writes(cells.b, tenant, 'made on cell b');
      const delivered = () => fromFile(cells.b, tenant.id, (db) => db.prepare("SELECT count(*) FROM pm_webhook_deliveries WHERE state = 'DELIVERED'").pluck().get() as number);
      await until(() => (delivered() === 2 ? true : undefined), 'both deliveries delivered from cell b', 20_000);

      const titles = receiver.hits.map((hit) => (JSON.parse(hit.body) as { entity: { title: string } }).entity.title);
      expect(new Set(titles)).toEqual(new Set(['queued on cell a', 'made on cell b']));
      for (const hit of receiver.hits) expect(verifies(hit, secret), `delivery ${hit.deliveryId} signed with the registered secret`).toBe(true);
      const sealed = fromFile(cells.b, tenant.id, (db) => db.prepare('SELECT secret_sealed FROM pm_webhooks').pluck().get() as string);
      expect(SecretBox.forDataDir(cells.b.dir).open(sealed)).toBe(secret);
      expect(() => SecretBox.forDataDir(cells.a.dir).open(sealed)).toThrow();
      expect(webhookTenants(cells.b)).toContain(tenant.id);
      expect(webhookTenants(cells.a)).not.toContain(tenant.id);
    } finally {
      await receiver.close();
    }
  }, 40_000);

  it('MOVE-8 a standalone workspace moves with its people: they log in on the new cell with their passwords, an admin\'s password link still works there, old sessions are refused, the old cell sends their log-ins on; meanwhile a change of their accounts is refused 503; a workspace with someone also in another workspace of its cell is refused', async () => {
    const http = cells.a.proc.http;
    const as = (who: Session) => ({ authorization: `Bearer ${who.token}` });
    // Cy is in his own workspace and in Dee's: his account stays on cell a, and so does his workspace.
    const cy = await signup(http, 'Cy');
    const dee = await signup(http, 'Dee');
    expect((await postJson(http, '/api/workspace/invitations', { email: cy.user.email }, as(dee))).status).toBe(201);
    const shared = await runMove(cy.tenantId, 'b').done;
    expect(shared.code).not.toBe(0);
    expect(shared.stderr).toContain('also in other workspaces of this cell');
    expect(await redis.hget(key, cy.tenantId)).toBe('a');

    const ada = await signup(http, 'Ada');
    const bob = await invite(http, ada, 'Bob');
    const client = await TestClient.connect(cells.a.proc.ws, ada.token);
    const made = await client.ok({ createProject: { key: 'STA', name: 'Standalone' } });
    await client.ok({ createWorkItem: { projectId: made.project!.id!, itemType: ItemType.ITEM_TYPE_TASK, title: 'kept across cells' } });
    client.socket.close();
    const link = await postJson(http, `/api/workspace/people/${bob.user.id}/password-reset`, {}, as(ada));
    expect(link.status).toBe(201);
    grow(cells.a, ada.tenantId, 24);

    const move = runMove(ada.tenantId, 'b');
    await until(async () => ((await moveRecord(ada.tenantId))?.step === 'copying' ? true : undefined), 'the move to copy');
    const during = await postJson(http, `/api/workspace/people/${bob.user.id}/role`, { role: 'admin' }, as(ada));
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ error: { code: 'UNAVAILABLE', message: expect.stringContaining('moving') } });
    const { code, stderr } = await move.done;
    expect(code, stderr).toBe(0);

    for (const who of [ada, bob]) {
      expect(await redis.hget(`${key}:accounts`, who.user.email.toLowerCase())).toBe('b');
      expect(accountsIn(cells.a, who.user.email)).toBe(0);
      expect(accountsIn(cells.b, who.user.email)).toBe(1);
      expect(await postJson(http, '/api/auth/login', { email: who.user.email, password: PASSWORD })).toMatchObject({ status: 421, body: { cell: 'b' } });
      // Signed with cell a's key, which cell b cannot check: the people log in again.
      expect((await fetch(`${cells.b.proc.http}/api/workspace/people`, { headers: as(who) })).status).toBe(401);
    }
    expect((await postJson(http, '/api/auth/signup', { email: ada.user.email, password: PASSWORD, displayName: 'Not Ada', workspaceName: 'Taken' })).status).toBe(409);

    const login = await postJson(cells.b.proc.http, '/api/auth/login', { email: ada.user.email, password: PASSWORD });
    expect(login).toMatchObject({ status: 200, body: { tenantId: ada.tenantId, role: 'owner', workspace: { name: "Ada's team" } } });
    const onB = await TestClient.connect(cells.b.proc.ws, login.body.token);
    const moved = (await onB.ok({ getBoard: { projectId: made.project!.id! } })).board!;
    expect(moved.workItems!.map((item) => item.title)).toContain('kept across cells');
    onB.socket.close();
    const people = await fetch(`${cells.b.proc.http}/api/workspace/people`, { headers: { authorization: `Bearer ${login.body.token}` } });
    expect(((await people.json()) as { people: Array<{ email: string; role: string }> }).people).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: bob.user.email, role: 'member' })]),
    );

    const reset = await postJson(cells.b.proc.http, '/api/auth/password-reset', { token: link.body.token, password: 'a new one for bob, moved' });
    expect(reset).toMatchObject({ status: 200, body: { email: bob.user.email } });
    expect((await postJson(cells.b.proc.http, '/api/auth/login', { email: bob.user.email, password: 'a new one for bob, moved' })).status).toBe(200);
  }, 60_000);
});
