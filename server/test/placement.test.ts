// docs/DESIGN.md decision 55, PROTOCOL.md §2.10: with CELL set, Redis says
// which cell holds each tenant; the first cell to meet a new one claims it,
// and every other cell refuses it with 421 naming the right one, never
// opening or creating its file. Two cells here are two servers with data
// folders of their own sharing one Redis hash under a key of this run's own.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { accountHomesKey } from '../src/cells/account-homes.ts';
import { Placement } from '../src/cells/placement.ts';
import { PlacementUnavailable, TenantElsewhere } from '../src/cells/refusals.ts';
import { TenantGate } from '../src/cells/tenant-gate.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { makeLogger } from '../src/log.ts';
import { TenantDatabases } from '../src/tenancy/tenant-databases.ts';
import { PASSWORD, postJson, signup } from './support/accounts.ts';
import { hostToken, hostTrustEnv, until } from './support/host-platform.ts';
import { OwnRedis, findRedis, freePort, uniqueChannel } from './support/redis.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const newHostTenant = () => `host-place-${randomUUID().slice(0, 8)}`;

interface Upgrade {
  status: number;
  /** The Tandem-Cell header of a refusal. */
  cell: string | null;
  body: string;
  socket: WebSocket | null;
}

/** Opens a socket with a bearer token; a refused upgrade comes back with its status, header and body. */
function upgrade(url: string, token: string): Promise<Upgrade> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, ['tandem.v1', `bearer.${token}`]);
    socket.once('open', () => resolve({ status: 101, cell: null, body: '', socket }));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cell: (res.headers['tandem-cell'] as string | undefined) ?? null, body, socket: null }));
    });
    socket.once('error', () => undefined);
  });
}

async function get(base: string, path: string, token: string) {
  const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

function within<T>(promise: Promise<T>, what: string, timeoutMs = 5000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs))]);
}

let parent: string;
let redisUrl: string;
let redis: Redis;
/** This run's placement hash: no other test reads or writes it. */
let key: string;
let env: Record<string, string>;
let a: TestServer;
let b: TestServer;
const started: TestServer[] = [];

const cellFor = (name: string) => ({ ...env, CELL: name });
const hasFolder = (server: TestServer, tenantId: string) => existsSync(join(server.dataDir, tenantId));

beforeAll(async () => {
  redisUrl = await findRedis();
  redis = new Redis(redisUrl);
  key = `${uniqueChannel()}:placement`;
  parent = mkdtempSync(join(tmpdir(), 'tandem-place-'));
  env = {
    REDIS_URL: redisUrl,
    REDIS_CHANNEL: uniqueChannel(),
    PLACEMENT_KEY: key,
    ...(await hostTrustEnv(parent)),
  };
  a = await startTestServer(cellFor('a'), join(parent, 'a'));
  b = await startTestServer(cellFor('b'), join(parent, 'b'));
  started.push(a, b);
});

afterAll(async () => {
  for (const server of started) await server.stop();
  await redis.del(key, accountHomesKey(key));
  redis.disconnect();
  rmSync(parent, { recursive: true, force: true });
});

