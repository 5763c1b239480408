// 4b. What Tandem's cold open costs, phase by phase and statement by
// statement, so the time table 4 shows can be laid at each step's door.
import { hostTenantId } from '../auth.ts';
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { OpenStepsInput } from '../load/open-steps.ts';
import type { StepsOutput } from '../load/sqlite-calls.ts';
import type { Table } from '../report.ts';
import { STEPS_COLUMNS, stepsRows } from '../steps-table.ts';
import { tenantsFromTemplate, USER } from './cold.ts';

export async function openStepsTable(ctx: BenchContext): Promise<Table> {
  const dir = dataDir(ctx, 'open-steps');
  const { ids, template } = await tenantsFromTemplate(ctx, 'tandem', dir, Math.min(ctx.sizes.coldTenants, 500));
  const out = await runLoad<OpenStepsInput, StepsOutput>('open-steps', { dataDir: dir, tenantIds: ids.map(hostTenantId), userId: USER, itemId: template.itemId });
  return {
    title: '4b. A cold open, step by step (Tandem, µs per open)',
    about: `${out.units} tenant files a Tandem server wrote (one project, one item), each opened once in a load process with Tandem's own code: openTenantDb, an update_work_item through dispatch, the housekeeping the server runs at a tenant's first open of a day, and the close an eviction makes (the checkpoint thread holding the file, as the server's does). Every call into SQLite is timed; the first statement that needs the schema pays for reading it.`,
    columns: STEPS_COLUMNS,
    rows: stepsRows(out),
  };
}
