// Search and reports through the socket: a tenant of many items with words
// in their titles, descriptions and comments, searched the ways a person
// types; and a sprint with a long history, its burndown and flow asked for.
import { pb } from '../../../shared/proto.ts';
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import { eachLimited } from './clients.ts';
import { TandemClient } from './tandem-client.ts';
import { projectKey } from './util.ts';

export interface InsightInput {
  url: string;
  privatePem: string;
  tenantId: string;
  userId: string;
  searchItems: number;
  searches: number;
  sprintItems: number;
  historyRows: number;
  reports: number;
}

export interface InsightOutput {
  /** Milliseconds per search, by the kind of query. */
  search: Record<'key' | 'word' | 'two prefixes' | 'short prefix', number[]>;
  /** Milliseconds per report. */
  report: Record<'burndown' | 'cumulative flow', number[]>;
  seedSeconds: number;
}

/** A small deterministic generator: the same tenant every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ser', 'tan', 'dem', 'vo', 'ri', 'pa', 'nel', 'qu', 'is', 'ba', 'con', 'tra', 'fi', 'ge', 'hu', 'jo', 'ze'];

function vocabulary(rand: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(rand() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function run(input: InsightInput): Promise<InsightOutput> {
  const rand = random(42);
  const words = vocabulary(rand, 3000);
  // Zipf-like: a few words are everywhere, most are rare.
  const word = () => words[Math.floor(words.length * rand() ** 3)]!;
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  const client = await TandemClient.connect(input.url, tokenSigner(input.privatePem)({ tenantId: input.tenantId, userId: input.userId }));
  const started = performance.now();

  const key = projectKey();
  const { projectId, statusIds } = await client.createProject(key, 'Search');
  const numbers = Array.from({ length: input.searchItems }, (_, i) => i);
  await eachLimited(numbers, 32, async (i) => {
    const { workItem } = await client.request({
      createWorkItem: { projectId, statusId: statusIds[i % statusIds.length], itemType: pb.ItemType.ITEM_TYPE_TASK, title: phrase(5), description: phrase(40) },
    });
    if (i % 10 === 0) await client.request({ addComment: { workItemId: workItem!.id, body: phrase(15) } });
  });

  const sprintProject = await client.createProject(projectKey(), 'Reports');
  const { sprint } = await client.request({ createSprint: { projectId: sprintProject.projectId, name: 'Sprint', goal: '' } });
  const items = new Array<{ id: string; version: number }>(input.sprintItems);
  await eachLimited(Array.from({ length: input.sprintItems }, (_, i) => i), 32, async (i) => {
    const { workItem } = await client.request({
      createWorkItem: { projectId: sprintProject.projectId, sprintId: sprint!.id, statusId: sprintProject.todoStatusId, itemType: pb.ItemType.ITEM_TYPE_TASK, title: `Sprint item ${i}`, storyPoints: 1 + (i % 8) },
    });
    items[i] = { id: workItem!.id!, version: Number(workItem!.version) };
  });
  await client.request({ startSprint: { sprintId: sprint!.id } });
  const updates = Math.max(0, input.historyRows - input.sprintItems);
  await eachLimited(items, 32, async (item, i) => {
    for (let n = i; n < updates; n += items.length) {
      const change = n % 3 === 0 ? { storyPoints: 1 + (n % 13) } : { statusId: sprintProject.statusIds[n % sprintProject.statusIds.length] };
      const { workItem } = await client.request({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, ...change } });
      item.version = Number(workItem!.version);
    }
  });
  const seedSeconds = (performance.now() - started) / 1000;

  const search: InsightOutput['search'] = { key: [], word: [], 'two prefixes': [], 'short prefix': [] };
  const kinds = Object.keys(search) as Array<keyof typeof search>;
  for (let i = 0; i < input.searches; i++) {
    const kind = kinds[i % kinds.length]!;
    const query = {
      key: () => `${key}-${1 + Math.floor(rand() * input.searchItems)}`,
      word: () => word(),
      'two prefixes': () => `${word().slice(0, 3)} ${word().slice(0, 3)}`,
      'short prefix': () => word().slice(0, 2),
    }[kind]();
    search[kind].push(await timed(() => client.request({ search: { query, limit: 20 } })));
  }

  const report: InsightOutput['report'] = { burndown: [], 'cumulative flow': [] };
  for (let i = 0; i < input.reports; i++) {
    report.burndown.push(await timed(() => client.request({ getReport: { projectId: sprintProject.projectId, kind: pb.ReportKind.REPORT_KIND_BURNDOWN } })));
    report['cumulative flow'].push(await timed(() => client.request({ getReport: { projectId: sprintProject.projectId, kind: pb.ReportKind.REPORT_KIND_CUMULATIVE_FLOW } })));
  }
  client.close();
  return { search, report, seedSeconds };
}

serveLoad(run);