describe('tenant placement across cells', () => {
  it('PLACE-1 a host user\'s first socket on cell A places the tenant on A; cell B refuses it 421 naming A, socket and HTTP alike, and makes no file for it', async () => {
    const tenantId = newHostTenant();
    const token = await hostToken(tenantId);

    const first = await upgrade(a.ws, token);
    expect(first.status).toBe(101);
    first.socket!.close();
    expect(await redis.hget(key, tenantId)).toBe('a');
    expect(existsSync(join(a.dataDir, tenantId, 'main.db'))).toBe(true);

    const refused = await upgrade(b.ws, token);
    expect(refused).toMatchObject({ status: 421, cell: 'a' });
    expect(refused.body).toContain('cell a');
    // Again, now from B's cache rather than Redis.
    expect(await upgrade(b.ws, token)).toMatchObject({ status: 421, cell: 'a' });

    const exported = await get(b.http, '/api/projects/WEB/export.csv', token);
    expect(exported.status).toBe(421);
    expect(exported.headers.get('tandem-cell')).toBe('a');
    expect(exported.body).toEqual({ error: { code: 'UNAVAILABLE', message: expect.stringContaining('cell a'), field: '' }, cell: 'a' });
    expect(hasFolder(b, tenantId)).toBe(false);
    expect(await redis.hget(key, tenantId)).toBe('a');
  });

  it('PLACE-2 a standalone sign-up on cell B places its new workspace on B; logging in to it, its token and its cookie on cell A are refused 421 naming B', async () => {
    const ada = await signup(b.http, 'Ada');
    expect(await redis.hget(key, ada.tenantId)).toBe('b');

    const login = await postJson(a.http, '/api/auth/login', { email: ada.user.email, password: PASSWORD, tenantId: ada.tenantId });
    expect(login.status).toBe(421);
    expect(login.body).toMatchObject({ error: { code: 'UNAVAILABLE' }, cell: 'b' });
    expect(login.headers.get('tandem-cell')).toBe('b');

    // Cell A cannot check B's tokens, and still names the cell that can.
    expect(await upgrade(a.ws, ada.token)).toMatchObject({ status: 421, cell: 'b' });
    expect((await get(a.http, '/api/auth/session', ada.token)).body).toMatchObject({ cell: 'b' });
    const refresh = await postJson(a.http, '/api/auth/refresh', {}, { cookie: ada.cookie });
    expect(refresh).toMatchObject({ status: 421, body: { cell: 'b' } });
    expect(hasFolder(a, ada.tenantId)).toBe(false);

    // Its own cell serves it as before.
    expect((await postJson(b.http, '/api/auth/login', { email: ada.user.email, password: PASSWORD, tenantId: ada.tenantId })).status).toBe(200);
  });

  it('PLACE-10 a standalone account is kept by the cell it signed up on: Redis records its email there; another cell sends its log-in there (421), refuses its email to a sign-up or an invitation, and counts no failed log-in for it', async () => {
    const ada = await signup(a.http, 'Ada');
    const homes = accountHomesKey(key);
    expect(await redis.hget(homes, ada.user.email)).toBe('a');

    // The web app's log-in names no workspace: only the email says where the account is. More wrong passwords
    // than LOGIN_FAILURES_PER_ACCOUNT (10): had B counted them, A, which shares the counts through Redis, would answer 429.
    for (let i = 0; i <= 10; i++) {
      const misrouted = await postJson(b.http, '/api/auth/login', { email: ada.user.email.toUpperCase(), password: 'not the password' });
      expect(misrouted).toMatchObject({ status: 421, body: { error: { code: 'UNAVAILABLE', message: expect.stringContaining('cell a') }, cell: 'a' } });
      expect(misrouted.headers.get('tandem-cell')).toBe('a');
    }
    expect((await postJson(a.http, '/api/auth/login', { email: ada.user.email, password: PASSWORD })).status).toBe(200);

    const taken = await postJson(b.http, '/api/auth/signup', { email: ada.user.email, password: PASSWORD, displayName: 'Ada again', workspaceName: 'Second' });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', field: 'email' } } });
    const bea = await signup(b.http, 'Bea');
    const invited = await postJson(b.http, '/api/workspace/invitations', { email: ada.user.email, displayName: 'Ada', password: PASSWORD }, { authorization: `Bearer ${bea.token}` });
    expect(invited).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', field: 'email', message: expect.stringContaining('cell a') } } });
    expect(await redis.hget(homes, ada.user.email)).toBe('a');
    expect(await redis.hget(homes, bea.user.email)).toBe('b');

    // A person invited on B is kept by B, and an unknown email is checked where it lands (401, not 421).
    const invitedOnB = `cal-${randomUUID().slice(0, 8)}@example.com`;
    expect((await postJson(b.http, '/api/workspace/invitations', { email: invitedOnB, displayName: 'Cal', password: PASSWORD }, { authorization: `Bearer ${bea.token}` })).status).toBe(201);
    expect(await redis.hget(homes, invitedOnB)).toBe('b');
    expect((await postJson(a.http, '/api/auth/login', { email: `nobody-${randomUUID().slice(0, 8)}@example.com`, password: PASSWORD })).status).toBe(401);
  });

  it('PLACE-11 a data folder whose accounts were made before CELL was set: the cell claims every one of them when it starts, so their log-ins are sent to it', async () => {
    const dir = join(parent, 'before-cells');
    const alone = await startTestServer({ REDIS_URL: redisUrl, REDIS_CHANNEL: uniqueChannel() }, dir);
    const early = await signup(alone.http, 'Early');
    await alone.stop();
    const homes = accountHomesKey(key);
    expect(await redis.hget(homes, early.user.email)).toBeNull();

    const c = await startTestServer(cellFor('c'), dir);
    started.push(c);
    await until(async () => (await redis.hget(homes, early.user.email)) === 'c', 'the cell to claim its accounts');
    expect(await postJson(a.http, '/api/auth/login', { email: early.user.email, password: PASSWORD })).toMatchObject({ status: 421, body: { cell: 'c' } });
  });

  it('PLACE-3 a placement changed with place() reaches every instance\'s cache through pub/sub: the old cell closes the tenant\'s sockets and refuses it, the new one serves it, without a restart', async () => {
    const tenantId = newHostTenant();
    const token = await hostToken(tenantId);
    // The first socket claims the tenant; the one watched opens from A's cache (no await in the upgrade: decision 19).
    const first = await upgrade(a.ws, token);
    expect(first.status).toBe(101);
    first.socket!.close();
    const open = await upgrade(a.ws, token);
    expect(open.status).toBe(101);
    const closed = new Promise<number>((resolve) => open.socket!.once('close', (code) => resolve(code)));
    // B learns the tenant is A's, and keeps that answer.
    expect(await upgrade(b.ws, token)).toMatchObject({ status: 421, cell: 'a' });

    const mover = new Placement(redisUrl, key, 'mover', makeLogger('error'));
    mover.start();
    try {
      await mover.place(tenantId, 'b');
    } finally {
      await mover.close();
    }

    expect(await within(closed, 'cell A to close the tenant\'s socket')).toBe(1013);
    const served = await until(async () => {
      const attempt = await upgrade(b.ws, token);
      return attempt.status === 101 ? attempt : undefined;
    }, 'cell B to serve the tenant');
    served.socket!.close();
    expect(existsSync(join(b.dataDir, tenantId, 'main.db'))).toBe(true);
    expect(await upgrade(a.ws, token)).toMatchObject({ status: 421, cell: 'b' });
    expect((await get(a.http, '/api/projects/WEB/export.json', token)).body).toMatchObject({ cell: 'b' });
  });

  it('PLACE-4 two cells meeting one new tenant at once: exactly one claims it, announces it once on the changes channel and serves it, the other refuses it naming the winner and makes no file', async () => {
    // What placement:sync hears: every tenant a claim places, once, from the winner alone.
    const listener = new Redis(redisUrl);
    const announced: unknown[] = [];
    listener.on('message', (_channel: string, message: string) => announced.push(JSON.parse(message)));
    await listener.subscribe(`${key}:changes`);
    try {
      for (let round = 0; round < 5; round++) {
        const tenantId = newHostTenant();
        const token = await hostToken(tenantId);
        const [atA, atB] = await Promise.all([upgrade(a.ws, token), upgrade(b.ws, token)]);
        atA.socket?.close();
        atB.socket?.close();
        expect([atA.status, atB.status].sort()).toEqual([101, 421]);
        const [winner, loser, refusal] = atA.status === 101 ? [a, b, atB] : [b, a, atA];
        const winnerCell = winner === a ? 'a' : 'b';
        expect(refusal.cell).toBe(winnerCell);
        expect(await redis.hget(key, tenantId)).toBe(winnerCell);
        expect(hasFolder(winner, tenantId)).toBe(true);
        expect(hasFolder(loser, tenantId)).toBe(false);
        const aboutIt = () => announced.filter((change) => (change as { tenant: string }).tenant === tenantId);
        await until(async () => (aboutIt().length > 0 ? true : undefined), 'the claim\'s announcement');
        // A second one, from the cell that lost, would have come by the time a round trip to Redis does.
        await redis.ping();
        expect(aboutIt()).toEqual([{ tenant: tenantId, cell: winnerCell }]);
      }
    } finally {
      listener.disconnect();
    }
  });

  it('PLACE-5 an instance that has not met a workspace asks Redis before the route runs, holding the body meanwhile: its own cell\'s is served, another cell\'s refused 421 and its body drained', async () => {
    const ada = await signup(a.http, 'Ada');
    const bea = await signup(b.http, 'Bea');
    // A second instance of cell A on A's data folder, whose cache is empty.
    const a2 = await startTestServer(cellFor('a'), a.dataDir);
    started.push(a2);

    const invited = await postJson(a2.http, '/api/workspace/invitations', { email: `cy-${randomUUID().slice(0, 8)}@example.com`, displayName: 'Cy', password: PASSWORD }, {
      authorization: `Bearer ${ada.token}`,
    });
    expect(invited.status).toBe(201);
    expect((await get(a2.http, '/api/workspace/people', ada.token)).status).toBe(200);
    const socket = await upgrade(a2.ws, ada.token);
    expect(socket.status).toBe(101);
    socket.socket!.close();

    const elsewhere = await postJson(a2.http, '/api/workspace/invitations', { email: 'dee@example.com', displayName: 'Dee', password: PASSWORD }, {
      authorization: `Bearer ${bea.token}`,
    });
    expect(elsewhere).toMatchObject({ status: 421, body: { cell: 'b' } });
    // The connection stays usable after a refused body.
    expect((await get(a2.http, '/api/workspace/people', ada.token)).status).toBe(200);
    expect(hasFolder(a, bea.tenantId)).toBe(false);
  });

  it('PLACE-6 with Redis unreachable a cell serves no tenant it has not placed: the upgrade and the routes answer 503, and no file is made', async () => {
    const dead = `redis://127.0.0.1:${await freePort()}`;
    const c = await startTestServer({ ...env, REDIS_URL: dead, CELL: 'c' });
    started.push(c);
    const tenantId = newHostTenant();
    const token = await hostToken(tenantId);

    expect((await upgrade(c.ws, token)).status).toBe(503);
    const session = await get(c.http, '/api/auth/session', token);
    expect(session.status).toBe(503);
    expect(session.body.error.code).toBe('UNAVAILABLE');
    expect(session.headers.get('retry-after')).toBe('1');
    expect(hasFolder(c, tenantId)).toBe(false);
  });

  it('PLACE-7 CELL is a plain name and needs REDIS_URL; PLACEMENT_KEY defaults to tandem:placement; without CELL nothing is placed', () => {
    expect(() => loadConfig({ CELL: 'a' })).toThrow(ConfigError);
    expect(() => loadConfig({ CELL: 'a' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ CELL: 'Cell A', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/CELL/);
    expect(loadConfig({ CELL: 'cell-a', REDIS_URL: 'redis://127.0.0.1:6379' }).placement).toEqual({ cell: 'cell-a', key: 'tandem:placement' });
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', PLACEMENT_KEY: 'x' }).placement).toBeNull();
  });

  it('PLACE-8 the open-file cache opens a tenant only when this instance knows its cell holds it: one not looked up yet, or another cell\'s, is refused without a file, and background looks pass over them', async () => {
    const log = makeLogger('error');
    const dataDir = mkdtempSync(join(parent, 'guarded-'));
    const placement = new Placement(redisUrl, key, 'a', log);
    placement.start();
    const gate = new TenantGate(placement, log);
    const databases = new TenantDatabases({ dataDir, synchronous: 'NORMAL', maxOpen: 4, idleMs: 60_000, log, guard: (tenantId) => gate.check(tenantId) });
    try {
      const mine = newHostTenant();
      const theirs = newHostTenant();
      await redis.hset(key, mine, 'a', theirs, 'b');

      expect(() => databases.get(mine)).toThrow(PlacementUnavailable);
      expect(existsSync(join(dataDir, mine))).toBe(false);
      expect(databases.admits(theirs)).toBe(false);
      // Each refusal looked its tenant up meanwhile.
      await until(async () => (placement.cached(mine) && placement.cached(theirs) ? true : undefined), 'the lookups');
      expect(databases.get(mine).tenantId).toBe(mine);
      expect(() => databases.get(theirs)).toThrow(TenantElsewhere);
      expect(() => databases.get(theirs)).toThrow(/cell b/);
      expect(databases.peek(theirs)).toBeNull();
      expect(existsSync(join(dataDir, theirs))).toBe(false);
    } finally {
      databases.closeAll();
      await placement.close();
    }
  });

  it('PLACE-9 cut off from Redis, a cell goes on serving the tenants it knows are its own and no other; when Redis comes back empty, it claims its own again', async () => {
    const own = await OwnRedis.start();
    const c = await startTestServer({ ...env, REDIS_URL: own.url, CELL: 'c' });
    started.push(c);
    const check = new Redis(own.url);
    check.on('error', () => undefined);
    try {
      const tenantId = newHostTenant();
      const token = await hostToken(tenantId);
      const first = await upgrade(c.ws, token);
      expect(first.status).toBe(101);
      first.socket!.close();
      expect(await check.hget(key, tenantId)).toBe('c');

      await own.stop();
      const known = await upgrade(c.ws, token);
      expect(known.status).toBe(101);
      known.socket!.close();
      expect((await upgrade(c.ws, await hostToken(newHostTenant()))).status).toBe(503);

      // Started again without its data (no persistence): the placement is gone until the cell reads its answers again.
      await own.resume();
      await until(async () => ((await check.hget(key, tenantId).catch(() => null)) === 'c' ? true : undefined), 'cell C to claim its tenant again', 10_000);
    } finally {
      check.disconnect();
      await own.stop();
    }
  });
});
