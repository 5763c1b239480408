// Issue "Work item depth" (docs/PROTOCOL.md §5, v9): start and due dates,
// links between items (blocks, relates to, duplicates) and the Trash, over
// real sockets: round trips, refusals, events on a second client, history
// rows, and the same message id twice making one change.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, LinkKind, Role, type IEvent, type IWorkItem } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer;
let ada: Session;
let vic: Session;
let adaSocket: TestClient;
let watcher: TestClient;
let vicSocket: TestClient;
let web = '';
let ops = '';

const task = async (projectId: string, title: string, extra = {}): Promise<IWorkItem> =>
  (await adaSocket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, ...extra } })).workItem!;
const historyOf = async (id: string) => (await adaSocket.ok({ getHistory: { workItemId: id } })).history!.entries!.map((e) => [e.field, e.oldValue || null, e.newValue || null]);
const boardOf = async (projectId: string) => (await adaSocket.ok({ getBoard: { projectId, omitDescriptions: true } })).board!;
const linkEvent = (predicate: (e: IEvent) => boolean) => watcher.waitForEvent((e) => Boolean(e.link) && predicate(e));

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
  vic = await invite(srv.http, ada, 'Vic');
  adaSocket = await TestClient.connect(srv.ws, ada.token);
  watcher = await TestClient.connect(srv.ws, ada.token);
  vicSocket = await TestClient.connect(srv.ws, vic.token);
  web = (await adaSocket.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!.id!;
  ops = (await adaSocket.ok({ createProject: { key: 'OPS', name: 'Ops' } })).project!.id!;
  await adaSocket.ok({ addMember: { projectId: web, userId: vic.user.id, role: Role.ROLE_VIEWER } });
  await watcher.ok({ subscribe: { projects: [{ projectId: web }, { projectId: ops }] } });
});

afterAll(async () => {
  for (const c of [adaSocket, watcher, vicSocket]) c?.close();
  await srv?.stop();
});

describe('dates', () => {
  it('DEPTH-1 start and due dates are set at creation, changed, cleared and recorded; a due date before the start is refused', async () => {
    const item = await task(web, 'Dated', { startDate: '2026-12-01', dueDate: '2026-12-11' });
    expect(item).toMatchObject({ startDate: '2026-12-01', dueDate: '2026-12-11' });
    const moved = (await adaSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, dueDate: '2026-12-18' } })).workItem!;
    const seen = await watcher.waitForEvent((e) => e.workItem?.workItem?.id === item.id && Number(e.workItem?.workItem?.version) === Number(moved.version));
    expect(seen.workItem!.workItem!.dueDate).toBe('2026-12-18');
    const cleared = (await adaSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: moved.version, clear: ['start_date'] } })).workItem!;
    expect(cleared.startDate).toBe('');
    expect(await historyOf(item.id!)).toEqual(expect.arrayContaining([['due_date', '2026-12-11', '2026-12-18'], ['start_date', '2026-12-01', null]]));

    const late = await adaSocket.request({ updateWorkItem: { workItemId: item.id, expectedVersion: cleared.version, startDate: '2027-01-01' } });
    expect(late.error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'due_date' });
    const bad = await adaSocket.request({ createWorkItem: { projectId: web, itemType: ItemType.ITEM_TYPE_TASK, title: 'x', dueDate: '2026-02-30' } });
    expect(bad.error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'due_date' });
  });
});

