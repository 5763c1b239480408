// `npm run tenant:move -- <tenant_id> <cell> [--json]`: moves a tenant's file
// to another cell while its clients keep working (docs/DESIGN.md decision 57).
// `npm run tenant:move -- --abandon <tenant_id>` drops the record of a move
// whose target died while installing and will not come back.
// Thin: it finds the cell that holds the tenant and asks it, over the cells'
// internal HTTP, to run the move; that cell is the mover, so this process
// dying changes nothing. Needs REDIS_URL, PLACEMENT_KEY (if not the default)
// and CLUSTER_SECRET, as the cells have them. Exit 0 when the tenant is on
// <cell>; 1 when the move was refused or rolled back (the tenant is whole on
// its old cell and takes writes again); 2 on a usage or configuration error.
import { Redis } from 'ioredis';
import { parseArgs } from 'node:util';
import { ConfigError, moverConfig } from '../server/src/config.ts';
import { CellDirectory } from '../server/src/cells/cell-directory.ts';
import { MoveBook } from '../server/src/cells/move-record.ts';
import { postJson } from '../server/src/moves/cluster-http.ts';
import type { MoveReport } from '../server/src/moves/move-steps.ts';
import { formatTable } from './lib/text-table.ts';

const USAGE = 'usage: npm run tenant:move -- <tenant_id> <cell> [--json]\n       npm run tenant:move -- --abandon <tenant_id>';
/** A 100 MB tenant moves in seconds; this is for a cell that stopped answering altogether. */
const MOVE_TIMEOUT_MS = 10 * 60_000;

class UsageError extends Error {}

function report(r: MoveReport): string {
  const rows = Object.entries(r.steps).map(([step, ms]) => [step, ms] as [string, number]);
  return [
    `${r.tenant} moved from cell ${r.from} to cell ${r.to} (move ${r.move})`,
    `${(r.bytes / 1024 / 1024).toFixed(1)} MiB, ${r.attachments} attachment file(s); writes refused for ${r.readOnlyMs} ms, ${r.totalMs} ms in all`,
    r.retired ? '' : 'The old copy could not be set aside yet; the old cell does it when it can.',
    formatTable(['step', 'ms'], rows),
  ].filter(Boolean).join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false }, abandon: { type: 'boolean', default: false } }, allowPositionals: true });
  if (values.abandon) {
    if (positionals.length !== 1) throw new UsageError(USAGE);
    return abandon(positionals[0]!);
  }
  if (positionals.length !== 2) throw new UsageError(USAGE);
  const [tenant, to] = positionals as [string, string];
  const config = moverConfig();
  const { from, url } = await withRedis(config.redisUrl, async (redis) => {
    const cell = await redis.hget(config.placementKey, tenant);
    return { from: cell, url: cell === null ? null : await new CellDirectory(redis, config.placementKey).urlOf(cell) };
  });
  if (from === null) throw new UsageError(`no cell holds ${tenant} (PLACEMENT_KEY ${config.placementKey})`);
  if (url === null) throw new UsageError(`cell ${from} holds ${tenant} but has not published its address: is it running with CLUSTER_SECRET?`);
  const answer = await postJson(`${url}/internal/moves`, config.secret, { tenant, to }, MOVE_TIMEOUT_MS);
  if (answer.status !== 200) {
    const error = answer.body['error'] as { message?: string } | undefined;
    process.stderr.write(`tenant:move: cell ${from} answered ${answer.status}: ${error?.message ?? 'no reason given'}\n`);
    return 1;
  }
  const moved = answer.body as unknown as MoveReport;
  process.stdout.write(values.json ? `${JSON.stringify(moved)}\n` : `${report(moved)}\n`);
  return 0;
}

async function abandon(tenant: string): Promise<number> {
  const config = moverConfig();
  const outcome = await withRedis(config.redisUrl, (redis) => new MoveBook(redis, config.placementKey).abandon(tenant));
  if (!outcome.abandoned) {
    process.stderr.write(`tenant:move: ${outcome.why}\n`);
    return 1;
  }
  const { record, placedOn } = outcome;
  process.stdout.write([
    `Dropped move ${record.id} of ${tenant} (cell ${record.from} to cell ${record.to}, stopped while ${record.step}).`,
    `${tenant} stays on cell ${placedOn ?? record.from} and may move again. If cell ${record.to} comes back, it never serves ${tenant}; a later move there sets its copy aside.`,
  ].join('\n') + '\n');
  return 0;
}

async function withRedis<T>(url: string, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`tenant:move: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof UsageError || err instanceof ConfigError ? 2 : 1;
  },
);
