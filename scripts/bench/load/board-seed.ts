// A Tandem board of many cards spread over its columns, for the browser test.
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import { connect, eachLimited } from './clients.ts';
import { projectKey } from './util.ts';

export interface BoardSeedInput {
  url: string;
  privatePem: string;
  tenantId: string;
  userId: string;
  cards: number;
}

export interface BoardSeedOutput {
  key: string;
  projectId: string;
  items: Array<{ itemId: string; version: number }>;
}

const TITLES = ['Fix the flaky socket test', 'Checkout keeps the basket', 'Sign-in page copy', 'Export to CSV', 'Dark theme contrast'];

async function run(input: BoardSeedInput): Promise<BoardSeedOutput> {
  const client = await connect('tandem', input.url, tokenSigner(input.privatePem)({ tenantId: input.tenantId, userId: input.userId }));
  const key = projectKey();
  const { projectId, statusIds } = await client.createProject(key, 'Big board');
  const indexes = Array.from({ length: input.cards }, (_, i) => i);
  const items: BoardSeedOutput['items'] = new Array(input.cards);
  await eachLimited(indexes, 32, async (i) => {
    items[i] = await client.createItem(projectId, statusIds[i % statusIds.length]!, `${TITLES[i % TITLES.length]} #${i}`);
  });
  client.close();
  return { key, projectId, items };
}

serveLoad(run);
