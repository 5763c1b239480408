// 1. Fan-out latency, Tandem vs peer, for each subscriber count.
import { randomUUID } from 'node:crypto';
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { FanoutInput, FanoutOutput } from '../load/fanout.ts';
import { ms, ratioLowerIsBetter, target, type Table } from '../report.ts';
import { fanoutBetween, scrapeFanout, type ServerFanout } from '../server-fanout.ts';
import { startServer, TARGETS, type Target } from '../servers.ts';

export const FANOUT_RATE = 100;

/** A run as the subscribers saw it, and (one instance only) as the server timed it. */
export type FanoutRun = FanoutOutput & { server?: ServerFanout };

/** Single-instance results by target and subscriber count, so the Redis table compares with this run's own. */
const singleInstance = new Map<string, FanoutRun>();

/** Of several runs, the one with the median p99: one noisy neighbour's burst does not decide the figure. */
function medianRun(runs: FanoutRun[]): FanoutRun {
  return [...runs].sort((a, b) => a.latency.p99 - b.latency.p99)[Math.floor(runs.length / 2)]!;
}

/**
 * With a `redisUrl`, two instances share one data folder and a Redis channel
 * of the run's own; the writer talks to the first, the subscribers to the second.
 */
export async function measureFanout(ctx: BenchContext, target: Target, subscriberCounts: number[], redisUrl?: string): Promise<FanoutRun[]> {
  const todo = redisUrl ? subscriberCounts : subscriberCounts.filter((n) => !singleInstance.has(`${target}/${n}`));
  const measured = new Map<number, FanoutRun>();
  if (todo.length > 0) {
    const dir = dataDir(ctx, `fanout-${target}${redisUrl ? '-redis' : ''}`);
    const env = redisUrl ? { ...ctx.authEnv, REDIS_URL: redisUrl, REDIS_CHANNEL: `bench:${randomUUID()}` } : ctx.authEnv;
    const servers = await Promise.all((redisUrl ? [1, 2] : [1]).map(() => startServer(target, { dataDir: dir, env })));
    try {
      for (const subscribers of todo) {
        const runs: FanoutRun[] = [];
        for (let r = 0; r < ctx.sizes.latencyRepeats; r++) {
          // Across Redis the watchers' copies are published by the other instance, from the bus, not from a frame.
          const before = redisUrl ? null : await scrapeFanout(servers[0]!.http);
          const run: FanoutRun = await runLoad<FanoutInput, FanoutOutput>('fanout', {
            target, writerUrl: servers[0]!.url, subscriberUrl: servers[servers.length - 1]!.url, serverPids: servers.map((s) => s.pid), privatePem: ctx.hostKey.privatePem,
            tenantId: `fanout-${subscribers}-${r}`, subscribers, writesPerSecond: FANOUT_RATE, durationMs: ctx.sizes.fanoutSeconds * 1000,
          });
          if (before) run.server = fanoutBetween(before, await scrapeFanout(servers[0]!.http));
          runs.push(run);
        }
        measured.set(subscribers, medianRun(runs));
        if (!redisUrl) singleInstance.set(`${target}/${subscribers}`, medianRun(runs));
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }
  return subscriberCounts.map((n) => measured.get(n) ?? singleInstance.get(`${target}/${n}`)!);
}

export async function fanoutTable(ctx: BenchContext): Promise<Table> {
  const counts = ctx.sizes.fanoutSubscribers;
  const results = {} as Record<Target, FanoutRun[]>;
  for (const t of TARGETS) results[t] = await measureFanout(ctx, t, counts);
  const notes: string[] = [];
  const rows = counts.map((n, i) => {
    const tandem = results.tandem[i]!;
    const peer = results.peer[i]!;
    for (const [name, r] of [['Tandem', tandem], ['peer', peer]] as const) {
      const rate = r.writes / ctx.sizes.fanoutSeconds;
      if (rate < FANOUT_RATE * 0.95) notes.push(`${name} at ${n} subscribers: the writer managed only ${rate.toFixed(0)} writes/s (its replies came back too slowly for ${FANOUT_RATE}/s).`);
      if (r.received < r.expected) notes.push(`${name} at ${n} subscribers: ${r.received} of ${r.expected} deliveries arrived within 5 s after the last write.`);
    }
    const atServer = { tandem: tandem.server!, peer: peer.server! };
    const goal = n === 1000
      ? target('at the server: p99 < 5 ms and >= 5x lower than peer', atServer.tandem.p99 < 5 && atServer.peer.p99 / atServer.tandem.p99 >= 5)
      : '';
    return [
      n.toLocaleString('en-US'), ms(tandem.latency.p50), ms(tandem.latency.p99), ms(tandem.latency.p999), ms(tandem.latency.max),
      ms(peer.latency.p50), ms(peer.latency.p99), ms(peer.latency.p999), ms(peer.latency.max),
      ratioLowerIsBetter(tandem.latency.p99, peer.latency.p99),
      `${ms(atServer.tandem.p50)} / ${ms(atServer.tandem.p99)}`, `${ms(atServer.peer.p50)} / ${ms(atServer.peer.p99)}`,
      ratioLowerIsBetter(atServer.tandem.p99, atServer.peer.p99),
      `${tandem.serverCpuPercent.toFixed(0)} / ${peer.serverCpuPercent.toFixed(0)}`, `${tandem.loadCpuPercent.toFixed(0)} / ${peer.loadCpuPercent.toFixed(0)}`, goal,
    ];
  });
  return {
    title: '1. Fan-out latency (ms, send to receipt, and at the server)',
    about: `One writer updates items of one project at ${FANOUT_RATE} writes/s for ${ctx.sizes.fanoutSeconds} s; every subscriber records the time from the writer's send to its own receipt of the event. One load process holds the writer and all subscribers, so one clock stamps both ends; subscribers are bare WebSocket readers that find the stamp in the raw frame (Tandem's protobuf, subscribed for changed fields only as Tandem's client is; the peer's Socket.IO packet with the whole item) without a full decode, so the figure is the server's, not a client library's. At the server: each server's own tandem_fanout_seconds histogram (scraped from /metrics before and after the run), from a write frame's arrival to every subscriber's copy handed to the kernel, stopped the turn after the publish (uWS) or emit (Socket.IO); quantiles are interpolated within the histogram's buckets. The client-side columns are set by whichever core is busier (load CPU near 100: the load core); the server-side ones by the server core alone. CPU columns: how busy the server process and the one load process were, in % of one core (load near 100 means the load core, not the server, set the figure; server CPU then still compares the two servers' cost for the same work).${ctx.sizes.latencyRepeats > 1 ? ` Each row is the median-p99 run of ${ctx.sizes.latencyRepeats}.` : ''}`,
    columns: ['subscribers', 'Tandem p50', 'p99', 'p99.9', 'max', 'peer p50', 'p99', 'p99.9', 'max', 'p99 peer/Tandem', 'at server Tandem p50 / p99', 'peer p50 / p99', 'at server p99 peer/Tandem', 'server CPU % T / P', 'load CPU % T / P', 'target'],
    rows,
    notes,
  };
}
