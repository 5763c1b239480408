// 2. Write throughput with synchronous=NORMAL and FULL, Tandem vs peer.
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { WritesInput, WritesOutput } from '../load/writes.ts';
import { ms, num, ratioHigherIsBetter, target, type Table } from '../report.ts';
import { startServer, TARGETS, type Target } from '../servers.ts';

const MODES = ['NORMAL', 'FULL'] as const;
/** A reply gap this long means the server's event loop stood still (a stall), not that it was merely busy. */
const STALL_MS = 100;

export async function writesTable(ctx: BenchContext): Promise<Table> {
  const results: Record<string, WritesOutput> = {};
  for (const mode of MODES) {
    for (const t of TARGETS) {
      const server = await startServer(t, { dataDir: dataDir(ctx, `writes-${t}-${mode}`), env: { ...ctx.authEnv, SQLITE_SYNCHRONOUS: mode } });
      try {
        results[`${t}/${mode}`] = await runLoad<WritesInput, WritesOutput>('writes', {
          target: t, url: server.url, serverPid: server.pid, privatePem: ctx.hostKey.privatePem, tenants: ctx.sizes.writeTenants, clientsPerTenant: ctx.sizes.writeClientsPerTenant, durationMs: ctx.sizes.writeSeconds * 1000,
        });
      } finally {
        await server.stop();
      }
    }
  }
  const of = (t: Target, mode: string) => results[`${t}/${mode}`]!;
  const rows = MODES.map((mode) => {
    const tandem = of('tandem', mode);
    const peer = of('peer', mode);
    const goal = mode === 'NORMAL'
      ? target('>= 10,000 commands/s', tandem.commandsPerSecond >= 10_000)
      : `event loop ${tandem.maxReplyGapMs >= STALL_MS ? `stalls (longest reply gap ${ms(tandem.maxReplyGapMs)} ms)` : 'does not stall'} under FULL`;
    return [
      mode, num(tandem.commandsPerSecond), ms(tandem.latency.p99), ms(tandem.maxReplyGapMs),
      num(peer.commandsPerSecond), ms(peer.latency.p99), ms(peer.maxReplyGapMs),
      ratioHigherIsBetter(tandem.commandsPerSecond, peer.commandsPerSecond),
      `${tandem.serverCpuPercent.toFixed(0)} / ${peer.serverCpuPercent.toFixed(0)}`, `${tandem.loadCpuPercent.toFixed(0)} / ${peer.loadCpuPercent.toFixed(0)}`, goal,
    ];
  });
  return {
    title: '2. Write throughput (version-checked updates)',
    about: `${ctx.sizes.writeTenants} tenants with ${ctx.sizes.writeClientsPerTenant} clients each, every client sending title updates to its own item with the expected version as fast as its replies come back, for ${ctx.sizes.writeSeconds} s. Every write is version-checked, writes an activity row, an event row and an idempotency row in one transaction. Reply gap = the longest time no reply arrived at all. CPU columns: how busy the server and the load process were, in % of one core.`,
    columns: ['synchronous', 'Tandem cmd/s', 'p99 ms', 'max reply gap ms', 'peer cmd/s', 'p99 ms', 'max reply gap ms', 'Tandem/peer', 'server CPU % T / P', 'load CPU % T / P', 'target'],
    rows,
  };
}
