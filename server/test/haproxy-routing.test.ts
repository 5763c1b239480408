// docs/DESIGN.md decision 56: HAProxy in front of the cells sends each request
// to its tenant's cell by the map placement:sync keeps equal to the placement
// hash, and spreads new tenants by the cells' loads. Real parts throughout:
// two cells (servers with data folders of their own on one Redis hash under a
// key of this run's own), Debian's HAProxy as a child process on the config
// `npm run haproxy:config` writes, and `npm run placement:sync` as a child
// process. Which backend carried a request is read from HAProxy's own counts.
// The cells hold the cluster secret, so a tenant moves between them (ROUTE-11).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '../../shared/protocol/close-codes.ts';
import { accountHomesKey } from '../src/cells/account-homes.ts';
import { Placement } from '../src/cells/placement.ts';
import { makeLogger } from '../src/log.ts';
import { ANY_CELL_BACKEND } from '../src/routing/haproxy-config.ts';
import { signupWeights } from '../src/routing/signup-weights.ts';
import { invite, PASSWORD, postJson, signup, type Session } from './support/accounts.ts';
import { HaproxyProcess, ensureHaproxy } from './support/haproxy.ts';
import { hostToken, hostTrustEnv, until } from './support/host-platform.ts';
import { findRedis, freePort, uniqueChannel } from './support/redis.ts';
import { startRoutedWriters } from './support/routed-writers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

const SECRET = randomBytes(24).toString('hex');

const newHostTenant = () => `host-route-${randomUUID().slice(0, 8)}`;

/** `npm run placement:sync` as a child process; its JSON log lines are kept. */
class SyncProcess {
  readonly lines: Array<{ event: string; [field: string]: unknown }> = [];

  private constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) this.lines.push(JSON.parse(line));
    });
  }

  static async start(env: Record<string, string>): Promise<SyncProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/routing/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const sync = new SyncProcess(child);
    await sync.logged('map_rebuilt', 15_000);
    return sync;
  }

  get pid(): number {
    return this.child.pid!;
  }

  logged(event: string, timeoutMs = 5000, after = 0): Promise<{ [field: string]: unknown }> {
    return until(async () => this.lines.slice(after).find((l) => l.event === event), `placement:sync to log ${event}`, timeoutMs);
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

let parent: string;
let redisUrl: string;
let redis: Redis;
let key: string;
let env: Record<string, string>;
let a: TestServer;
let b: TestServer;
let haproxy: HaproxyProcess;
let sync: SyncProcess;
let mapFile: string;
let accountMapFile: string;
let syncEnv: Record<string, string>;
let through: string;
let throughWs: string;
const CELLS = ['cell-a', 'cell-b'];
const SERVERS = ['cell-a.1', 'cell-b.1'];

/** HAProxy's count of requests (streams) each backend has carried; with `scur`, of those it carries now. */
async function carried(column = 'stot'): Promise<Map<string, number>> {
  const [header, ...rows] = (await haproxy.runtime.send(['show', 'stat'])).split('\n').filter(Boolean);
  const columns = header!.replace(/^# /, '').split(',');
  const [name, server, total] = ['pxname', 'svname', column].map((c) => columns.indexOf(c));
  const counts = new Map<string, number>();
  for (const row of rows.map((r) => r.split(','))) if (row[server!] === 'BACKEND') counts.set(row[name!]!, Number(row[total!]));
  return counts;
}

/** Runs `request` and answers which backend carried it (exactly one must have). */
async function landedOn(request: () => Promise<void>): Promise<string> {
  const before = await carried();
  await request();
  const after = await carried();
  const grew = [...after].filter(([backend, n]) => n > (before.get(backend) ?? 0)).map(([backend]) => backend);
  expect(grew).toHaveLength(1);
  return grew[0]!;
}

/** A socket through HAProxy with the bearer subprotocol, served: list_projects answered. */
async function servedSocket(token: string): Promise<void> {
  const client = await TestClient.connect(throughWs, token);
  try {
    await client.ok({ listProjects: {} });
  } finally {
    client.close();
  }
}

/** A one-time password link an owner makes for someone of their workspace: its token. */
async function passwordLink(base: string, owner: Session, personId: string): Promise<string> {
  const res = await postJson(base, `/api/workspace/people/${personId}/password-reset`, {}, { authorization: `Bearer ${owner.token}` });
  expect(res.status).toBe(201);
  return res.body.token as string;
}

/** The link used through HAProxy, as the reset page sends it: the token and a new password, nothing else. */
async function usesLink(token: string, email: string): Promise<void> {
  const res = await postJson(through, '/api/auth/password-reset', { token, password: `a new password ${randomUUID()}` });
  expect(res).toMatchObject({ status: 200, body: { email } });
}

/** A JSON POST sent from `localAddress` (any 127.x address is loopback's); resolves with the status. */
function postFrom(localAddress: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const bytes = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': String(bytes.byteLength), ...headers } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end(bytes);
  });
}

