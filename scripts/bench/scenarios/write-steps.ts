// 2b. What one version-checked write costs on an open file, phase by phase
// and statement by statement: where table 2's server CPU goes. 2c. The pages
// its group commits write, by table: what each COMMIT appends to the WAL.
import { hostTenantId } from '../auth.ts';
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { WriteStepsInput, WriteStepsOutput } from '../load/write-steps.ts';
import type { Table } from '../report.ts';
import { STEPS_COLUMNS, stepsRows } from '../steps-table.ts';
import { tenantsFromTemplate, USER } from './cold.ts';

const WRITES = 8000;

export async function writeStepsTables(ctx: BenchContext): Promise<Table[]> {
  const dir = dataDir(ctx, 'write-steps');
  const { ids, template } = await tenantsFromTemplate(ctx, 'tandem', dir, 1);
  const out = await runLoad<WriteStepsInput, WriteStepsOutput>('write-steps', {
    dataDir: dir, tenantId: hostTenantId(ids[0]!), userId: USER, itemId: template.itemId, version: template.version, writes: WRITES,
  });
  return [{
    title: '2b. A write, step by step (Tandem, µs per write)',
    about: `${out.units.toLocaleString('en-US')} title updates of one item on an open file, four to a group commit as table 2's four clients per tenant make them, through Tandem's own pipeline in a load process: the frame decoded, then command-queue.ts's group commit (the idempotency check, the version check, the update with its search index, the history row, the event, the stored reply, one savepoint each, one COMMIT). Every call into SQLite is timed. Sending the reply and the server's socket work are not in it, nor checkpoints: the file is opened as the server opens it, whose checkpoints run on a worker thread.`,
    columns: STEPS_COLUMNS,
    rows: stepsRows(out),
  }, {
    title: '2c. The pages a group commit writes (Tandem, pages per commit of 4 writes)',
    about: `The same writes, ${out.pages.commits} group commits before the timed ones: every page a commit changed is appended to the WAL whole (a 4 KiB frame and its header), and SQLite's dbstat names the table or index each page belongs to. A title update's own row is one page; the rest is the history row, the event, the stored reply and the search index, and their indexes.`,
    columns: ['table or index', 'pages per commit'],
    rows: [
      ...out.pages.tables.map((t) => [`\`${t.table}\``, t.pagesPerCommit.toFixed(2)]),
      ['**all**', `**${out.pages.tables.reduce((n, t) => n + t.pagesPerCommit, 0).toFixed(1)}**`],
    ],
  }];
}
