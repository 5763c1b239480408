// 5. Catch-up: a client far behind resubscribes from its last seq.
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { CatchUpInput, CatchUpOutput } from '../load/catchup.ts';
import { ms, percentile, ratioLowerIsBetter, target, type Table } from '../report.ts';
import { startServer, TARGETS, type Target } from '../servers.ts';

const REPEATS = 3;

export async function catchUpTable(ctx: BenchContext): Promise<Table> {
  const results = {} as Record<Target, CatchUpOutput>;
  for (const t of TARGETS) {
    const server = await startServer(t, { dataDir: dataDir(ctx, `catch-up-${t}`), env: ctx.authEnv });
    try {
      results[t] = await runLoad<CatchUpInput, CatchUpOutput>('catchup', {
        target: t, url: server.url, privatePem: ctx.hostKey.privatePem, events: ctx.sizes.catchUpEvents, repeats: REPEATS,
      });
    } finally {
      await server.stop();
    }
  }
  const median = (r: CatchUpOutput) => percentile([...r.timesMs].sort((a, b) => a - b), 50);
  const worst = (r: CatchUpOutput) => Math.max(...r.timesMs);
  return {
    title: '5. Catch-up (ms to receive every missed event)',
    about: `A client ${ctx.sizes.catchUpEvents.toLocaleString('en-US')} events behind resubscribes with its last seq; timed from sending the subscribe until it holds the last missed event (decoded), ${REPEATS} times each. Tandem replays stored protobuf events as frames after its reply; the peer answers with the missed events in its acknowledgement.`,
    columns: ['server', 'events replayed', 'median', 'worst', 'median peer/Tandem', 'target'],
    rows: [
      ['Tandem', results.tandem.replayed.toLocaleString('en-US'), ms(median(results.tandem)), ms(worst(results.tandem)),
        ratioLowerIsBetter(median(results.tandem), median(results.peer)), target('median < 300 ms', median(results.tandem) < 300)],
      ['peer', results.peer.replayed.toLocaleString('en-US'), ms(median(results.peer)), ms(worst(results.peer)), '', ''],
    ],
  };
}
