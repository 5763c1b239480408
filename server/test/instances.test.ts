// Several instances linked by Redis: every member of a team sees every change
// live, in order, exactly once, whatever instance they landed on and whatever
// Redis does (issue: several server instances linked by Redis pub/sub).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType, pb, type IEvent } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { OwnRedis, findRedis, uniqueChannel } from './support/redis.ts';
import { spawnServer, waitForExit } from './support/server-process.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

const FAST = { RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' };

async function cluster(n: number, redisUrl: string, dataDir: string, env: Record<string, string> = {}): Promise<TestServer[]> {
  const channel = uniqueChannel();
  const servers: TestServer[] = [];
  for (let i = 0; i < n; i++) {
    servers.push(await startTestServer({ REDIS_URL: redisUrl, REDIS_CHANNEL: channel, ...FAST, ...env }, dataDir));
  }
  for (const s of servers) await waitForHealth(s.http, 'ok');
  return servers;
}

async function waitForHealth(base: string, status: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const body = (await (await fetch(base + '/healthz')).json()) as { status: string };
    if (body.status === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${base} did not report ${status}`);
}

/** Every seq a client learned of for a project: events pushed to it plus its own Results. */
function seqsSeen(client: TestClient, projectId: string): number[] {
  const pushed = client.events.filter((e) => e.projectId === projectId && Number(e.seq) > 0).map((e) => Number(e.seq));
  const own = client.frames.filter((f) => f.result && Number(f.result.seq) > 0 && f.result.workItem?.projectId === projectId).map((f) => Number(f.result!.seq));
  return [...pushed, ...own].sort((a, b) => a - b);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function subscribeAll(clients: TestClient[], projectId: string): Promise<number> {
  let seq = 0;
  for (const c of clients) {
    const res = await c.ok({ subscribe: { projects: [{ projectId }] } });
    seq = Number(res.subscribed!.projects![0]!.sinceSeq);
  }
  return seq;
}

function create(client: TestClient, projectId: string, title: string): void {
  client.sendRaw(pb.ClientFrame.encode({ messageId: `w-${title}`, createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title } }).finish());
}

async function replies(client: TestClient, count: number, timeoutMs = 20_000): Promise<void> {
  await client.waitFor(() => (client.frames.filter((f) => !f.event).length >= count ? true : undefined), timeoutMs, `${count} replies`);
}

let redisUrl: string;
beforeAll(async () => {
  redisUrl = await findRedis();
});

describe('two instances', () => {
  let dataDir: string;
  let servers: TestServer[];
  let ada: Session;
  let bob: Session;
  let projectId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-inst-'));
    servers = await cluster(2, redisUrl, dataDir);
    ada = await signup(servers[0]!.http, 'Ada');
    bob = await invite(servers[1]!.http, ada, 'Bob', 'admin');
    const setup = await TestClient.connect(servers[0]!.ws, ada.token);
    projectId = (await setup.ok({ createProject: { key: 'TWO', name: 'Two instances' } })).project!.id!;
    setup.close();
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('INST-1 a write on A reaches a client on B, and one on B reaches A', async () => {
    const onA = await TestClient.connect(servers[0]!.ws, ada.token);
    const onB = await TestClient.connect(servers[1]!.ws, bob.token);
    await subscribeAll([onA, onB], projectId);
    const fromA = await onA.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_STORY, title: 'written on A' } });
    expect((await onB.waitForEvent((e) => e.seq === fromA.seq)).workItem!.workItem!.title).toBe('written on A');
    const fromB = await onB.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_BUG, title: 'written on B' } });
    expect((await onA.waitForEvent((e) => e.seq === fromB.seq)).workItem!.workItem!.title).toBe('written on B');
    expect(onA.events.filter((e) => e.seq === fromA.seq)).toEqual([]);
    onA.close();
    onB.close();
  });

  it('INST-1b a socket joining on B learns who is on the board through A', async () => {
    const onA = await TestClient.connect(servers[0]!.ws, ada.token);
    await subscribeAll([onA], projectId);
    await onA.ok({ setPresence: { projectId, viewingWorkItemId: 'card-7' } });
    const onB = await TestClient.connect(servers[1]!.ws, bob.token);
    // The presence crosses Redis asynchronously: join once it has had a moment.
    await new Promise((r) => setTimeout(r, 200));
    await subscribeAll([onB], projectId);
    const seen = await onB.waitForEvent((e) => e.presence?.userId === ada.user.id);
    expect(seen.presence).toMatchObject({ online: true, viewingWorkItemId: 'card-7' });
    onA.close();
    await onB.waitForEvent((e) => e.presence?.userId === ada.user.id && e.presence.online === false);
    onB.close();
  });

  it('INST-1c a change written on A reaches a changed-fields-only subscriber on B compact (B derives it), a plain one whole', async () => {
    const onA = await TestClient.connect(servers[0]!.ws, ada.token);
    const compactOnB = await TestClient.connect(servers[1]!.ws, bob.token);
    const wholeOnB = await TestClient.connect(servers[1]!.ws, bob.token);
    await compactOnB.ok({ subscribe: { projects: [{ projectId }], changedFieldsOnly: true } });
    await subscribeAll([onA, wholeOnB], projectId);
    const created = await onA.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'before', description: 'kept' } });
    const item = created.workItem!;
    const renamed = await onA.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, title: 'after' } });

    expect((await compactOnB.waitForEvent((e) => e.seq === created.seq)).workItem).toMatchObject({ partial: false, workItem: { description: 'kept' } });
    const compact = (await compactOnB.waitForEvent((e) => e.seq === renamed.seq)).workItem!;
    expect(compact).toMatchObject({ partial: true, changedFields: ['title'] });
    expect(pb.WorkItem.toObject(pb.WorkItem.fromObject(compact.workItem!))).toEqual({
      id: item.id, projectId, key: item.key, number: item.number, version: renamed.workItem!.version,
      updatedAt: renamed.workItem!.updatedAt, updatedBy: ada.user.id, title: 'after',
    });
    const whole = (await wholeOnB.waitForEvent((e) => e.seq === renamed.seq)).workItem!;
    expect(whole).toMatchObject({ partial: false, workItem: { title: 'after', description: 'kept' } });
    for (const c of [onA, compactOnB, wholeOnB]) c.close();
  });

  it('INST-2 concurrent writes to one project on both instances give one gap-free order, seen identically by both', async () => {
    const onA = await TestClient.connect(servers[0]!.ws, ada.token);
    const onB = await TestClient.connect(servers[1]!.ws, bob.token);
    const watchA = await TestClient.connect(servers[0]!.ws, ada.token);
    const watchB = await TestClient.connect(servers[1]!.ws, bob.token);
    const start = await subscribeAll([onA, onB, watchA, watchB], projectId);
    for (let i = 0; i < 100; i++) {
      create(onA, projectId, `a${i}`);
      create(onB, projectId, `b${i}`);
    }
    await Promise.all([replies(onA, 101), replies(onB, 101)]);
    const end = start + 200;
    for (const w of [watchA, watchB]) {
      await w.waitFor(() => (w.events.length >= 200 ? true : undefined), 10_000, 'all events');
    }
    for (const c of [onA, onB]) {
      await c.waitFor(() => (seqsSeen(c, projectId).length >= 200 ? true : undefined), 10_000, 'all seqs');
    }
    const orderA = watchA.events.map((e) => `${e.seq}:${e.workItem!.workItem!.title}`);
    const orderB = watchB.events.map((e) => `${e.seq}:${e.workItem!.workItem!.title}`);
    expect(orderA).toEqual(orderB);
    expect(watchA.events.map((e) => Number(e.seq))).toEqual(range(start + 1, end));
    expect(seqsSeen(onA, projectId)).toEqual(range(start + 1, end));
    expect(seqsSeen(onB, projectId)).toEqual(range(start + 1, end));
    for (const c of [onA, onB, watchA, watchB]) c.close();
  });
});

describe('three instances, sixty clients', () => {
  it('INST-3 500 writes spread over 3 x 20 clients: every client sees each seq exactly once and ends with the board', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-inst3-'));
    const servers = await cluster(3, redisUrl, dataDir);
    try {
      const ada = await signup(servers[0]!.http, 'Ada');
      const setup = await TestClient.connect(servers[0]!.ws, ada.token);
      const projectId = (await setup.ok({ createProject: { key: 'MANY', name: 'Many' } })).project!.id!;
      setup.close();
      const clients: TestClient[] = [];
      for (const s of servers) for (let i = 0; i < 20; i++) clients.push(await TestClient.connect(s.ws, ada.token));
      const start = await subscribeAll(clients, projectId);
      const sent = new Map<TestClient, number>();
      for (let i = 0; i < 500; i++) {
        const client = clients[(i * 7) % clients.length]!;
        create(client, projectId, `item ${i}`);
        sent.set(client, (sent.get(client) ?? 0) + 1);
        if (i % 50 === 49) await new Promise((r) => setTimeout(r, 5));
      }
      for (const [client, n] of sent) await replies(client, n + 1);
      const end = start + 500;
      for (const c of clients) {
        await c.waitFor(() => (seqsSeen(c, projectId).length >= 500 ? true : undefined), 15_000, 'every seq');
      }
      const board = (await clients[0]!.ok({ getBoard: { projectId } })).board!;
      expect(Number(board.seq)).toBe(end);
      const truth = new Map(board.workItems!.map((w) => [w.id, Number(w.version)]));
      for (const c of clients) {
        expect(seqsSeen(c, projectId)).toEqual(range(start + 1, end));
        const state = new Map<string, number>();
        const own = c.frames.filter((f) => f.result?.workItem).map((f) => f.result!.workItem!);
        for (const item of [...c.events.map((e) => e.workItem?.workItem), ...own]) if (item) state.set(item.id!, Number(item.version));
        expect(state).toEqual(truth);
      }
      for (const c of clients) c.close();
    } finally {
      for (const s of servers) await s.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('Redis faults', () => {
  it('INST-4 Redis stopped mid-stream and started again: clients converge within 5 s, no acknowledged write lost', async () => {
    const redis = await OwnRedis.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-redisfault-'));
    const servers = await cluster(2, redis.url, dataDir);
    try {
      const ada = await signup(servers[0]!.http, 'Ada');
      const writer = await TestClient.connect(servers[0]!.ws, ada.token);
      const projectId = (await writer.ok({ createProject: { key: 'FLT', name: 'Faults' } })).project!.id!;
      const remote = await TestClient.connect(servers[1]!.ws, ada.token);
      const start = await subscribeAll([writer, remote], projectId);

      let sent = 0;
      const stream = setInterval(() => create(writer, projectId, `stream ${sent++}`), 10);
      await new Promise((r) => setTimeout(r, 500));
      await redis.stop();
      await waitForHealth(servers[0]!.http, 'degraded');
      await new Promise((r) => setTimeout(r, 2000));
      await redis.resume();
      const back = Date.now();
      await new Promise((r) => setTimeout(r, 500));
      clearInterval(stream);
      await replies(writer, sent + 2);
      const acknowledged = writer.frames.filter((f) => f.result?.workItem).length;
      expect(acknowledged).toBe(sent);

      const end = start + sent;
      await remote.waitFor(() => (seqsSeen(remote, projectId).length >= sent ? true : undefined), 5000, 'convergence');
      expect(Date.now() - back).toBeLessThan(5000 + 500);
      expect(seqsSeen(remote, projectId)).toEqual(range(start + 1, end));
      const board = (await remote.ok({ getBoard: { projectId } })).board!;
      expect(board.workItems!.length).toBe(sent);
      await waitForHealth(servers[0]!.http, 'ok');
      writer.close();
      remote.close();
    } finally {
      for (const s of servers) await s.stop();
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('INST-5 an instance down at start serves alone and says degraded; it links up when Redis appears', async () => {
    const redis = await OwnRedis.start();
    await redis.stop();
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-redislate-'));
    const server = await startTestServer({ REDIS_URL: redis.url, REDIS_CHANNEL: uniqueChannel() }, dataDir);
    try {
      await waitForHealth(server.http, 'degraded');
      const ada = await signup(server.http, 'Ada');
      const client = await TestClient.connect(server.ws, ada.token);
      await client.ok({ createProject: { key: 'SOLO', name: 'Alone' } });
      await redis.resume();
      await waitForHealth(server.http, 'ok');
      const metrics = await (await fetch(server.http + '/metrics')).text();
      expect(metrics).toMatch(/tandem_redis_connected 1/);
      client.close();
    } finally {
      await server.stop();
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('an instance dies', () => {
  it('INST-6 after SIGKILL its clients reconnect elsewhere and catch up from their last seq; its users drop out of presence', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-kill-'));
    const env = { REDIS_URL: redisUrl, REDIS_CHANNEL: uniqueChannel(), PRESENCE_TTL_SECONDS: '3', ...FAST };
    const doomed = await spawnServer(dataDir, env);
    const survivor = await spawnServer(dataDir, env);
    try {
      await waitForHealth(doomed.http, 'ok');
      await waitForHealth(survivor.http, 'ok');
      const ada = await signup(survivor.http, 'Ada');
      const bob = await invite(survivor.http, ada, 'Bob', 'admin');
      const writer = await TestClient.connect(survivor.ws, ada.token);
      const projectId = (await writer.ok({ createProject: { key: 'KILL', name: 'Kill' } })).project!.id!;
      const victim = await TestClient.connect(doomed.ws, bob.token);
      await subscribeAll([writer, victim], projectId);
      await victim.ok({ setPresence: { projectId } });
      await writer.waitForEvent((e) => e.presence?.userId === bob.user.id && e.presence.online === true);
      for (let i = 0; i < 5; i++) await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `before ${i}` } });
      await victim.waitFor(() => (seqsSeen(victim, projectId).length >= 5 ? true : undefined));
      const lastSeen = Math.max(...seqsSeen(victim, projectId));

      doomed.child.kill('SIGKILL');
      await waitForExit(doomed.child);
      await victim.waitForClose().catch(() => undefined);
      for (let i = 0; i < 5; i++) await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `after ${i}` } });
      const gone: IEvent = await writer.waitForEvent((e) => e.presence?.userId === bob.user.id && e.presence.online === false, 10_000);
      expect(gone.seq).toBe(0);

      const back = await TestClient.connect(survivor.ws, bob.token);
      const res = await back.ok({ subscribe: { projects: [{ projectId, sinceSeq: lastSeen }] } });
      const current = Number(res.subscribed!.projects![0]!.sinceSeq);
      await back.waitFor(() => (back.events.length >= current - lastSeen ? true : undefined));
      expect(back.events.map((e) => Number(e.seq))).toEqual(range(lastSeen + 1, current));
      expect(back.events.slice(-5).map((e) => e.workItem!.workItem!.title)).toEqual(['after 0', 'after 1', 'after 2', 'after 3', 'after 4']);
      writer.close();
      back.close();
    } finally {
      doomed.child.kill('SIGKILL');
      survivor.child.kill('SIGTERM');
      await waitForExit(survivor.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
