// 4. Cold tenant opens: many tenant files, a cache of 256 open ones.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { hostTenantId } from '../auth.ts';
import { dataDir, type BenchContext } from '../context.ts';
import { runLoad } from '../load-process.ts';
import type { ColdInput, ColdOutput } from '../load/cold.ts';
import type { TemplateInput, TemplateOutput } from '../load/template.ts';
import { ms, ratioLowerIsBetter, target, type Table } from '../report.ts';
import { startServer, TARGETS, type Target } from '../servers.ts';

const OPEN_DATABASES = 256;
export const USER = 'owner';

/**
 * Makes one tenant through the server, stops it (which checkpoints the file),
 * then copies that tenant folder: thousands of tenants in seconds, each a
 * real file written by that server.
 */
export async function tenantsFromTemplate(ctx: BenchContext, t: Target, dir: string, count: number): Promise<{ ids: string[]; template: TemplateOutput }> {
  const server = await startServer(t, { dataDir: dir, env: ctx.authEnv });
  let template: TemplateOutput;
  try {
    template = await runLoad<TemplateInput, TemplateOutput>('template', {
      target: t, url: server.url, privatePem: ctx.hostKey.privatePem, tenantId: 'cold-template', userId: USER,
    });
  } finally {
    await server.stop();
  }
  const ids = Array.from({ length: count }, (_, i) => `cold-${String(i).padStart(5, '0')}`);
  for (const id of ids) cpSync(join(dir, hostTenantId('cold-template')), join(dir, hostTenantId(id)), { recursive: true });
  return { ids, template };
}

export async function coldTable(ctx: BenchContext): Promise<Table> {
  const results = {} as Record<Target, ColdOutput>;
  for (const t of TARGETS) {
    const dir = dataDir(ctx, `cold-${t}`);
    const { ids, template } = await tenantsFromTemplate(ctx, t, dir, ctx.sizes.coldTenants);
    const server = await startServer(t, { dataDir: dir, env: { ...ctx.authEnv, OPEN_DATABASES: String(OPEN_DATABASES) } });
    try {
      results[t] = await runLoad<ColdInput, ColdOutput>('cold', {
        target: t, url: server.url, privatePem: ctx.hostKey.privatePem, tenantIds: ids, userId: USER, itemId: template.itemId,
        version: template.version, commands: ctx.sizes.coldCommands, warmTenants: OPEN_DATABASES / 2,
      });
    } finally {
      await server.stop();
    }
  }
  const row = (name: string, r: ColdOutput) => [name, ms(r.cold.p50), ms(r.cold.p99), ms(r.cold.max), ms(r.warm.p50), ms(r.warm.p99)];
  return {
    title: '4. Cold tenants (ms per command)',
    about: `${ctx.sizes.coldTenants.toLocaleString('en-US')} tenant files, ${OPEN_DATABASES} kept open (OPEN_DATABASES); ${ctx.sizes.coldCommands.toLocaleString('en-US')} version-checked updates sent one at a time round-robin over the tenants, so each one opens its tenant's file (open, pragmas, schema check, statements prepared anew). Warm: the same command over ${OPEN_DATABASES / 2} tenants that stay open.`,
    columns: ['server', 'cold p50', 'cold p99', 'cold max', 'warm p50', 'warm p99', 'cold p99 peer/Tandem', 'target'],
    rows: [
      [...row('Tandem', results.tandem), ratioLowerIsBetter(results.tandem.cold.p99, results.peer.cold.p99), target('cold p99 < 5 ms', results.tandem.cold.p99 < 5)],
      [...row('peer', results.peer), '', ''],
    ],
  };
}
