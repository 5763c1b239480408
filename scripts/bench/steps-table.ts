// A step-by-step cost (load/sqlite-calls.ts) as table rows: each phase whole,
// its dearest SQLite calls, the rest summed, and the JavaScript around them.
import type { StepsOutput } from './load/sqlite-calls.ts';
import { num } from './report.ts';

/** Calls cheaper than this (µs per unit) are summed into one row per phase. */
const SHOWN_FROM_US = 15;

export const STEPS_COLUMNS = ['phase', 'SQLite call', 'calls per unit', 'µs per unit'];

export function stepsRows(out: StepsOutput): string[][] {
  const rows: string[][] = [];
  const sum = (costs: StepsOutput['costs'], pick: (c: StepsOutput['costs'][number]) => number) => costs.reduce((n, c) => n + pick(c), 0);
  for (const phase of [...new Set(out.costs.map((c) => c.phase))]) {
    const costs = out.costs.filter((c) => c.phase === phase);
    const whole = costs.find((c) => c.call === '');
    if (!whole) continue;
    const calls = costs.filter((c) => c.call !== '').sort((a, b) => b.meanUs - a.meanUs);
    const rest = calls.filter((c) => c.meanUs < SHOWN_FROM_US);
    rows.push([`**${phase}**`, '**whole phase**', '', `**${num(whole.meanUs)}**`]);
    for (const c of calls.filter((c) => c.meanUs >= SHOWN_FROM_US)) {
      rows.push(['', `\`${c.call.replaceAll('|', '\\|')}\``, c.callsPerUnit.toFixed(1), num(c.meanUs)]);
    }
    if (rest.length) rows.push(['', `${rest.length} other calls`, sum(rest, (c) => c.callsPerUnit).toFixed(1), num(sum(rest, (c) => c.meanUs))]);
    rows.push(['', 'JavaScript around the calls', '', num(whole.meanUs - sum(calls, (c) => c.meanUs))]);
  }
  return rows;
}
