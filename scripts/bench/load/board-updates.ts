// Remote changes while a browser watches the board: title updates to random
// cards at a fixed rate, from another user.
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import { connect } from './clients.ts';
import { sleep } from './util.ts';

export interface BoardUpdatesInput {
  url: string;
  privatePem: string;
  tenantId: string;
  userId: string;
  items: Array<{ itemId: string; version: number }>;
  perSecond: number;
  durationMs: number;
}

export interface BoardUpdatesOutput {
  sent: number;
}

async function run(input: BoardUpdatesInput): Promise<BoardUpdatesOutput> {
  const client = await connect('tandem', input.url, tokenSigner(input.privatePem)({ tenantId: input.tenantId, userId: input.userId }));
  const busy = new Set<number>();
  let sent = 0;
  const start = performance.now();
  for (let n = 0; performance.now() - start < input.durationMs; n++) {
    const i = Math.floor(Math.random() * input.items.length);
    if (!busy.has(i)) {
      const item = input.items[i]!;
      busy.add(i);
      sent++;
      void client.updateTitle(item.itemId, item.version, `Changed remotely ${n}`).then((r) => {
        item.version = r.version;
        busy.delete(i);
      });
    }
    await sleep(Math.max(0, start + ((n + 1) * 1000) / input.perSecond - performance.now()));
  }
  await sleep(500);
  client.close();
  return { sent };
}

serveLoad(run);
