// `npm run start:cluster`: several processes on one port and one host, sharing
// the tenant files (SQLite serializes their writers) and linked by Redis.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ItemType, pb } from '../../shared/proto.ts';
import { signup } from './support/accounts.ts';
import { findRedis, freePort, uniqueChannel } from './support/redis.ts';
import { waitForExit } from './support/server-process.ts';
import { TestClient } from './support/ws-client.ts';

/** /healthz on a fresh connection each time, so the kernel may pick another process. */
function health(port: number): Promise<{ status: string; pid: number }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
    req.end();
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-cluster-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('start:cluster', () => {
  it('CLU-1 runs two processes on one port; concurrent writes to one project through both stay gap-free and reach everyone once', async () => {
    const port = await freePort();
    const cluster = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-cluster.ts'], {
      env: {
        ...process.env, INSTANCES: '2', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn',
        REDIS_URL: await findRedis(), REDIS_CHANNEL: uniqueChannel(), RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000',
      },
      stdio: 'ignore',
      detached: true,
    });
    try {
      const pids = new Set<number>();
      const until = Date.now() + 30_000;
      while (pids.size < 2 && Date.now() < until) {
        try {
          const h = await health(port);
          if (h.status === 'ok') pids.add(h.pid);
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      expect(pids.size).toBe(2);

      const ada = await signup(`http://127.0.0.1:${port}`, 'Ada');
      const url = `ws://127.0.0.1:${port}/ws`;
      const clients = await Promise.all(Array.from({ length: 8 }, () => TestClient.connect(url, ada.token)));
      const projectId = (await clients[0]!.ok({ createProject: { key: 'CLU', name: 'Cluster' } })).project!.id!;
      for (const c of clients) await c.ok({ subscribe: { projects: [{ projectId }] } });
      clients.forEach((c, n) => {
        for (let i = 0; i < 40; i++) {
          c.sendRaw(pb.ClientFrame.encode({ messageId: `c${n}-${i}`, createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `${n}/${i}` } }).finish());
        }
      });
      const total = 8 * 40;
      for (const c of clients) {
        await c.waitFor(() => {
          const seen = c.events.length + c.frames.filter((f) => f.result?.workItem).length;
          return seen >= total ? true : undefined;
        }, 20_000, 'every write');
      }
      for (const c of clients) {
        const errors = c.frames.filter((f) => f.error);
        expect(errors).toEqual([]);
        const seqs = [...c.events.map((e) => Number(e.seq)), ...c.frames.filter((f) => f.result?.workItem).map((f) => Number(f.result!.seq))];
        expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 2));
      }
      const board = (await clients[0]!.ok({ getBoard: { projectId } })).board!;
      expect(board.workItems).toHaveLength(total);
      for (const c of clients) c.close();
    } finally {
      process.kill(cluster.pid!, 'SIGTERM');
      expect(await waitForExit(cluster)).toBe(0);
    }
  }, 60_000);
});
