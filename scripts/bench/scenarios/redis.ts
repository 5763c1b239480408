// 6. Across instances: the fan-out test with the writer on one instance and
// the subscribers on another, linked by Redis; the p99 it adds over one instance.
import { findRedis } from '../../../server/test/support/redis.ts';
import type { BenchContext } from '../context.ts';
import { ms, target, type Table } from '../report.ts';
import { TARGETS, type Target } from '../servers.ts';
import { measureFanout, type FanoutRun } from './fanout.ts';

export async function redisTable(ctx: BenchContext): Promise<Table> {
  const redisUrl = await findRedis();
  const counts = ctx.sizes.redisSubscribers;
  const one = {} as Record<Target, FanoutRun[]>;
  const two = {} as Record<Target, FanoutRun[]>;
  for (const t of TARGETS) {
    one[t] = await measureFanout(ctx, t, counts);
    two[t] = await measureFanout(ctx, t, counts, redisUrl);
  }
  const rows = counts.map((n, i) => {
    const added = (t: Target) => two[t][i]!.latency.p99 - one[t][i]!.latency.p99;
    return [
      n.toLocaleString('en-US'),
      ms(one.tandem[i]!.latency.p99), ms(two.tandem[i]!.latency.p99), ms(added('tandem')),
      ms(one.peer[i]!.latency.p99), ms(two.peer[i]!.latency.p99), ms(added('peer')),
      target('Redis hop adds < 1 ms at p99', added('tandem') < 1),
    ];
  });
  return {
    title: '6. Across instances (fan-out p99 ms, one instance vs two linked by Redis)',
    about: `The fan-out test (${ctx.sizes.fanoutSeconds} s at 100 writes/s), on one instance (the same runs as table 1 where it has them) and on two instances sharing the data folder and a Redis channel of this run's own: the writer on the first, every subscriber on the second. Both instances sit on the server core.`,
    columns: ['subscribers', 'Tandem one', 'two', 'added', 'peer one', 'two', 'added', 'target'],
    rows,
  };
}
