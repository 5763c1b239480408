// The seeded board's get_board, asked again and again, one at a time: the
// server's own histogram then says what one costs it (table 8).
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import { TandemClient } from './tandem-client.ts';

export interface BoardReadsInput {
  url: string;
  privatePem: string;
  tenantId: string;
  userId: string;
  projectId: string;
  /** 0: the whole board; otherwise a first screen of this many cards per column. */
  firstCardsPerColumn: number;
  reads: number;
}

async function run(input: BoardReadsInput): Promise<Record<string, never>> {
  const client = await TandemClient.connect(input.url, tokenSigner(input.privatePem)({ tenantId: input.tenantId, userId: input.userId }));
  for (let i = 0; i < input.reads; i++) {
    await client.request({ getBoard: { projectId: input.projectId, omitDescriptions: true, firstCardsPerColumn: input.firstCardsPerColumn } });
  }
  client.close();
  return {};
}

serveLoad(run);
