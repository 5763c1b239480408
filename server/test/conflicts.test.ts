// docs/PROTOCOL.md §5 and §8: optimistic concurrency. A write that names a stale
// expected_version gets CONFLICT with `current` = the entity as the server has
// it, and changes nothing: not the row, not the history, not the event log,
// and no subscriber hears of it.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, Role, type IComment, type ISprint, type IWorkItem } from '../../shared/proto.ts';
import { useTwoPeople } from './support/two-people.ts';
import { TestClient } from './support/ws-client.ts';

const world = useTwoPeople();
let projectId: string;
let statusIds: string[];
/** Ada's socket that makes the writes. */
let writer: TestClient;
/** Bob's socket, subscribed: must hear nothing of a refused write. */
let observer: TestClient;
/** Sockets a test opens of its own, closed after the file. */
const clients: TestClient[] = [];

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(world.srv.dataDir, world.ada.tenantId, 'main.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The row itself and every log a write would add to. */
function snapshot(table: 'pm_work_items' | 'pm_comments' | 'pm_sprints', id: string) {
  const one = (sql: string, ...params: unknown[]) => (query<{ n: number }>(sql, ...params)[0]!).n;
  return {
    row: query(`SELECT * FROM ${table} WHERE id = ?`, id),
    activity: one('SELECT count(*) AS n FROM pm_activity WHERE project_id = ?', projectId),
    events: one('SELECT count(*) AS n FROM pm_events WHERE project_id = ?', projectId),
    seq: one('SELECT last_event_seq AS n FROM pm_projects WHERE id = ?', projectId),
    items: one('SELECT count(*) AS n FROM pm_work_items WHERE project_id = ?', projectId),
    labels: one('SELECT count(*) AS n FROM pm_work_item_labels'),
  };
}

/** Waits until the observer has every event so far; returns how many it has heard. */
async function observerCaughtUp(): Promise<number> {
  const seq = query<{ n: number }>('SELECT last_event_seq AS n FROM pm_projects WHERE id = ?', projectId)[0]!.n;
  await observer.waitForEvent((e) => e.seq === seq);
  return observer.events.length;
}

/**
 * The observer hears nothing between now and a later write of Ada's: events
 * reach a socket in order, so one caused by the refused write would come first.
 */
async function expectObserverHeardNothing(since: number): Promise<void> {
  const sentinel = await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `sentinel ${randomUUID()}` } });
  await observer.waitForEvent((e) => e.seq === sentinel.seq);
  expect(observer.events.slice(since).map((e) => e.seq)).toEqual([sentinel.seq]);
}

async function boardItem(id: string): Promise<IWorkItem | undefined> {
  const board = (await writer.ok({ getBoard: { projectId } })).board!;
  return board.workItems!.find((w) => w.id === id);
}

async function boardSprint(id: string): Promise<ISprint | undefined> {
  const board = (await writer.ok({ getBoard: { projectId } })).board!;
  return board.sprints!.find((s) => s.id === id);
}

/** A task at version 2: created, then renamed. Version 1 is stale from here on. */
async function itemAtVersion2(title: string): Promise<IWorkItem> {
  const created = (await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, labels: ['web'] } })).workItem!;
  const updated = (await writer.ok({ updateWorkItem: { workItemId: created.id, expectedVersion: 1, title: `${title} (v2)` } })).workItem!;
  expect(updated.version).toBe(2);
  return updated;
}

