// docs/PROTOCOL.md §5 (search, v7), issue "Insight" part 1: ranked items by
// key, title, description and comments, kept in step with every write (the
// index is kept by triggers in the write's own transaction), never showing a
// deleted item or comment, or anything of a project the caller cannot read.
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, Role, type ISearchHit, type IWorkItem } from '../../shared/proto.ts';
import { signup } from './support/accounts.ts';
import { useTwoPeople } from './support/two-people.ts';
import { TestClient } from './support/ws-client.ts';

const world = useTwoPeople();
let web = '';
let ops = '';
const items: Record<string, IWorkItem> = {};

async function create(projectId: string, title: string, description = ''): Promise<IWorkItem> {
  const item = (await world.adaSocket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, description } })).workItem!;
  items[title] = item;
  return item;
}

async function find(client: TestClient, query: string, projectId = '', limit = 0): Promise<ISearchHit[]> {
  return (await client.ok({ search: { query, projectId, limit } })).searchResults!.hits ?? [];
}
const keys = (hits: ISearchHit[]) => hits.map((h) => h.key);

beforeAll(async () => {
  web = (await world.adaSocket.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!.id!;
  ops = (await world.adaSocket.ok({ createProject: { key: 'OPS', name: 'Ops' } })).project!.id!;
  await world.adaSocket.ok({ addMember: { projectId: web, userId: world.bob.user.id, role: Role.ROLE_VIEWER } });
  await create(web, 'Authentication with SSO', 'Use the identity provider of the host.');
  await create(web, 'Café menu layout', 'Prices in two columns.');
  await create(web, 'Flaky socket reconnect', 'Backoff resets too early after a deploy.');
  for (let i = 4; i <= 13; i++) await create(web, `Filler task ${i}`);
  await create(ops, 'Rotate the deploy keys', 'Quarterly, before the audit.');
  await world.adaSocket.ok({ addComment: { workItemId: items['Flaky socket reconnect']!.id, body: 'Seen on the staging cluster twice.' } });
});

describe('search', () => {
  it('SEARCH-1 finds an item by its key, the exact key first', async () => {
    const hits = await find(world.adaSocket, 'WEB-12');
    expect(hits[0]).toMatchObject({ key: 'WEB-12', title: 'Filler task 12', matchedIn: 'key', projectKey: 'WEB' });
    expect((await find(world.adaSocket, 'web-3'))[0]!.key).toBe('WEB-3');
  });

  it('SEARCH-2 by a word of a title, a description or a comment, by prefix, words in any order, accents ignored', async () => {
    expect(keys(await find(world.adaSocket, 'authentication'))).toEqual(['WEB-1']);
    expect(keys(await find(world.adaSocket, 'authen'))).toEqual(['WEB-1']);
    expect(keys(await find(world.adaSocket, 'identity provider'))).toEqual(['WEB-1']);
    expect(keys(await find(world.adaSocket, 'provider identity'))).toEqual(['WEB-1']);
    expect(keys(await find(world.adaSocket, 'cafe'))).toEqual(['WEB-2']);
    const comment = await find(world.adaSocket, 'staging clus');
    expect(comment).toEqual([expect.objectContaining({ key: 'WEB-3', matchedIn: 'comment', commentId: expect.any(String) })]);
    expect((await find(world.adaSocket, 'early deploy'))[0]).toMatchObject({ key: 'WEB-3', matchedIn: 'description' });
  });

  it('SEARCH-3 marks the matching words in the snippet, and a title match weighs more than a description match', async () => {
    const [hit] = await find(world.adaSocket, 'socket');
    expect(hit!.snippet).toEqual([{ text: 'Flaky ', match: false }, { text: 'socket', match: true }, { text: ' reconnect', match: false }]);
    const description = (await find(world.adaSocket, 'backoff'))[0]!;
    expect(description.snippet!.filter((p) => p.match).map((p) => p.text)).toEqual(['Backoff']);
    // "deploy" is in WEB-3's description and in OPS-1's title.
    expect(keys(await find(world.adaSocket, 'deploy'))).toEqual(['OPS-1', 'WEB-3']);
  });

  it('SEARCH-4 follows edits, deletes and restores at once: a deleted item or comment is not found', async () => {
    const item = items['Café menu layout']!;
    const renamed = (await world.adaSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, title: 'Bistro menu layout' } })).workItem!;
    expect(await find(world.adaSocket, 'cafe')).toEqual([]);
    expect(keys(await find(world.adaSocket, 'bistro'))).toEqual(['WEB-2']);
    await world.adaSocket.ok({ deleteWorkItem: { workItemId: item.id, expectedVersion: renamed.version } });
    expect(await find(world.adaSocket, 'bistro')).toEqual([]);
    await world.adaSocket.ok({ restoreWorkItem: { workItemId: item.id } });
    expect(keys(await find(world.adaSocket, 'bistro'))).toEqual(['WEB-2']);

    const note = (await world.adaSocket.ok({ addComment: { workItemId: item.id, body: 'Ask the pastry chef' } })).comment!;
    expect(keys(await find(world.adaSocket, 'pastry'))).toEqual(['WEB-2']);
    await world.adaSocket.ok({ editComment: { commentId: note.id, expectedVersion: note.version, body: 'Ask the head chef' } });
    expect(await find(world.adaSocket, 'pastry')).toEqual([]);
    await world.adaSocket.ok({ deleteComment: { commentId: note.id } });
    expect(await find(world.adaSocket, 'chef')).toEqual([]);
  });

  it('SEARCH-5 never shows a project the caller cannot read, nor another workspace; project_id narrows', async () => {
    expect(keys(await find(world.bobSocket, 'deploy'))).toEqual(['WEB-3']);
    expect(await find(world.bobSocket, 'OPS-1')).toEqual([]);
    expect(await find(world.bobSocket, 'rotate')).toEqual([]);
    const refused = await world.bobSocket.request({ search: { query: 'rotate', projectId: ops } });
    expect(refused.error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND, field: 'project_id' });
    expect(keys(await find(world.adaSocket, 'deploy', web))).toEqual(['WEB-3']);
    // Rows of projects Bob cannot read rank first and are passed over until his own come.
    for (let i = 0; i < 100; i++) await create(ops, `Zebra crossing ${i}`);
    await create(web, 'A zebra somewhere in a longer title than the others');
    expect(keys(await find(world.bobSocket, 'zebra'))).toEqual(['WEB-14']);

    const zed = await signup(world.srv.http, 'Zed');
    const zedSocket = await TestClient.connect(world.srv.ws, zed.token);
    const zedProject = (await zedSocket.ok({ createProject: { key: 'WEB', name: 'Also web' } })).project!.id!;
    await zedSocket.ok({ createWorkItem: { projectId: zedProject, itemType: ItemType.ITEM_TYPE_TASK, title: 'Zed deploy plan' } });
    expect(keys(await find(zedSocket, 'deploy'))).toEqual(['WEB-1']);
    expect(keys(await find(zedSocket, 'WEB-3'))).toEqual([]);
    zedSocket.close();
  });

  it('SEARCH-6 refuses a query or limit out of bounds, and treats query syntax as plain words', async () => {
    const long = await world.adaSocket.request({ search: { query: 'a'.repeat(201) } });
    expect(long.error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'query' });
    const many = await world.adaSocket.request({ search: { query: 'task', limit: 51 } });
    expect(many.error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'limit' });
    expect(await find(world.adaSocket, '  -- ** ')).toEqual([]);
    expect(keys(await find(world.adaSocket, 'flaky:socket* "'))).toEqual(['WEB-3']);
    expect(await find(world.adaSocket, 'filler', '', 3)).toHaveLength(3);
    expect(await find(world.adaSocket, 'filler')).toHaveLength(10);
  });
});
