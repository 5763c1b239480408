// Cold tenants: one socket per tenant, then one command at a time round-robin
// over all of them. With more tenants than the server keeps open, every
// command finds its tenant's file closed (a cyclic walk defeats any LRU), so
// each reply includes opening the file. A warm pass over fewer tenants than
// the cache holds gives the same command's cost without the open.
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import { summarize, type LatencySummary } from '../report.ts';
import type { Target } from '../servers.ts';
import { connectMany } from './clients.ts';

export interface ColdInput {
  target: Target;
  url: string;
  privatePem: string;
  tenantIds: string[];
  userId: string;
  itemId: string;
  version: number;
  commands: number;
  /** Tenants for the warm pass: fewer than the server's cache. */
  warmTenants: number;
}

export interface ColdOutput {
  cold: LatencySummary;
  warm: LatencySummary;
}

async function run(input: ColdInput): Promise<ColdOutput> {
  const sign = tokenSigner(input.privatePem);
  const clients = await connectMany(input.target, input.url, input.tenantIds.map((tenantId) => sign({ tenantId, userId: input.userId })), 32);
  const versions = clients.map(() => input.version);
  const update = async (i: number) => {
    const sent = performance.now();
    versions[i] = (await clients[i]!.updateTitle(input.itemId, versions[i]!, `touched ${sent}`)).version;
    return performance.now() - sent;
  };
  const cold: number[] = [];
  for (let k = 0; k < input.commands; k++) cold.push(await update(k % clients.length));
  const warm: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i < input.warmTenants; i++) {
      const ms = await update(i);
      if (pass > 0) warm.push(ms);
    }
  }
  for (const client of clients) client.close();
  return { cold: summarize(cold), warm: summarize(warm) };
}

serveLoad(run);
