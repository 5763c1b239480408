// 9. Search and reports, through the socket. Tandem only: the peer has
// neither (it would be a LIKE scan, which says nothing about either target).
import { hostTenantId } from '../auth.ts';
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { InsightInput, InsightOutput } from '../load/insight.ts';
import { ms, summarize, target, type Table } from '../report.ts';
import { startServer } from '../servers.ts';

const TENANT = 'insight';
const SEARCH_TARGET_MS = 20;
const REPORT_TARGET_MS = 50;

export async function insightTable(ctx: BenchContext): Promise<Table> {
  const server = await startServer('tandem', { dataDir: dataDir(ctx, 'insight'), env: { ...ctx.authEnv, RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' } });
  let out: InsightOutput;
  const input: InsightInput = {
    url: server.url, privatePem: ctx.hostKey.privatePem, tenantId: TENANT, userId: 'owner',
    searchItems: ctx.sizes.searchItems, searches: 400, sprintItems: 500, historyRows: 20_000, reports: 40,
  };
  try {
    out = await runLoad<InsightInput, InsightOutput>('insight', input);
  } finally {
    await server.stop();
  }
  const searchAll = Object.values(out.search).flat();
  const reportAll = Object.values(out.report).flat();
  const row = (name: string, samples: number[], goal: number | null) => {
    const s = summarize(samples);
    return [name, String(samples.length), ms(s.p50), ms(s.p99), ms(s.max), goal === null ? '' : target(`p99 < ${goal} ms`, s.p99 < goal)];
  };
  return {
    title: '9. Search and reports (ms per request, through the socket)',
    about: `Search: ${input.searchItems.toLocaleString('en-US')} items in tenant ${hostTenantId(TENANT)}, each with a 5-word title and a 40-word description, a comment on every tenth, words drawn so a few are common and most rare; queries by kind, 20 hits each. Reports: a sprint of ${input.sprintItems} items with ${input.historyRows.toLocaleString('en-US')} history rows (estimates and moves). Seeding took ${out.seedSeconds.toFixed(0)} s. Tandem only: the peer has no search or reports.`,
    columns: ['request', 'count', 'p50', 'p99', 'max', 'target'],
    rows: [
      ...Object.entries(out.search).map(([kind, samples]) => row(`search: ${kind}`, samples, null)),
      row('search: all', searchAll, SEARCH_TARGET_MS),
      ...Object.entries(out.report).map(([kind, samples]) => row(`get_report: ${kind}`, samples, null)),
      row('get_report: all', reportAll, REPORT_TARGET_MS),
    ],
  };
}
