// The peer: what a Node team would build instead of Tandem. Socket.IO with
// JSON payloads, one event name per command answered through the ack, rooms
// per project for fan-out, the same tenant files (Tandem's own schema and
// migrations via openTenantDb, Tandem's LRU of open files), the same
// embedded-mode JWT check, and plain Redis pub/sub between instances.
import { createServer } from 'node:http';
import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { Histogram, Registry } from 'prom-client';
import { Server, type Socket } from 'socket.io';
import { isValidTenantId } from '../../../shared/domain/tenant-id.ts';
import { verifyJwt } from '../../../server/src/auth/jwt-verify.ts';
import type { Config } from '../../../server/src/config.ts';
import type { Logger } from '../../../server/src/log.ts';
import { FANOUT_SECONDS } from '../../../server/src/metrics.ts';
import { FanoutClock } from '../../../server/src/transport/fanout-clock.ts';
import { TenantDatabases } from '../../../server/src/tenancy/tenant-databases.ts';
import type { TenantDb } from '../../../server/src/tenancy/tenant-db.ts';
import { PeerStore, type PeerCaller, type WriteOutcome } from './store.ts';
import type { PeerCommands, PeerEvent, PeerReply } from './wire.ts';

export interface RunningPeer {
  port: number;
  stop(): Promise<void>;
}

interface SocketData {
  caller: PeerCaller;
}

const room = (tenantId: string, projectId: string) => `t/${tenantId}/p/${projectId}`;

function callerOf(token: unknown, key: KeyObject, config: Config): PeerCaller {
  if (typeof token !== 'string') throw new Error('missing token');
  const claims = verifyJwt(token, key, { issuer: config.jwtIssuer!, audience: config.jwtAudience!, nowMs: Date.now() });
  const tenantId = claims['tenant_id'];
  if (!isValidTenantId(tenantId)) throw new Error('bad tenant id');
  const roles = Array.isArray(claims['roles']) ? claims['roles'] : [];
  return {
    tenantId,
    userId: claims['sub'] as string,
    displayName: typeof claims['name'] === 'string' ? claims['name'] : (claims['sub'] as string),
    tenantRole: roles.includes('owner') ? 'owner' : roles.includes('admin') ? 'admin' : 'member',
  };
}

export async function startPeer(config: Config, log: Logger): Promise<RunningPeer> {
  if (!config.jwtPublicKeyFile || !config.jwtIssuer || !config.jwtAudience) {
    throw new Error('the peer needs JWT_PUBLIC_KEY_FILE, JWT_ISSUER and JWT_AUDIENCE');
  }
  const hostKey = createPublicKey(readFileSync(config.jwtPublicKeyFile, 'utf8'));
  const databases = new TenantDatabases({
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
    maxOpen: config.limits.openDatabases,
    idleMs: config.limits.databaseIdleSeconds * 1000,
    log,
  });
  const stores = new WeakMap<TenantDb, PeerStore>();
  const storeOf = (tenantId: string) => {
    const db = databases.get(tenantId);
    let store = stores.get(db);
    if (!store) stores.set(db, (store = new PeerStore(db.sqlite)));
    return store;
  };

  const http = createServer();
  const io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: config.limits.maxFrameBytes,
  });
  // The same server-side fan-out histogram as Tandem's /metrics, stopped the
  // same way (the turn after the emit), so the bench compares the two.
  const registry = new Registry();
  const fanoutSeconds = new Histogram({ ...FANOUT_SECONDS, registers: [registry] });
  const fanoutClock = new FanoutClock((seconds) => fanoutSeconds.observe(seconds));
  http.on('request', (req, res) => {
    if (req.url !== '/metrics') return;
    void registry.metrics().then((text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text));
  });

  const instance = randomUUID();
  const bus = config.redisUrl ? linkByRedis(config.redisUrl, config.redisChannel, instance, (r, e) => io.to(r).emit('event', e)) : null;

  io.use((socket, next) => {
    try {
      const caller = callerOf(socket.handshake.auth['token'], hostKey, config);
      storeOf(caller.tenantId).upsertUser(caller, Date.now());
      socket.data.caller = caller;
      next();
    } catch {
      next(new Error('unauthorized'));
    }
  });

  io.on('connection', (socket: Socket) => {
    const { caller } = socket.data as SocketData;
    const broadcast = (outcome: WriteOutcome, arrivedAt: number) => {
      if (!outcome.event) return;
      const target = room(caller.tenantId, outcome.event.projectId);
      socket.to(target).emit('event', outcome.event);
      const members = io.sockets.adapter.rooms.get(target);
      if (members && members.size > (members.has(socket.id) ? 1 : 0)) fanoutClock.published(arrivedAt);
      bus?.publish(target, outcome.event);
    };
    const on = <K extends keyof PeerCommands>(name: K, run: (cmd: PeerCommands[K], now: number, arrivedAt: number) => PeerReply) => {
      socket.on(name as string, (cmd: PeerCommands[K], ack: unknown) => {
        const arrivedAt = performance.now();
        if (typeof ack !== 'function') return;
        let reply: PeerReply;
        try {
          reply = run(cmd ?? ({} as PeerCommands[K]), Date.now(), arrivedAt);
        } catch (err) {
          log.error('command_failed', { command: name, error: err instanceof Error ? err.message : String(err) });
          reply = { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong' } };
        }
        (ack as (reply: PeerReply) => void)(reply);
      });
    };
    const write = (outcome: WriteOutcome, arrivedAt: number) => {
      broadcast(outcome, arrivedAt);
      return outcome.reply;
    };
    on('create_project', (cmd, now, at) => write(storeOf(caller.tenantId).createProject(caller, cmd, now), at));
    on('create_work_item', (cmd, now, at) => write(storeOf(caller.tenantId).createWorkItem(caller, cmd, now), at));
    on('update_work_item', (cmd, now, at) => write(storeOf(caller.tenantId).updateWorkItem(caller, cmd, now), at));
    on('subscribe', (cmd) => {
      const { reply, rooms } = storeOf(caller.tenantId).subscribe(caller, cmd);
      for (const projectId of rooms) void socket.join(room(caller.tenantId, projectId));
      return reply;
    });
  });

  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    port,
    async stop() {
      bus?.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      databases.closeAll();
    },
  };
}

/** Events published after commit, re-emitted to the room by every other instance. At most once, as a team would first write it. */
function linkByRedis(url: string, channel: string, instance: string, deliver: (room: string, event: PeerEvent) => void) {
  const pub = new Redis(url);
  const sub = new Redis(url);
  void sub.subscribe(channel);
  sub.on('message', (_channel: string, text: string) => {
    const message = JSON.parse(text) as { from: string; room: string; event: PeerEvent };
    if (message.from !== instance) deliver(message.room, message.event);
  });
  return {
    publish(target: string, event: PeerEvent) {
      void pub.publish(channel, JSON.stringify({ from: instance, room: target, event }));
    },
    close() {
      pub.disconnect();
      sub.disconnect();
    },
  };
}
