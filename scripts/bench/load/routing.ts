// Routing: one socket straight to the cell and one through HAProxy, same
// tenant, same user; one command at a time, taking turns (which goes first
// alternates), so both paths meet the same server, disk and machine at the
// same moments and the difference is HAProxy's.
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import { summarize, type LatencySummary } from '../report.ts';
import { TandemClient } from './tandem-client.ts';

export interface RoutingInput {
  directUrl: string;
  routedUrl: string;
  privatePem: string;
  tenantId: string;
  userId: string;
  itemId: string;
  version: number;
  /** Commands of each kind on each path. */
  commands: number;
}

export interface PathLatency {
  direct: LatencySummary;
  routed: LatencySummary;
}

export interface RoutingOutput {
  read: PathLatency;
  write: PathLatency;
  /** The item's version after the writes, for the next run. */
  version: number;
}

const WARM_UP = 200;

async function run(input: RoutingInput): Promise<RoutingOutput> {
  const token = tokenSigner(input.privatePem)({ tenantId: input.tenantId, userId: input.userId });
  const direct = await TandemClient.connect(input.directUrl, token);
  const routed = await TandemClient.connect(input.routedUrl, token);
  let version = input.version;
  const timed = async (command: () => Promise<unknown>) => {
    const sent = performance.now();
    await command();
    return performance.now() - sent;
  };
  const read = (client: TandemClient) => timed(() => client.request({ listProjects: {} }));
  const write = (client: TandemClient) => timed(async () => (version = (await client.updateTitle(input.itemId, version, `routed ${version}`)).version));

  const measure = async (kind: (client: TandemClient) => Promise<number>): Promise<PathLatency> => {
    const samples = { direct: [] as number[], routed: [] as number[] };
    for (let i = 0; i < WARM_UP + input.commands; i++) {
      const order = i % 2 === 0 ? (['direct', 'routed'] as const) : (['routed', 'direct'] as const);
      for (const path of order) {
        const ms = await kind(path === 'direct' ? direct : routed);
        if (i >= WARM_UP) samples[path].push(ms);
      }
    }
    return { direct: summarize(samples.direct), routed: summarize(samples.routed) };
  };
  const output = { read: await measure(read), write: await measure(write), version };
  direct.close();
  routed.close();
  return output;
}

serveLoad(run);
