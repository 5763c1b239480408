// Write throughput: a few clients per tenant, each sending version-checked
// title updates to its own item as fast as its replies come back (one in
// flight per client). Records every reply's latency and the longest silence between any
// two replies: a stall of the server's event loop shows up there.
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import { summarize, type LatencySummary } from '../report.ts';
import { cpuMeter, type Target } from '../servers.ts';
import { connectMany, eachLimited, type BenchClient } from './clients.ts';
import { projectKey, sleep } from './util.ts';

export interface WritesInput {
  target: Target;
  url: string;
  serverPid: number;
  privatePem: string;
  tenants: number;
  clientsPerTenant: number;
  durationMs: number;
}

export interface WritesOutput {
  commandsPerSecond: number;
  latency: LatencySummary;
  /** The longest time with no reply arriving at all, while measuring. */
  maxReplyGapMs: number;
  serverCpuPercent: number;
  loadCpuPercent: number;
}

const WARM_UP_MS = 1000;

async function run(input: WritesInput): Promise<WritesOutput> {
  const sign = tokenSigner(input.privatePem);
  const tenants = Array.from({ length: input.tenants }, (_, i) => `writes-${i}`);
  const targets: Array<{ client: BenchClient; itemId: string; version: number }> = [];
  await eachLimited(tenants, 16, async (tenantId) => {
    const tokens = Array.from({ length: input.clientsPerTenant }, (_, i) => sign({ tenantId, userId: `writer-${i}` }));
    const clients = await connectMany(input.target, input.url, tokens);
    const { projectId, todoStatusId } = await clients[0]!.createProject(projectKey(), 'Writes');
    for (const client of clients) targets.push({ client, ...(await client.createItem(projectId, todoStatusId, 'written often')) });
  });

  let phase: 'warm-up' | 'measure' | 'stop' = 'warm-up';
  const latencies: number[] = [];
  let lastReply = 0;
  let maxGap = 0;
  const loop = async (t: (typeof targets)[number]) => {
    for (let n = 0; phase !== 'stop'; n++) {
      const sent = performance.now();
      const { version } = await t.client.updateTitle(t.itemId, t.version, `title ${n}`);
      t.version = version;
      const now = performance.now();
      if (phase !== 'measure') continue;
      latencies.push(now - sent);
      if (lastReply > 0) maxGap = Math.max(maxGap, now - lastReply);
      lastReply = now;
    }
  };
  const loops = targets.map(loop);
  await sleep(WARM_UP_MS);
  phase = 'measure';
  const cpu = cpuMeter([input.serverPid]);
  const start = performance.now();
  await sleep(input.durationMs);
  phase = 'stop';
  const elapsed = performance.now() - start;
  const { serverPercent, loadPercent } = cpu();
  await Promise.all(loops);
  for (const t of targets) t.client.close();
  return {
    commandsPerSecond: (latencies.length / elapsed) * 1000,
    latency: summarize(latencies),
    maxReplyGapMs: maxGap,
    serverCpuPercent: serverPercent,
    loadCpuPercent: loadPercent,
  };
}

serveLoad(run);