describe('links', () => {
  it('LINK-2 link_work_items: the link in the reply, on both boards\' ends, an event per end, a history row on each item; a resend makes one link', async () => {
    const a = await task(web, 'Schema');
    const b = await task(web, 'API');
    const messageId = randomUUID();
    const first = await adaSocket.request({ linkWorkItems: { fromId: a.id, toId: b.id, kind: LinkKind.LINK_KIND_BLOCKS } }, messageId);
    const again = await adaSocket.request({ linkWorkItems: { fromId: a.id, toId: b.id, kind: LinkKind.LINK_KIND_BLOCKS } }, messageId);
    expect(again.result).toEqual(first.result);
    const link = first.result!.link!;
    expect(link).toMatchObject({ fromId: a.id, toId: b.id, kind: LinkKind.LINK_KIND_BLOCKS, createdBy: ada.user.id });
    await linkEvent((e) => e.link!.link!.id === link.id && !e.link!.removed);
    expect((await boardOf(web)).links!.filter((l) => l.id === link.id)).toHaveLength(1);
    expect(await historyOf(a.id!)).toContainEqual(['link', null, `blocks ${b.key} API`]);
    expect(await historyOf(b.id!)).toContainEqual(['link', null, `is blocked by ${a.key} Schema`]);
  });

  it('LINK-3 refuses a self-link, the same link twice, a circle of blocks (named), a viewer, another workspace\'s item and an unknown kind', async () => {
    const [a, b, c] = [await task(web, 'One'), await task(web, 'Two'), await task(web, 'Three')];
    const link = (fromId: string, toId: string, kind = LinkKind.LINK_KIND_BLOCKS, socket = adaSocket) =>
      socket.request({ linkWorkItems: { fromId, toId, kind } });
    expect((await link(a.id!, a.id!)).error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'to_id' });
    await adaSocket.ok({ linkWorkItems: { fromId: a.id, toId: b.id, kind: LinkKind.LINK_KIND_BLOCKS } });
    await adaSocket.ok({ linkWorkItems: { fromId: b.id, toId: c.id, kind: LinkKind.LINK_KIND_BLOCKS } });
    expect((await link(a.id!, b.id!)).error).toMatchObject({ code: ErrorCode.ERROR_CODE_FAILED_PRECONDITION, message: `${a.key} already blocks ${b.key}` });
    const circle = (await link(c.id!, a.id!)).error!;
    expect(circle).toMatchObject({ code: ErrorCode.ERROR_CODE_FAILED_PRECONDITION, field: 'to_id' });
    expect(circle.message).toBe(`That would make a circle of blocking items: ${c.key} blocks ${a.key} blocks ${b.key} blocks ${c.key}`);
    await adaSocket.ok({ linkWorkItems: { fromId: a.id, toId: c.id, kind: LinkKind.LINK_KIND_RELATES_TO } });
    expect((await link(c.id!, a.id!, LinkKind.LINK_KIND_RELATES_TO)).error?.code).toBe(ErrorCode.ERROR_CODE_FAILED_PRECONDITION);
    // C blocking A the other way round is still a circle; A duplicating C is a different link.
    await adaSocket.ok({ linkWorkItems: { fromId: a.id, toId: c.id, kind: LinkKind.LINK_KIND_DUPLICATES } });

    expect((await link(a.id!, c.id!, LinkKind.LINK_KIND_BLOCKS, vicSocket)).error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    const zed = await signup(srv.http, 'Zed');
    const zedSocket = await TestClient.connect(srv.ws, zed.token);
    const theirs = (await zedSocket.ok({ createProject: { key: 'ZED', name: 'Zed' } })).project!.id!;
    const foreign = (await zedSocket.ok({ createWorkItem: { projectId: theirs, itemType: ItemType.ITEM_TYPE_TASK, title: 'Theirs' } })).workItem!;
    expect((await link(a.id!, foreign.id!)).error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND, field: 'to_id' });
    zedSocket.close();
    expect((await link(a.id!, b.id!, 9 as LinkKind)).error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'kind' });
  });

  it('LINK-4 across projects: an event in each project, and each board names the other project\'s item', async () => {
    const here = await task(web, 'Checkout page');
    const there = await task(ops, 'Payment gateway', {});
    const link = (await adaSocket.ok({ linkWorkItems: { fromId: there.id, toId: here.id, kind: LinkKind.LINK_KIND_BLOCKS } })).link!;
    const events = [await linkEvent((e) => e.projectId === web && e.link!.link!.id === link.id), await linkEvent((e) => e.projectId === ops && e.link!.link!.id === link.id)];
    expect(events).toHaveLength(2);
    const board = await boardOf(web);
    expect(board.links!.map((l) => l.id)).toContain(link.id);
    expect(board.linkedItems!.find((i) => i.id === there.id)).toMatchObject({ key: there.key, projectKey: 'OPS', title: 'Payment gateway' });
  });

  it('LINK-5 a deleted item\'s links hide with it and come back on restore; unlink removes a link for good', async () => {
    const a = await task(web, 'Left');
    const b = await task(web, 'Right');
    const link = (await adaSocket.ok({ linkWorkItems: { fromId: a.id, toId: b.id, kind: LinkKind.LINK_KIND_RELATES_TO } })).link!;
    const ids = async () => (await boardOf(web)).links!.map((l) => l.id);
    await adaSocket.ok({ deleteWorkItem: { workItemId: b.id, expectedVersion: b.version } });
    expect(await ids()).not.toContain(link.id);
    expect((await adaSocket.request({ unlinkWorkItems: { linkId: link.id } })).error?.code).toBe(ErrorCode.ERROR_CODE_NOT_FOUND);
    await adaSocket.ok({ restoreWorkItem: { workItemId: b.id } });
    expect(await ids()).toContain(link.id);
    await adaSocket.ok({ unlinkWorkItems: { linkId: link.id } });
    await linkEvent((e) => e.link!.link!.id === link.id && e.link!.removed === true);
    expect(await ids()).not.toContain(link.id);
    expect(await historyOf(a.id!)).toContainEqual(['link', `relates to ${b.key} Right`, null]);
    expect((await adaSocket.request({ unlinkWorkItems: { linkId: link.id } })).error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND, field: 'link_id' });
  });
});

describe('trash', () => {
  it('TRASH-1 lists a project\'s deleted items, the latest deleted first, to its viewers too; a restored item leaves it', async () => {
    const first = await task(web, 'Gone first');
    const second = await task(web, 'Gone second');
    await adaSocket.ok({ deleteWorkItem: { workItemId: first.id, expectedVersion: first.version } });
    // Deleted in another millisecond: the order is by when.
    await new Promise((r) => setTimeout(r, 5));
    await adaSocket.ok({ deleteWorkItem: { workItemId: second.id, expectedVersion: second.version } });
    const trash = async (socket = adaSocket) => (await socket.ok({ listDeletedWorkItems: { projectId: web } })).workItems!.workItems!.map((w) => w.title);
    expect((await trash()).slice(0, 2)).toEqual(['Gone second', 'Gone first']);
    expect((await trash(vicSocket)).slice(0, 2)).toEqual(['Gone second', 'Gone first']);
    await adaSocket.ok({ restoreWorkItem: { workItemId: first.id } });
    expect(await trash()).not.toContain('Gone first');
    const outsider = await vicSocket.request({ listDeletedWorkItems: { projectId: ops } });
    expect(outsider.error?.code).toBe(ErrorCode.ERROR_CODE_NOT_FOUND);
  });
});
