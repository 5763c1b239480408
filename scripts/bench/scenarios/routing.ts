// 10. Routing: what HAProxy in front of the cells (docs/DESIGN.md decision 56)
// adds to a command's round trip. One cell (CELL set, placement in Redis
// under a key of this run's own) on the server core, and HAProxy on the
// config `npm run haproxy:config` makes, on the load core: it would have a
// machine of its own, and on the server core it would wait behind the
// server's own work after each reply (its checkpoint thread). The load sends
// one command at a time, so HAProxy runs only while the load waits. One
// socket straight to the cell and one through HAProxy, same tenant,
// commands taking turns.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { HaproxyProcess, ensureHaproxy } from '../../../server/test/support/haproxy.ts';
import { findRedis, freePort, uniqueChannel } from '../../../server/test/support/redis.ts';
import { haproxyConfig } from '../../../server/src/routing/haproxy-config.ts';
import { hostTenantId } from '../auth.ts';
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { PathLatency, RoutingInput, RoutingOutput } from '../load/routing.ts';
import type { TemplateInput, TemplateOutput } from '../load/template.ts';
import { ms, target, type Table } from '../report.ts';
import { LOAD_CORE, canPin, startServer } from '../servers.ts';

const TENANT = 'routing';

/** Of several runs, the one whose added p99 is the median: one noisy minute does not decide the target. */
function medianAdded(runs: PathLatency[]): PathLatency {
  const added = (r: PathLatency) => r.routed.p99 - r.direct.p99;
  return [...runs].sort((x, y) => added(x) - added(y))[Math.floor(runs.length / 2)]!;
}
const USER = 'owner';
const CELL = 'cell-a';

export async function routingTable(ctx: BenchContext): Promise<Table> {
  ensureHaproxy();
  const redisUrl = await findRedis();
  const dir = dataDir(ctx, 'routing');
  const placementKey = `${uniqueChannel()}:placement`;
  const placement = { REDIS_URL: redisUrl, REDIS_CHANNEL: uniqueChannel(), CELL, PLACEMENT_KEY: placementKey };
  const server = await startServer('tandem', { dataDir: dir, env: { ...ctx.authEnv, ...placement } });
  let haproxy: HaproxyProcess | null = null;
  try {
    const template = await runLoad<TemplateInput, TemplateOutput>('template', {
      target: 'tandem', url: server.url, privatePem: ctx.hostKey.privatePem, tenantId: TENANT, userId: USER,
    });
    // The map as placement:sync would have made it: the tenant on its cell.
    const mapFile = join(dir, 'tenants.map');
    writeFileSync(mapFile, `${hostTenantId(TENANT)} ${CELL}\n`);
    writeFileSync(join(dir, 'accounts.map'), '');
    const port = await freePort();
    const socket = join(dir, 'haproxy.sock');
    const configFile = join(dir, 'haproxy.cfg');
    writeFileSync(configFile, haproxyConfig({ listen: [`127.0.0.1:${port}`], cells: [{ name: CELL, servers: [`127.0.0.1:${server.port}`] }], runtimeSocket: socket, mapFile, accountMapFile: join(dir, 'accounts.map'), maxconn: 1000 }));
    haproxy = await HaproxyProcess.start(configFile, socket, canPin ? LOAD_CORE : undefined);
    const runs: RoutingOutput[] = [];
    let version = template.version;
    for (let r = 0; r < ctx.sizes.latencyRepeats; r++) {
      runs.push(await runLoad<RoutingInput, RoutingOutput>('routing', {
        directUrl: server.url, routedUrl: `ws://127.0.0.1:${port}/ws`, privatePem: ctx.hostKey.privatePem, tenantId: TENANT, userId: USER,
        itemId: template.itemId, version, commands: ctx.sizes.routingCommands,
      }));
      version = runs[runs.length - 1]!.version;
    }
    const row = (name: string, kind: 'read' | 'write') => {
      const r = medianAdded(runs.map((run) => run[kind]));
      const added = r.routed.p99 - r.direct.p99;
      return [name, ms(r.direct.p50), ms(r.direct.p99), ms(r.routed.p50), ms(r.routed.p99), ms(r.routed.p50 - r.direct.p50), ms(added), target('routing adds < 1 ms at p99', added < 1)];
    };
    return {
      title: '10. Routing (ms per command, straight to the cell vs through HAProxy)',
      about: `${ctx.sizes.routingCommands.toLocaleString('en-US')} commands of each kind on each path after 200 to warm up, one at a time, the two sockets (same tenant and user) taking turns. HAProxy 2.6 runs the generated config: the tenant read from the token's claim, looked up in the map, the socket proxied to the cell's backend. Tandem (one instance, CELL set) on the server core, HAProxy on the load core, which is idle while a command is out.${ctx.sizes.latencyRepeats > 1 ? ` Each row is the run of ${ctx.sizes.latencyRepeats} with the median added p99.` : ''}`,
      columns: ['command', 'direct p50', 'direct p99', 'HAProxy p50', 'HAProxy p99', 'added p50', 'added p99', 'target'],
      rows: [row('read (list_projects)', 'read'), row('write (update_work_item)', 'write')],
    };
  } finally {
    await haproxy?.stop();
    await server.stop();
    const redis = new Redis(redisUrl);
    await redis.del(placementKey);
    redis.disconnect();
  }
}
