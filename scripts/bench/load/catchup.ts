// Catch-up: a project gets `events` writes, then a client that was `events`
// behind resubscribes from its last seq; timed from sending the subscribe to
// holding the last missed event.
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import type { Target } from '../servers.ts';
import { connect, eachLimited } from './clients.ts';
import { projectKey } from './util.ts';

export interface CatchUpInput {
  target: Target;
  url: string;
  privatePem: string;
  events: number;
  repeats: number;
}

export interface CatchUpOutput {
  /** One timing per repeat, ms. */
  timesMs: number[];
  replayed: number;
}

const ITEMS = 16;

async function run(input: CatchUpInput): Promise<CatchUpOutput> {
  const sign = tokenSigner(input.privatePem);
  const writer = await connect(input.target, input.url, sign({ tenantId: 'catch-up', userId: 'writer' }));
  const { projectId, todoStatusId } = await writer.createProject(projectKey(), 'Catch-up');
  const items: Array<{ itemId: string; version: number }> = [];
  for (let i = 0; i < ITEMS; i++) items.push(await writer.createItem(projectId, todoStatusId, `item ${i}`));
  // One write in flight per item, so the log fills quickly.
  let written = 0;
  let behind = 0;
  await eachLimited(items, ITEMS, async (item) => {
    while (written < input.events) {
      written++;
      const r = await writer.updateTitle(item.itemId, item.version, `change ${written}`);
      item.version = r.version;
      behind = Math.max(behind, r.seq);
    }
  });
  const since = behind - input.events;
  writer.close();

  const timesMs: number[] = [];
  let replayed = 0;
  for (let r = 0; r < input.repeats; r++) {
    const reader = await connect(input.target, input.url, sign({ tenantId: 'catch-up', userId: `reader-${r}` }));
    const started = performance.now();
    replayed = (await reader.subscribe(projectId, since)).replayed;
    timesMs.push(performance.now() - started);
    reader.close();
  }
  return { timesMs, replayed };
}

serveLoad(run);
