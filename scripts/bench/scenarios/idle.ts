// 3. Idle authenticated sockets: server memory per socket, Tandem vs peer.
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { IdleInput, IdleOutput } from '../load/idle.ts';
import { num, ratioLowerIsBetter, target, type Table } from '../report.ts';
import { startServer, TARGETS, type Target } from '../servers.ts';

const TENANTS = 10;

export async function idleTable(ctx: BenchContext): Promise<Table> {
  const perSocket = {} as Record<Target, number>;
  const rows: string[][] = [];
  for (const t of TARGETS) {
    const server = await startServer(t, { dataDir: dataDir(ctx, `idle-${t}`), env: ctx.authEnv });
    try {
      const out = await runLoad<IdleInput, IdleOutput>('idle', {
        target: t, url: server.url, serverPid: server.pid, privatePem: ctx.hostKey.privatePem, sockets: ctx.sizes.idleSockets, tenants: TENANTS,
      });
      perSocket[t] = (out.rssAfterBytes - out.rssBeforeBytes) / out.sockets;
      rows.push([t === 'tandem' ? 'Tandem' : 'peer', num(out.sockets), mib(out.rssBeforeBytes), mib(out.rssAfterBytes), num(perSocket[t])]);
    } finally {
      await server.stop();
    }
  }
  const goal = target('< 4 KiB each and >= 5x less than peer', perSocket.tandem < 4096 && perSocket.peer / perSocket.tandem >= 5);
  rows[0]!.push(ratioLowerIsBetter(perSocket.tandem, perSocket.peer), goal);
  rows[1]!.push('', '');
  return {
    title: '3. Idle connections (server memory)',
    about: `${ctx.sizes.idleSockets.toLocaleString('en-US')} sockets across ${TENANTS} tenants, each authenticated with its own user's JWT and subscribed to its tenant's board, then silent; server RSS read from /proc 2 s after the last one joined.`,
    columns: ['server', 'sockets', 'RSS before MiB', 'RSS after MiB', 'bytes per socket', 'peer/Tandem', 'target'],
    rows,
  };
}

const mib = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
