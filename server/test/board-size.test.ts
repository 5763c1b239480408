// docs/PROTOCOL.md §5 and §17, issue "Hardening": the board carries no full
// descriptions (the item panel fetches them), and a read whose reply would
// exceed MAX_REPLY_BYTES is refused with a clear error instead of sent.
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, LinkKind, pb, type IWorkItem } from '../../shared/proto.ts';
import { invite, signup } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await srv?.stop();
  srv = null;
});

async function boardWithDescriptions(env: Record<string, string> = {}) {
  srv = await startTestServer(env);
  const ada = await signup(srv.http, 'Ada');
  const client = await TestClient.connect(srv.ws, ada.token);
  clients.push(client);
  const projectId = (await client.ok({ createProject: { key: 'BIG', name: 'Big', description: '' } })).project!.id!;
  const create = (title: string, description: string) =>
    client.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, description, labels: ['x'] } });
  const long = (await create('Long', 'Steps to reproduce.\n'.repeat(3000))).workItem!;
  const none = (await create('Bare', '')).workItem!;
  await create('Long too', 'Expected and actual.\n'.repeat(3000));
  return { ada, client, projectId, long, none };
}

const byId = (items: IWorkItem[] | null | undefined) => new Map((items ?? []).map((i) => [i.id, i]));

describe('a board without descriptions', () => {
  it('HARD-12a get_board with omit_descriptions leaves every description out and marks the items that have one', async () => {
    const { client, projectId, long, none } = await boardWithDescriptions();
    const full = (await client.ok({ getBoard: { projectId } })).board!;
    const compact = (await client.ok({ getBoard: { projectId, omitDescriptions: true } })).board!;
    const items = byId(compact.workItems);
    expect(items.get(long.id)).toMatchObject({ description: '', descriptionOmitted: true, title: 'Long', labels: ['x'] });
    expect(items.get(none.id)).toMatchObject({ description: '', descriptionOmitted: false });
    // Everything else is the full board's, field for field.
    for (const item of full.workItems ?? []) {
      const card = pb.WorkItem.toObject(pb.WorkItem.fromObject(items.get(item.id)!));
      expect({ ...card, description: item.description, descriptionOmitted: undefined }).toEqual(pb.WorkItem.toObject(pb.WorkItem.fromObject(item)));
    }
    expect(compact.seq).toBe(full.seq);
    expect(pb.Board.encode(compact).finish().byteLength).toBeLessThan(3_000);
  });

  it('HARD-12b get_work_item answers the whole item, a deleted one too, and a non-member NOT_FOUND', async () => {
    const { ada, client, long } = await boardWithDescriptions();
    const whole = (await client.ok({ getWorkItem: { workItemId: long.id } })).workItem!;
    expect(whole).toMatchObject({ id: long.id, description: long.description, labels: ['x'], version: long.version });
    expect(whole.descriptionOmitted).toBe(false);
    await client.ok({ deleteWorkItem: { workItemId: long.id, expectedVersion: long.version } });
    expect((await client.ok({ getWorkItem: { workItemId: long.id } })).workItem!.deletedAt).toBeGreaterThan(0);

    const bob = await invite(srv!.http, ada, 'Bob');
    const outsider = await TestClient.connect(srv!.ws, bob.token);
    clients.push(outsider);
    const refused = await outsider.request({ getWorkItem: { workItemId: long.id } });
    expect(refused.error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND, field: 'work_item_id' });
  });

  it('HARD-12c a reply over MAX_REPLY_BYTES is refused with a clear error; the compact board is answered and the socket goes on', async () => {
    const { client, projectId } = await boardWithDescriptions({ MAX_REPLY_BYTES: String(64 * 1024) });
    const refused = await client.request({ getBoard: { projectId } });
    expect(refused.error?.code).toBe(ErrorCode.ERROR_CODE_FAILED_PRECONDITION);
    expect(refused.error?.message).toMatch(/get_board would be .* MiB, over this server's limit of 0\.1 MiB \(MAX_REPLY_BYTES\).*omit_descriptions/);
    const compact = await client.ok({ getBoard: { projectId, omitDescriptions: true } });
    expect(compact.board!.workItems).toHaveLength(3);
  });
});

describe('first screen first (v19)', () => {
  it('SPEED-1 get_board with first_cards_per_column answers the first cards of each column by rank and how many it left out, without links when it left any out', async () => {
    srv = await startTestServer();
    const ada = await signup(srv.http, 'Ada');
    const client = await TestClient.connect(srv.ws, ada.token);
    clients.push(client);
    const projectId = (await client.ok({ createProject: { key: 'FIRST', name: 'First' } })).project!.id!;
    const [todo, doing] = (await client.ok({ getBoard: { projectId } })).board!.statuses!;
    const create = async (title: string, statusId: string) =>
      (await client.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, description: `About ${title}`, statusId } })).workItem!;
    const made = [];
    for (let i = 1; i <= 4; i++) made.push(await create(`To do ${i}`, todo!.id!));
    for (let i = 1; i <= 3; i++) made.push(await create(`Doing ${i}`, doing!.id!));
    await client.ok({ linkWorkItems: { fromId: made[0]!.id, toId: made[6]!.id, kind: LinkKind.LINK_KIND_BLOCKS } });
    const gone = made[1]!;
    await client.ok({ deleteWorkItem: { workItemId: gone.id, expectedVersion: gone.version } });

    const whole = (await client.ok({ getBoard: { projectId, omitDescriptions: true } })).board!;
    const first = (await client.ok({ getBoard: { projectId, omitDescriptions: true, firstCardsPerColumn: 2 } })).board!;
    const firstOf = (statusId: string) => (whole.workItems ?? []).filter((w) => w.statusId === statusId).slice(0, 2);
    const expected = [...firstOf(todo!.id!), ...firstOf(doing!.id!)];
    expect(new Set((first.workItems ?? []).map((w) => w.id))).toEqual(new Set(expected.map((w) => w.id)));
    for (const statusId of [todo!.id!, doing!.id!]) {
      expect((first.workItems ?? []).filter((w) => w.statusId === statusId).map((w) => w.id)).toEqual(firstOf(statusId).map((w) => w.id));
    }
    expect(first.workItems!.every((w) => w.description === '' && w.descriptionOmitted === true)).toBe(true);
    expect(first.itemsLeftOut).toBe(6 - 4);
    expect(first.links ?? []).toEqual([]);
    expect(first.seq).toBe(whole.seq);
    expect(first.statuses).toEqual(whole.statuses);
    expect(whole.itemsLeftOut ?? 0).toBe(0);
    expect(whole.links).toHaveLength(1);

    // Nothing left out: the whole board, links too.
    const all = (await client.ok({ getBoard: { projectId, omitDescriptions: true, firstCardsPerColumn: 3 } })).board!;
    expect(all.itemsLeftOut ?? 0).toBe(0);
    expect(all.workItems).toHaveLength(6);
    expect(all.links).toHaveLength(1);

    const described = (await client.ok({ getBoard: { projectId, firstCardsPerColumn: 1 } })).board!;
    expect(described.workItems!.map((w) => w.description)).toEqual(['About To do 1', 'About Doing 1']);
    expect(described.itemsLeftOut).toBe(4);
    for (const bad of [-1, 1001]) {
      const refused = await client.request({ getBoard: { projectId, firstCardsPerColumn: bad } });
      expect(refused.error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'first_cards_per_column' });
    }
  });
});
