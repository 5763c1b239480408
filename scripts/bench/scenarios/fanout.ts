// 1. Fan-out latency, Tandem vs peer, for each subscriber count.
import { randomUUID } from 'node:crypto';
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { FanoutInput, FanoutOutput } from '../load/fanout.ts';
import { ms, ratioLowerIsBetter, target, type Table } from '../report.ts';
import { startServer, TARGETS, type Target } from '../servers.ts';

export const FANOUT_RATE = 100;

/**
 * With a `redisUrl`, two instances share one data folder and a Redis channel
 * of the run's own; the writer talks to the first, the subscribers to the second.
 */
export async function measureFanout(ctx: BenchContext, target: Target, subscriberCounts: number[], redisUrl?: string): Promise<FanoutOutput[]> {
  const dir = dataDir(ctx, `fanout-${target}${redisUrl ? '-redis' : ''}`);
  const env = redisUrl ? { ...ctx.authEnv, REDIS_URL: redisUrl, REDIS_CHANNEL: `bench:${randomUUID()}` } : ctx.authEnv;
  const servers = await Promise.all((redisUrl ? [1, 2] : [1]).map(() => startServer(target, { dataDir: dir, env })));
  try {
    const out: FanoutOutput[] = [];
    for (const subscribers of subscriberCounts) {
      out.push(await runLoad<FanoutInput, FanoutOutput>('fanout', {
        target, writerUrl: servers[0]!.url, subscriberUrl: servers[servers.length - 1]!.url, privatePem: ctx.hostKey.privatePem,
        tenantId: `fanout-${subscribers}`, subscribers, writesPerSecond: FANOUT_RATE, durationMs: ctx.sizes.fanoutSeconds * 1000,
      }));
    }
    return out;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

export async function fanoutTable(ctx: BenchContext): Promise<{ table: Table; results: Record<Target, FanoutOutput[]> }> {
  const counts = ctx.sizes.fanoutSubscribers;
  const results = {} as Record<Target, FanoutOutput[]>;
  for (const t of TARGETS) results[t] = await measureFanout(ctx, t, counts);
  const notes: string[] = [];
  const rows = counts.map((n, i) => {
    const tandem = results.tandem[i]!;
    const peer = results.peer[i]!;
    for (const [name, r] of [['Tandem', tandem], ['peer', peer]] as const) {
      if (r.received < r.expected) notes.push(`${name} at ${n} subscribers: ${r.received} of ${r.expected} deliveries arrived within 5 s after the last write.`);
    }
    const goal = n === 1000
      ? target('p99 < 5 ms and >= 5x lower than peer', tandem.latency.p99 < 5 && peer.latency.p99 / tandem.latency.p99 >= 5)
      : '';
    return [
      num0(n), ms(tandem.latency.p50), ms(tandem.latency.p99), ms(tandem.latency.p999), ms(tandem.latency.max),
      ms(peer.latency.p50), ms(peer.latency.p99), ms(peer.latency.p999), ms(peer.latency.max),
      ratioLowerIsBetter(tandem.latency.p99, peer.latency.p99), goal,
    ];
  });
  return {
    results,
    table: {
      title: '1. Fan-out latency (ms, send to receipt)',
      about: `One writer updates items of one project at ${FANOUT_RATE} writes/s for ${ctx.sizes.fanoutSeconds} s; every subscriber records the time from the writer's send to its own receipt of the event (one load process holds the writer and all subscribers, so one clock stamps both ends; it decodes every event, which adds its own queueing at high N).`,
      columns: ['subscribers', 'Tandem p50', 'p99', 'p99.9', 'max', 'peer p50', 'p99', 'p99.9', 'max', 'p99 peer/Tandem', 'target'],
      rows,
      notes,
    },
  };
}

const num0 = (n: number) => n.toLocaleString('en-US');