beforeAll(async () => {
  writer = world.adaSocket;
  observer = world.bobSocket;
  const project = (await writer.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!;
  projectId = project.id!;
  statusIds = project.statuses!.map((s) => s.id!);
  await writer.ok({ addMember: { projectId, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });
  for (const c of [writer, observer]) await c.ok({ subscribe: { projects: [{ projectId, sinceSeq: 0 }] } });
});

afterAll(() => {
  for (const c of clients) c.close();
});

describe('a stale expected_version', () => {
  it('CONF-1 update_work_item: CONFLICT with current = the item at version 2; nothing written or sent', async () => {
    const item = await itemAtVersion2('Update me');
    const before = snapshot('pm_work_items', item.id!);
    const heard = await observerCaughtUp();

    const reply = await writer.request({ updateWorkItem: { workItemId: item.id, expectedVersion: 1, title: 'Lost update' } });

    expect(reply.result).toBeNull();
    expect(reply.error!.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(reply.error!.field).toBe('expected_version');
    expect(reply.error!.workItem!.version).toBe(2);
    expect(reply.error!.workItem!.title).toBe('Update me (v2)');
    expect(reply.error!.workItem).toEqual(await boardItem(item.id!));
    expect(reply.error!.comment).toBeNull();
    expect(reply.error!.sprint).toBeNull();
    expect(snapshot('pm_work_items', item.id!)).toEqual(before);
    await expectObserverHeardNothing(heard);
  });

  it('CONF-2 move_work_item: CONFLICT with current; the item stays in its column at its rank', async () => {
    const item = await itemAtVersion2('Move me');
    const before = snapshot('pm_work_items', item.id!);
    const heard = await observerCaughtUp();
    const target = statusIds.find((id) => id !== item.statusId)!;

    const reply = await writer.request({ moveWorkItem: { workItemId: item.id, expectedVersion: 1, statusId: target } });

    expect(reply.error!.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(reply.error!.field).toBe('expected_version');
    expect(reply.error!.workItem).toEqual(await boardItem(item.id!));
    expect(reply.error!.workItem!.version).toBe(2);
    expect(reply.error!.workItem!.statusId).toBe(item.statusId);
    expect(reply.error!.workItem!.rank).toBe(item.rank);
    expect(snapshot('pm_work_items', item.id!)).toEqual(before);
    await expectObserverHeardNothing(heard);
  });

  it('CONF-3 delete_work_item: CONFLICT with current; the item is still live on the board', async () => {
    const item = await itemAtVersion2('Delete me');
    const before = snapshot('pm_work_items', item.id!);
    const heard = await observerCaughtUp();

    const reply = await writer.request({ deleteWorkItem: { workItemId: item.id, expectedVersion: 1 } });

    expect(reply.error!.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(reply.error!.workItem!.version).toBe(2);
    expect(reply.error!.workItem!.deletedAt).toBe(0);
    expect(reply.error!.workItem).toEqual(await boardItem(item.id!));
    expect(snapshot('pm_work_items', item.id!)).toEqual(before);
    expect(query('SELECT deleted_at_ms FROM pm_work_items WHERE id = ?', item.id)).toEqual([{ deleted_at_ms: null }]);
    await expectObserverHeardNothing(heard);
  });

  it('CONF-4 edit_comment: CONFLICT with current = the comment at version 2; its body is unchanged', async () => {
    const item = await itemAtVersion2('Discuss me');
    const added = (await writer.ok({ addComment: { workItemId: item.id, body: 'First words' } })).comment!;
    const edited = (await writer.ok({ editComment: { commentId: added.id, expectedVersion: 1, body: 'Second words' } })).comment!;
    expect(edited.version).toBe(2);
    const before = snapshot('pm_comments', added.id!);
    const heard = await observerCaughtUp();

    const reply = await writer.request({ editComment: { commentId: added.id, expectedVersion: 1, body: 'Lost words' } });

    expect(reply.error!.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(reply.error!.field).toBe('expected_version');
    const current: IComment = reply.error!.comment!;
    expect(current.version).toBe(2);
    expect(current.body).toBe('Second words');
    const listed = (await writer.ok({ getComments: { workItemId: item.id } })).comments!.comments!;
    expect(current).toEqual(listed.find((c) => c.id === added.id));
    expect(reply.error!.workItem).toBeNull();
    expect(snapshot('pm_comments', added.id!)).toEqual(before);
    await expectObserverHeardNothing(heard);
  });

  it('CONF-5 update_sprint: CONFLICT with current = the sprint at version 2', async () => {
    const created = (await writer.ok({ createSprint: { projectId, name: 'Sprint 1', goal: 'Ship' } })).sprint!;
    const updated = (await writer.ok({ updateSprint: { sprintId: created.id, expectedVersion: 1, goal: 'Ship it' } })).sprint!;
    expect(updated.version).toBe(2);
    const before = snapshot('pm_sprints', created.id!);
    const heard = await observerCaughtUp();

    const reply = await writer.request({ updateSprint: { sprintId: created.id, expectedVersion: 1, name: 'Renamed sprint' } });

    expect(reply.error!.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(reply.error!.field).toBe('expected_version');
    expect(reply.error!.sprint!.version).toBe(2);
    expect(reply.error!.sprint!.name).toBe('Sprint 1');
    expect(reply.error!.sprint!.goal).toBe('Ship it');
    expect(reply.error!.sprint).toEqual(await boardSprint(created.id!));
    expect(snapshot('pm_sprints', created.id!)).toEqual(before);
    await expectObserverHeardNothing(heard);
  });
});

describe('what counts as stale', () => {
  it('CONF-6 a version from the future or a missing one (0) is refused like an old one', async () => {
    const item = await itemAtVersion2('Exact versions only');
    const before = snapshot('pm_work_items', item.id!);
    const heard = await observerCaughtUp();

    for (const expectedVersion of [3, 0]) {
      const reply = await writer.request({ updateWorkItem: { workItemId: item.id, expectedVersion, title: 'Guess' } });
      expect(reply.error!.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
      expect(reply.error!.workItem!.version).toBe(2);
    }
    expect(snapshot('pm_work_items', item.id!)).toEqual(before);
    await expectObserverHeardNothing(heard);
  });

  it('CONF-7 two editors write from the same version: the first wins, the second gets the winner in current', async () => {
    const item = await itemAtVersion2('Race');
    const bobSocket = await TestClient.connect(world.srv.ws, world.bob.token);
    clients.push(bobSocket);

    const won = await writer.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: 2, title: 'Ada was first' } });
    const before = snapshot('pm_work_items', item.id!);
    const lost = await bobSocket.request({ updateWorkItem: { workItemId: item.id, expectedVersion: 2, title: 'Bob was second' } });

    expect(lost.error!.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(lost.error!.workItem).toEqual(won.workItem);
    expect(lost.error!.workItem!.version).toBe(3);
    expect(lost.error!.workItem!.updatedBy).toBe(world.ada.user.id);
    expect(snapshot('pm_work_items', item.id!)).toEqual(before);

    // Retrying with the version from current succeeds.
    const retried = await bobSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: 3, title: 'Bob was second' } });
    expect(retried.workItem!.version).toBe(4);
    expect(retried.seq).toBe(before.seq + 1);
  });
});