async function mapped(): Promise<Map<string, string>> {
  return new Map(await haproxy.runtime.mapEntries(mapFile));
}

const untilMapped = (tenantId: string, cell: string) =>
  until(async () => ((await mapped()).get(tenantId) === cell ? true : undefined), `HAProxy's map to put ${tenantId} on ${cell}`);

const accountMapped = (email: string, cell: string) =>
  until(async () => (new Map(await haproxy.runtime.mapEntries(accountMapFile)).get(email) === cell ? true : undefined), `HAProxy's account map to put ${email} on ${cell}`);

async function weights(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const server of SERVERS) out.set(server, Number(/^(\d+)/.exec(await haproxy.runtime.send(['get', 'weight', `${ANY_CELL_BACKEND}/${server}`]))?.[1]));
  return out;
}

/** What the default backend's weights should be for the hash as it stands. */
async function expectedWeights(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const cell of Object.values(await redis.hgetall(key))) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  return signupWeights(SERVERS.map((name) => ({ name, usable: true })), counts);
}

const untilWeighed = () =>
  until(async () => {
    const [now, wanted] = [await weights(), await expectedWeights()];
    return [...wanted].every(([server, w]) => now.get(server) === w) ? now : undefined;
  }, 'the default backend\'s weights to follow the tenant counts');

const signedUp: Array<Session & { cell: string }> = [];

beforeAll(async () => {
  ensureHaproxy();
  redisUrl = await findRedis();
  redis = new Redis(redisUrl);
  key = `${uniqueChannel()}:placement`;
  parent = mkdtempSync(join(tmpdir(), 'tandem-route-'));
  env = {
    REDIS_URL: redisUrl, REDIS_CHANNEL: uniqueChannel(), PLACEMENT_KEY: key, CLUSTER_SECRET: SECRET, ...(await hostTrustEnv(parent)),
    // HAProxy reaches the cells from loopback; the per-address limit is small enough for ROUTE-13 to reach.
    TRUSTED_PROXIES: '127.0.0.1', LOGIN_FAILURES_PER_ADDRESS: '3',
  };
  a = await startTestServer({ ...env, CELL: 'cell-a' }, mkdtempSync(join(parent, 'a-')));
  b = await startTestServer({ ...env, CELL: 'cell-b' }, mkdtempSync(join(parent, 'b-')));

  const port = await freePort();
  through = `http://127.0.0.1:${port}`;
  throughWs = `ws://127.0.0.1:${port}/ws`;
  const socket = join(parent, 'admin.sock');
  mapFile = join(parent, 'tenants.map');
  accountMapFile = join(parent, 'accounts.map');
  const configFile = join(parent, 'haproxy.cfg');
  const generated = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/haproxy-config.ts', '--listen', `127.0.0.1:${port}`, '--cell', `cell-a=127.0.0.1:${a.port}`, '--cell', `cell-b=127.0.0.1:${b.port}`,
      '--runtime-socket', socket, '--map', mapFile, '--account-map', accountMapFile, '--maxconn', '2000', '--out', configFile],
    { encoding: 'utf8' },
  );
  if (generated.status !== 0) throw new Error(`haproxy:config failed: ${generated.stderr}`);
  haproxy = await HaproxyProcess.start(configFile, socket);
  syncEnv = { REDIS_URL: redisUrl, PLACEMENT_KEY: key, HAPROXY_SOCKET: socket, HAPROXY_MAP: mapFile, HAPROXY_ACCOUNT_MAP: accountMapFile, LOG_LEVEL: 'debug' };
  sync = await SyncProcess.start(syncEnv);
}, 300_000);

