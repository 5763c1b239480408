// 11. A live tenant move between two cells (docs/DESIGN.md decision 57), for a
// small tenant file and a 100 MB one, while 3 clients write to it: how long
// writes were refused, and the whole move, against the file's size.
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Placement } from '../../../server/src/cells/placement.ts';
import { makeLogger } from '../../../server/src/log.ts';
import type { MoveReport } from '../../../server/src/moves/move-steps.ts';
import { findRedis } from '../../../server/test/support/redis.ts';
import { startRoutedWriters } from '../../../server/test/support/routed-writers.ts';
import { TestClient } from '../../../server/test/support/ws-client.ts';
import { ItemType } from '../../../shared/proto.ts';
import { hostTenantId, tokenSigner } from '../auth.ts';
import { dataDir, type BenchContext } from '../context.ts';
import { ms, type Table } from '../report.ts';
import { startServer, type RunningServer } from '../servers.ts';

const SECRET = randomBytes(24).toString('hex');
/** The tenant as made (its cards alone), then grown to 100 MB. */
const SIZES_MB = [0, 100];
const ITEMS = 200;

/** A host tenant on `cell` with a project of ITEMS cards, grown to about `mb` with a week of stored replies. */
async function tenantOf(cell: RunningServer, dir: string, token: string, tenantId: string, mb: number) {
  const client = await TestClient.connect(cell.url, token);
  let made;
  try {
    made = await client.ok({ createProject: { key: 'MOV', name: 'Moving' } });
    for (let i = 0; i < ITEMS; i++) made = { ...made, seq: (await client.ok({ createWorkItem: { projectId: made.project!.id!, itemType: ItemType.ITEM_TYPE_TASK, title: `card ${i}` } })).seq };
  } finally {
    client.socket.close();
  }
  const path = join(dir, tenantId, 'main.db');
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare('INSERT INTO pm_idempotency_keys (user_id, message_id, reply, created_at_ms) VALUES (?, ?, ?, ?)');
    const rows = Math.max(0, Math.round((mb * 1024 * 1024 - statSync(path).size) / (16 * 1024)));
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run('owner', `stored-${i}`, randomBytes(16 * 1024), Date.now());
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return { projectId: made.project!.id!, seq: Number(made.seq), bytes: statSync(path).size };
}

/**
 * Another tenant's reads on a cell, one every 10 ms (a busy person, not a
 * flood that would take the core from the move), for as long as it runs: the
 * slowest says how long that cell's event loop was held.
 */
async function probe(cell: RunningServer, token: string): Promise<{ stop(): Promise<number> }> {
  const client = await TestClient.connect(cell.url, token);
  let running = true;
  let slowest = 0;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await client.ok({ listProjects: {} });
      slowest = Math.max(slowest, performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      client.socket.close();
      return slowest;
    },
  };
}

export async function tenantMoveTable(ctx: BenchContext): Promise<Table> {
  const redisUrl = await findRedis();
  const key = `tandem-bench:${randomUUID()}:placement`;
  const dirs = { a: dataDir(ctx, 'move-a'), b: dataDir(ctx, 'move-b') };
  const env = (cell: string) => ({ ...ctx.authEnv, REDIS_URL: redisUrl, REDIS_CHANNEL: `${key}:events`, PLACEMENT_KEY: key, CELL: cell, CLUSTER_SECRET: SECRET });
  const a = await startServer('tandem', { dataDir: dirs.a, env: env('a') });
  const b = await startServer('tandem', { dataDir: dirs.b, env: env('b') });
  const router = new Placement(redisUrl, key, 'bench-router', makeLogger('error'));
  router.start();
  const sign = tokenSigner(ctx.hostKey.privatePem);
  const rows: string[][] = [];
  try {
    for (const mb of SIZES_MB) {
      const name = `move-${mb}mb`;
      const tenantId = hostTenantId(name);
      const token = sign({ tenantId: name, userId: 'owner' });
      const tenant = await tenantOf(a, dirs.a, token, tenantId, mb);
      await router.cellOf(tenantId);
      const clients = startRoutedWriters({ count: 3, token, projectId: tenant.projectId, fromSeq: tenant.seq, cellUrl: () => (router.cached(tenantId) === 'b' ? b.url : a.url) });
      await new Promise((r) => setTimeout(r, 500));
      const probes = await Promise.all([a, b].map((cell, i) => probe(cell, sign({ tenantId: `bystander-${i}-${mb}`, userId: 'owner' }))));
      const started = Date.now();
      const answer = await fetch(`${a.http}/internal/moves`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body: JSON.stringify({ tenant: tenantId, to: 'b' }) });
      if (answer.status !== 200) throw new Error(`the move of ${tenantId} failed: ${answer.status} ${await answer.text()}`);
      const report = (await answer.json()) as MoveReport;
      // Writing on the new cell again, for a while, before the clients stop.
      const flipped = started + report.readOnlyMs;
      while (!clients.writers.every((w) => w.acked.some((x) => x.at > flipped + 500))) await new Promise((r) => setTimeout(r, 20));
      await clients.stop();
      clients.close();
      const [slowestA, slowestB] = await Promise.all(probes.map((p) => p.stop()));
      const waited = clients.longestWait();
      rows.push([
        `${(tenant.bytes / 1024 / 1024).toFixed(1)} MiB`,
        ms(report.readOnlyMs), ms(waited), ms(report.totalMs),
        ms(report.steps.copy), ms(report.steps.send), ms(report.steps.install), ms(report.steps.flip),
        ms(slowestA!), ms(slowestB!),
      ]);
    }
  } finally {
    await router.close();
    await Promise.all([a.stop(), b.stop()]);
    const redis = new Redis(redisUrl);
    await redis.del(key, `${key}:moves`, `${key}:cells`);
    redis.disconnect();
  }
  return {
    title: '11. Tenant move (ms, two cells on one machine)',
    about: `A host tenant of ${ITEMS} cards and a project, grown with stored replies to the size shown, moved from cell a to cell b (\`POST /internal/moves\`, what \`npm run tenant:move\` sends) while 3 SDK clients write to it without pause, each socket routed to the cell placement names. Read-only: the mover's time from its mark to the flip, during which every write is refused UNAVAILABLE. Clients waited: the longest time between two acknowledged writes, across the clients, which adds the reconnect to the new cell. Copy: the online backup; send: streaming the copy to cell b and its integrity check there; install: the rename into place. Slowest other read: another tenant on each cell reads its projects every 10 ms meanwhile, and the slowest answer bounds how long that cell's event loop was held.`,
    columns: ['file', 'read-only', 'clients waited', 'whole move', 'copy', 'send + check', 'install', 'flip', 'slowest other read, a', 'b'],
    rows,
    notes: ['Both cells, the clients and Redis share the machine; across hosts, sending adds the network\'s time for the file\'s bytes.'],
  };
}
