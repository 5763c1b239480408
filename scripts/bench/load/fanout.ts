// Fan-out latency: one writer changes items of one project at a fixed rate;
// N subscribers of that project each record send -> receipt. Writer and
// subscribers live in this one process, so one clock (performance.now())
// stamps both ends: the send time travels in the item's title. The writer is
// a full client; the subscribers are bare sockets (see watchers.ts), because
// one load core decoding every copy in a full client library would measure
// the library, not the server.
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import { summarize, type LatencySummary } from '../report.ts';
import { cpuMeter, type Target } from '../servers.ts';
import { connect, eachLimited } from './clients.ts';
import { projectKey, sleep } from './util.ts';
import { openWatcher, STAMP, type Watcher } from './watchers.ts';

export interface FanoutInput {
  target: Target;
  /** The writer's server, and the subscribers' (another instance for the Redis hop). */
  writerUrl: string;
  subscriberUrl: string;
  /** The server processes, for their CPU use while measuring. */
  serverPids: number[];
  privatePem: string;
  tenantId: string;
  subscribers: number;
  writesPerSecond: number;
  durationMs: number;
}

export interface FanoutOutput {
  latency: LatencySummary;
  writes: number;
  /** Deliveries expected (writes x subscribers) and seen. */
  expected: number;
  received: number;
  /** How busy the servers were while measuring, in % of one core. */
  serverCpuPercent: number;
  /** How busy the load process was while measuring (100 = one core saturated: the figures are then the load's limit). */
  loadCpuPercent: number;
}

/** Writes go round-robin over a few items, so a slow reply never holds the fixed rate back. */
const ITEMS = 16;
const WARM_UP_MS = 1000;

async function run(input: FanoutInput): Promise<FanoutOutput> {
  const sign = tokenSigner(input.privatePem);
  const writer = await connect(input.target, input.writerUrl, sign({ tenantId: input.tenantId, userId: 'writer' }));
  const { projectId, todoStatusId } = await writer.createProject(projectKey(), 'Fan-out');
  const items: Array<{ itemId: string; version: number; busy: boolean }> = [];
  for (let i = 0; i < ITEMS; i++) items.push({ ...(await writer.createItem(projectId, todoStatusId, `item ${i}`)), busy: false });

  const tokens = Array.from({ length: input.subscribers }, (_, i) => sign({ tenantId: input.tenantId, userId: `watcher-${i}` }));
  const samples: number[] = [];
  let measuring = false;
  const record = (sentAt: number) => {
    if (measuring) samples.push(performance.now() - sentAt);
  };
  const watchers: Watcher[] = [];
  await eachLimited(tokens, 64, async (token) => {
    watchers.push(await openWatcher(input.target, input.subscriberUrl, token, projectId, record));
  });

  let writes = 0;
  const writeOnce = (stamped: boolean) => {
    const item = items.find((it) => !it.busy);
    if (!item) return;
    item.busy = true;
    if (stamped) writes++;
    const title = stamped ? `${STAMP}${performance.now().toFixed(3)}` : `warm-up ${Date.now()}`;
    writer.updateTitle(item.itemId, item.version, title).then(
      (r) => {
        item.version = r.version;
        item.busy = false;
      },
      (err: Error) => {
        throw err;
      },
    );
  };
  const interval = 1000 / input.writesPerSecond;
  const drive = async (ms: number, stamped: boolean) => {
    const start = performance.now();
    for (let n = 0; performance.now() - start < ms; n++) {
      writeOnce(stamped);
      // Paced against the start time, so a late tick does not slow the rate.
      await sleep(Math.max(0, start + (n + 1) * interval - performance.now()));
    }
  };
  await drive(WARM_UP_MS, false);
  await sleep(200);
  measuring = true;
  const cpu = cpuMeter(input.serverPids);
  await drive(input.durationMs, true);
  const { serverPercent, loadPercent } = cpu();
  const expected = writes * input.subscribers;
  for (let waited = 0; samples.length < expected && waited < 5000; waited += 100) await sleep(100);
  measuring = false;
  writer.close();
  for (const watcher of watchers) watcher.close();
  return { latency: summarize(samples), writes, expected, received: samples.length, serverCpuPercent: serverPercent, loadCpuPercent: loadPercent };
}

serveLoad(run);