afterAll(async () => {
  await sync?.stop();
  await haproxy?.stop();
  await a?.stop();
  await b?.stop();
  await redis?.del(key, `${key}:moves`, `${key}:cells`, accountHomesKey(key));
  redis?.disconnect();
  if (parent) rmSync(parent, { recursive: true, force: true });
});

describe('routing by HAProxy', () => {
  it('ROUTE-1 sign-ups through HAProxy spread over both cells, and placement:sync puts each new workspace in HAProxy\'s map under the cell that made it', async () => {
    for (let i = 0; i < 6; i++) {
      const session = await signup(through, `Route${i}`);
      signedUp.push({ ...session, cell: (await redis.hget(key, session.tenantId))! });
    }
    for (const cell of CELLS) expect(signedUp.filter((s) => s.cell === cell).length, `sign-ups on ${cell}`).toBeGreaterThanOrEqual(2);
    for (const session of signedUp) await untilMapped(session.tenantId, session.cell);
  });

  it('ROUTE-2 a socket opened through HAProxy with the bearer subprotocol goes to its workspace\'s cell backend and is served, for workspaces of both cells', async () => {
    expect(signedUp.length).toBe(6);
    for (const session of signedUp) expect(await landedOn(() => servedSocket(session.token))).toBe(session.cell);
  });

  it('ROUTE-3 HTTP through HAProxy follows the Authorization bearer, the session cookie and a log-in\'s tenantId to the workspace\'s cell', async () => {
    for (const cell of CELLS) {
      const session = signedUp.find((s) => s.cell === cell)!;
      const asked = async (headers: Record<string, string>) => {
        const res = await fetch(`${through}/api/auth/session`, { headers });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { tenantId: string }).tenantId).toBe(session.tenantId);
      };
      expect(await landedOn(() => asked({ authorization: `Bearer ${session.token}` }))).toBe(cell);
      expect(await landedOn(() => asked({ cookie: session.cookie }))).toBe(cell);
      const login = async () => {
        const res = await postJson(through, '/api/auth/login', { email: session.user.email, password: PASSWORD, tenantId: session.tenantId });
        expect(res.status).toBe(200);
      };
      expect(await landedOn(login)).toBe(cell);
    }
  });

  it('ROUTE-12 a log-in naming no workspace, as the web app\'s form sends it, goes by its email to the cell that keeps the account, for accounts of both cells and people invited there; a sign-up with a taken email is refused by that cell', async () => {
    for (const cell of CELLS) {
      const owner = signedUp.find((s) => s.cell === cell)!;
      const invited = `invited-${cell}-${randomUUID().slice(0, 8)}@example.com`;
      const invitation = await postJson(through, '/api/workspace/invitations', { email: invited, displayName: 'Invited', password: PASSWORD }, { authorization: `Bearer ${owner.token}` });
      expect(invitation.status).toBe(201);
      for (const email of [owner.user.email, invited]) {
        await accountMapped(email, cell);
        const login = async () => {
          const res = await postJson(through, '/api/auth/login', { email: email.toUpperCase(), password: PASSWORD });
          expect(res.status, `log-in of ${email}`).toBe(200);
          expect(res.body.tenantId).toBe(owner.tenantId);
        };
        expect(await landedOn(login)).toBe(cell);
      }
      const again = async () => {
        const res = await postJson(through, '/api/auth/signup', { email: owner.user.email, password: PASSWORD, displayName: 'Again', workspaceName: 'Again' });
        expect(res).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', field: 'email' } } });
      };
      expect(await landedOn(again)).toBe(cell);
    }
  });

  it('ROUTE-13 behind HAProxy each client is counted by its own address (the cells trust HAProxy\'s X-Forwarded-For): one past LOGIN_FAILURES_PER_ADDRESS gets 429, another keeps its tries; a header forged straight to a cell is not believed', async () => {
    const owner = signedUp[0]!;
    const wrong = { email: owner.user.email, password: 'not the password' };
    for (let i = 0; i < 3; i++) expect(await postFrom('127.0.0.2', `${through}/api/auth/login`, wrong)).toBe(401);
    expect(await postFrom('127.0.0.2', `${through}/api/auth/login`, wrong)).toBe(429);
    expect(await postFrom('127.0.0.3', `${through}/api/auth/login`, wrong)).toBe(401);
    // From an address the cell does not trust, naming the locked one: counted as its own.
    const cell = owner.cell === 'cell-a' ? a : b;
    expect(await postFrom('127.0.0.4', `${cell.http}/api/auth/login`, wrong, { 'x-forwarded-for': '127.0.0.2' })).toBe(401);
  });

  it('ROUTE-4 a host platform\'s brand-new tenant: its first socket goes to the default backend and is claimed by the cell that answers; the sync maps it, and its next socket goes to that cell', async () => {
    const tenantId = newHostTenant();
    const token = await hostToken(tenantId);
    expect(await landedOn(() => servedSocket(token))).toBe(ANY_CELL_BACKEND);
    const cell = await redis.hget(key, tenantId);
    expect(CELLS).toContain(cell);
    await untilMapped(tenantId, cell!);
    expect(await landedOn(() => servedSocket(token))).toBe(cell);
  });

  it('ROUTE-5 a placement changed in Redis with place() reaches HAProxy\'s map at run time: the tenant\'s next socket goes to its new cell, and HAProxy never restarted', async () => {
    const tenantId = newHostTenant();
    const token = await hostToken(tenantId);
    // Claimed by cell A, asked directly.
    const first = await TestClient.connect(a.ws, token);
    await first.ok({ listProjects: {} });
    first.close();
    await untilMapped(tenantId, 'cell-a');
    expect(await landedOn(() => servedSocket(token))).toBe('cell-a');
    const process = await haproxy.runtime.process();

    const mover = new Placement(redisUrl, key, 'mover', makeLogger('error'));
    mover.start();
    try {
      await mover.place(tenantId, 'cell-b');
    } finally {
      await mover.close();
    }
    await untilMapped(tenantId, 'cell-b');
    expect(await landedOn(() => servedSocket(token))).toBe('cell-b');
    expect(await haproxy.runtime.process()).toBe(process);
  });

  it('ROUTE-6 sign-ups go to the least-loaded cell: with 100 more tenants placed on cell A, the sync drains A\'s servers from the default backend, and the next four sign-ups all land on cell B', async () => {
    const mover = new Placement(redisUrl, key, 'mover', makeLogger('error'));
    mover.start();
    try {
      for (let i = 0; i < 100; i++) await mover.place(`host-load-${i}-${randomUUID().slice(0, 6)}`, 'cell-a');
    } finally {
      await mover.close();
    }
    expect(await untilWeighed()).toEqual(new Map([['cell-a.1', 0], ['cell-b.1', 256]]));
    for (let i = 0; i < 4; i++) {
      const session = await signup(through, `Light${i}`);
      expect(await redis.hget(key, session.tenantId)).toBe('cell-b');
    }
  });

  it('ROUTE-7 a least-loaded cell that cannot take requests is passed over: with cell B\'s instance in maintenance the next sign-up lands on cell A, and B takes them again once it is back', async () => {
    const weighed = (wanted: Array<[string, number]>) =>
      until(async () => {
        const now = await weights();
        return wanted.every(([server, w]) => now.get(server) === w) ? true : undefined;
      }, `weights ${JSON.stringify(wanted)}`);
    await haproxy.runtime.send(['set', 'server', 'cell-b/cell-b.1', 'state', 'maint']);
    try {
      await weighed([['cell-a.1', 256], ['cell-b.1', 0]]);
      const session = await signup(through, 'Detour');
      expect(await redis.hget(key, session.tenantId)).toBe('cell-a');
    } finally {
      await haproxy.runtime.send(['set', 'server', 'cell-b/cell-b.1', 'state', 'ready']);
    }
    await weighed([['cell-a.1', 0], ['cell-b.1', 256]]);
    const session = await signup(through, 'Back');
    expect(await redis.hget(key, session.tenantId)).toBe('cell-b');
  });

  it('ROUTE-8 placement:sync started after placements exist rebuilds the whole map from the hash: entries placed without a word on the channel are in it, and an entry the hash does not hold is gone', async () => {
    await sync.stop();
    const quiet = Array.from({ length: 50 }, (_, i) => [newHostTenant(), CELLS[i % 2]!] as const);
    await redis.hset(key, Object.fromEntries(quiet));
    await haproxy.runtime.addMapEntry(mapFile, 'host-stray', 'cell-a');

    sync = await SyncProcess.start(syncEnv);
    expect(await mapped()).toEqual(new Map(Object.entries(await redis.hgetall(key))));
    const [tenantId, cell] = quiet.find(([, c]) => c === 'cell-b')!;
    const token = await hostToken(tenantId);
    expect(await landedOn(() => servedSocket(token))).toBe(cell);
  });

  it('ROUTE-9 HAProxy restarted reads its empty map file again; the sync sees another process and rebuilds the map and the weights within seconds', async () => {
    const lines = sync.lines.length;
    await haproxy.restart();
    expect((await mapped()).size).toBe(0);
    const hash = new Map(Object.entries(await redis.hgetall(key)));
    await until(async () => ((await mapped()).size === hash.size ? true : undefined), 'the map rebuilt after the restart');
    expect(await mapped()).toEqual(hash);
    await untilWeighed();
    // Seen as another process, or, when a check fell while none answered, as a map to make again.
    expect(['haproxy restarted', 'retry']).toContain((await sync.logged('map_rebuilt', 1000, lines))['reason']);
  });

  it('ROUTE-10 after a lost link to Redis the sync rebuilds: a placement announced while it could not hear the channel still reaches the map', async () => {
    const lines = sync.lines.length;
    const clients = (await redis.client('LIST')) as string;
    const ids = clients.split('\n').filter((l) => l.includes(` name=placement-sync-${sync.pid} `)).map((l) => /(?:^| )id=(\d+)/.exec(l)![1]!);
    // Two per map: the tenant map's and the account map's, each a command and a subscriber connection.
    expect(ids.length).toBe(4);
    for (const id of ids) await redis.client('KILL', 'ID', id);
    // Announced while the sync's link is down: the message itself is lost.
    const tenantId = newHostTenant();
    await redis.multi().hset(key, tenantId, 'cell-b').publish(`${key}:changes`, JSON.stringify({ tenant: tenantId, cell: 'cell-b' })).exec();

    await untilMapped(tenantId, 'cell-b');
    expect((await sync.logged('map_rebuilt', 5000, lines))['reason']).toBe('redis link back');
  });

  it('ROUTE-11 a tenant moved while 3 SDK clients write through HAProxy: their sockets on the old cell close as moved, reconnect through HAProxy to the new cell, and catch up from their seq without a gap', async () => {
    const tenantId = newHostTenant();
    const token = await hostToken(tenantId);
    // Claimed by cell A, asked directly, with a project.
    const first = await TestClient.connect(a.ws, token);
    const made = await first.ok({ createProject: { key: 'MOV', name: 'Moving' } });
    first.close();
    const [projectId, fromSeq] = [made.project!.id!, made.seq!];
    await untilMapped(tenantId, 'cell-a');
    const open = (backend: string) => async () => ((await carried('scur')).get(backend) === 4 ? true : undefined);

    // Every socket goes to HAProxy's address; one more, raw, to see how the old cell closes it.
    const watcher = await TestClient.connect(throughWs, token);
    await watcher.ok({ listProjects: {} });
    const closed = new Promise<[number, string]>((resolve) => watcher.socket.once('close', (code, reason) => resolve([code, reason.toString()])));
    const clients = startRoutedWriters({ count: 3, token, projectId, fromSeq, cellUrl: () => throughWs });
    const { writers } = clients;
    await until(async () => (writers.every((w) => w.acked.length >= 5) ? true : undefined), 'every client writing on cell A');
    await until(open('cell-a'), 'the 4 sockets open on cell A\'s backend');

    const moved = await fetch(`${a.http}/internal/moves`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body: JSON.stringify({ tenant: tenantId, to: 'cell-b' }) });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await moved.json()).toMatchObject({ from: 'cell-a', to: 'cell-b' });
    const flippedAt = Date.now();
    expect(await closed).toEqual([CLOSE.tryAgainLater.code, 'workspace moved']);
    await untilMapped(tenantId, 'cell-b');
    await until(async () => (writers.every((w) => w.acked.some((ack) => ack.at > flippedAt + 300)) ? true : undefined), 'every client writing on cell B');
    await clients.stop();

    // The 3 SDK sockets (and not the watcher, closed) are HAProxy's, on cell B's backend now, none left on A's.
    const now = await until(async () => {
      const current = await carried('scur');
      return current.get('cell-b') === 3 && current.get('cell-a') === 0 ? current : undefined;
    }, 'the 3 sockets open on cell B\'s backend');
    expect(now.get(ANY_CELL_BACKEND)).toBe(0);

    const onB = await TestClient.connect(b.ws, token);
    const board = (await onB.ok({ getBoard: { projectId } })).board!;
    onB.close();
    const onBoard = new Map(board.workItems!.map((item) => [item.id!, Number(item.version)]));
    const acked = writers.flatMap((w) => w.acked);
    for (const write of acked) expect(onBoard.has(write.id), `acknowledged write ${write.id}`).toBe(true);
    const allSeqs = acked.map((ack) => ack.seq).sort((x, y) => x - y);
    expect(allSeqs).toEqual(Array.from({ length: Number(board.seq) - fromSeq }, (_, i) => fromSeq + 1 + i));
    for (const writer of writers) {
      await until(async () => (writer.items.size === onBoard.size ? true : undefined), 'every client to hear every write');
      expect(writer.items).toEqual(onBoard);
      expect([...writer.seqs].sort((x, y) => x - y)).toEqual(allSeqs);
    }
    clients.close();
  }, 20_000);

  it('ROUTE-14 a standalone workspace moved to the other cell: its owner logs in again through HAProxy with the email alone, lands on the new cell, and the workspace is served there through HAProxy; a password link made before the move is used there', async () => {
    const owner = await signup(a.http, 'Mover');
    const bob = await invite(a.http, owner, 'Bob');
    const link = await passwordLink(a.http, owner, bob.user.id);
    await accountMapped(owner.user.email, 'cell-a');
    const moved = await fetch(`${a.http}/internal/moves`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body: JSON.stringify({ tenant: owner.tenantId, to: 'cell-b' }) });
    expect(moved.status, await moved.clone().text()).toBe(200);
    await untilMapped(owner.tenantId, 'cell-b');
    await accountMapped(owner.user.email, 'cell-b');
    let token = '';
    const login = async () => {
      const res = await postJson(through, '/api/auth/login', { email: owner.user.email, password: PASSWORD });
      expect(res).toMatchObject({ status: 200, body: { tenantId: owner.tenantId, role: 'owner' } });
      token = res.body.token;
    };
    expect(await landedOn(login)).toBe('cell-b');
    expect(await landedOn(() => servedSocket(token))).toBe('cell-b');
    expect(await landedOn(() => usesLink(link, bob.user.email))).toBe('cell-b');
  });

  it('ROUTE-15 a password link used through HAProxy, which carries no token and names no email, reaches the cell of its workspace, for workspaces of both cells', async () => {
    for (const cell of CELLS) {
      const owner = signedUp.find((s) => s.cell === cell)!;
      const direct = cell === 'cell-a' ? a.http : b.http;
      for (let i = 0; i < 2; i++) {
        const person = await invite(direct, owner, `Linked ${i}`);
        const link = await passwordLink(direct, owner, person.user.id);
        expect(await landedOn(() => usesLink(link, person.user.email))).toBe(cell);
      }
    }
  });
});
