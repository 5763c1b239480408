// 4b. What Tandem's cold open costs, phase by phase and statement by
// statement, so the time table 4 shows can be laid at each step's door.
import { hostTenantId } from '../auth.ts';
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { OpenStepsInput, OpenStepsOutput } from '../load/open-steps.ts';
import { num, type Table } from '../report.ts';
import { tenantsFromTemplate, USER } from './cold.ts';

/** Calls cheaper than this (µs per open) are summed into one row per phase. */
const SHOWN_FROM_US = 15;

export async function openStepsTable(ctx: BenchContext): Promise<Table> {
  const dir = dataDir(ctx, 'open-steps');
  const { ids, template } = await tenantsFromTemplate(ctx, 'tandem', dir, Math.min(ctx.sizes.coldTenants, 500));
  const out = await runLoad<OpenStepsInput, OpenStepsOutput>('open-steps', { dataDir: dir, tenantIds: ids.map(hostTenantId), userId: USER, itemId: template.itemId });
  const rows: string[][] = [];
  const us = (v: number) => num(v);
  for (const phase of [...new Set(out.costs.map((c) => c.phase))]) {
    const costs = out.costs.filter((c) => c.phase === phase);
    const whole = costs.find((c) => c.call === '')!;
    const calls = costs.filter((c) => c.call !== '').sort((a, b) => b.meanUs - a.meanUs);
    const shown = calls.filter((c) => c.meanUs >= SHOWN_FROM_US);
    const rest = calls.filter((c) => c.meanUs < SHOWN_FROM_US);
    const sqlite = calls.reduce((sum, c) => sum + c.meanUs, 0);
    rows.push([`**${phase}**`, '**whole phase**', '', `**${us(whole.meanUs)}**`]);
    for (const c of shown) rows.push(['', `\`${c.call.replaceAll('|', '\\|')}\``, c.callsPerOpen.toFixed(1), us(c.meanUs)]);
    if (rest.length) rows.push(['', `${rest.length} other calls`, rest.reduce((n, c) => n + c.callsPerOpen, 0).toFixed(1), us(rest.reduce((n, c) => n + c.meanUs, 0))]);
    rows.push(['', 'JavaScript around the calls', '', us(whole.meanUs - sqlite)]);
  }
  return {
    title: '4b. A cold open, step by step (Tandem, µs per open)',
    about: `${out.opens} tenant files a Tandem server wrote (one project, one item), each opened once in a load process with Tandem's own code: openTenantDb, an update_work_item through dispatch, the housekeeping the server runs after an open, and the close an eviction makes. Every call into SQLite is timed; the first statement that needs the schema pays for reading it.`,
    columns: ['phase', 'SQLite call', 'calls per open', 'µs per open'],
    rows,
  };
}
