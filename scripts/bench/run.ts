// `npm run bench` (quick, under 3 minutes) or `npm run bench -- --full`:
// runs every scenario against Tandem and the peer and prints Markdown tables.
// `--only fanout,writes` picks scenarios; `--out FILE` also writes the report there.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hostKeyEnv, makeHostKey } from './auth.ts';
import { FULL, QUICK, type BenchContext } from './context.ts';
import { machineDescription, renderTable, targetSummary, type Table } from './report.ts';
import { boardTable } from './scenarios/board.ts';
import { catchUpTable } from './scenarios/catchup.ts';
import { coldTable } from './scenarios/cold.ts';
import { fanoutTable } from './scenarios/fanout.ts';
import { idleTable } from './scenarios/idle.ts';
import { insightTable } from './scenarios/insight.ts';
import { openStepsTable } from './scenarios/open-steps.ts';
import { redisTable } from './scenarios/redis.ts';
import { routingTable } from './scenarios/routing.ts';
import { tenantMoveTable } from './scenarios/tenant-move.ts';
import { wireSizeTable } from './scenarios/wire-size.ts';
import { writeStepsTables } from './scenarios/write-steps.ts';
import { writesTable } from './scenarios/writes.ts';
import { canPin } from './servers.ts';

/** A scenario prints one table, or a few measured in one go. */
const SCENARIOS: Record<string, (ctx: BenchContext) => Promise<Table | Table[]>> = {
  fanout: fanoutTable,
  writes: writesTable,
  'write-steps': writeStepsTables,
  idle: idleTable,
  cold: coldTable,
  'open-steps': openStepsTable,
  catchup: catchUpTable,
  redis: redisTable,
  wire: async () => wireSizeTable(),
  board: boardTable,
  insight: insightTable,
  routing: routingTable,
  'tenant-move': tenantMoveTable,
};

const { values } = parseArgs({
  options: { full: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' } },
});
const chosen = values.only ? values.only.split(',') : Object.keys(SCENARIOS);
for (const name of chosen) if (!SCENARIOS[name]) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);

const workDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
const hostKey = makeHostKey(workDir);
const ctx: BenchContext = { sizes: values.full ? FULL : QUICK, workDir, hostKey, authEnv: hostKeyEnv(hostKey) };

const started = Date.now();
const header = [
  `## Tandem benchmarks (${values.full ? 'full' : 'quick'} run, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
  '',
  machineDescription(canPin),
  '',
].join('\n');
const sections: string[] = [header];
const tables: Table[] = [];
const print = (section: string) => {
  sections.push(section);
  process.stdout.write(section + '\n');
};
process.stdout.write(header + '\n');
try {
  for (const name of chosen) {
    const t0 = Date.now();
    try {
      const made = [await SCENARIOS[name]!(ctx)].flat();
      tables.push(...made);
      print(`${made.map(renderTable).join('\n')}\n_(${((Date.now() - t0) / 1000).toFixed(0)} s)_\n`);
    } catch (err) {
      // One broken scenario is reported, and the others still run.
      process.exitCode = 1;
      print(`### ${name}: failed\n\n\`\`\`\n${err instanceof Error ? err.message : String(err)}\n\`\`\`\n`);
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
print(renderTable(targetSummary(tables)));
print(`Total: ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
if (values.out) writeFileSync(values.out, sections.join('\n'));
