// Issue 15 part 6 (docs/PROTOCOL.md §5.2, v16): pull mode. An admin turns it
// on; then people claim work themselves and release it, nobody assigns anyone
// else, and only the claimer or an admin edits a claimed item. The server
// holds to it, whatever a client sends. The rules alone: shared/domain/pull-mode.test.ts (PULL-1..5).
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOBODY_ASSIGNS } from '../../shared/domain/pull-mode.ts';
import { ErrorCode, ItemType, Role, type IProject, type IWorkItem, type ServerFrame } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

const TASK = ItemType.ITEM_TYPE_TASK;
const DENIED = ErrorCode.ERROR_CODE_PERMISSION_DENIED;

let srv: TestServer;
/** Owner of the workspace, so ADMIN of every project. */
let ada: Session;
/** Bob and Carol edit; Dan is an ADMIN member of each project (and only a member of the workspace). */
let bob: Session;
let carol: Session;
let dan: Session;
let adaSocket: TestClient;
let bobSocket: TestClient;
let carolSocket: TestClient;
let danSocket: TestClient;
/** A second board of Ada's, open on every project: what everyone else sees live. */
let watcher: TestClient;

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
  bob = await invite(srv.http, ada, 'Bob');
  carol = await invite(srv.http, ada, 'Carol');
  dan = await invite(srv.http, ada, 'Dan');
  [adaSocket, bobSocket, carolSocket, danSocket, watcher] = await Promise.all([
    TestClient.connect(srv.ws, ada.token),
    TestClient.connect(srv.ws, bob.token),
    TestClient.connect(srv.ws, carol.token),
    TestClient.connect(srv.ws, dan.token),
    TestClient.connect(srv.ws, ada.token),
  ]);
});

afterAll(async () => {
  for (const socket of [adaSocket, bobSocket, carolSocket, danSocket, watcher]) socket?.close();
  await srv?.stop();
});

/** A project with Bob and Carol as editors and Dan as admin, open on the watcher; in pull mode unless told. */
async function project(key: string, pullMode = true): Promise<IProject> {
  const created = (await adaSocket.ok({ createProject: { key, name: `Project ${key}` } })).project!;
  for (const [who, role] of [[bob, Role.ROLE_EDITOR], [carol, Role.ROLE_EDITOR], [dan, Role.ROLE_ADMIN]] as const) {
    await adaSocket.ok({ addMember: { projectId: created.id, userId: who.user.id, role } });
  }
  await watcher.ok({ subscribe: { projects: [{ projectId: created.id }] } });
  const current = (await adaSocket.ok({ getBoard: { projectId: created.id } })).board!.project!;
  if (!pullMode) return current;
  return (await adaSocket.ok({ updateProject: { projectId: created.id, expectedVersion: current.version, pullMode: true } })).project!;
}

async function board(projectId: string) {
  return (await adaSocket.ok({ getBoard: { projectId } })).board!;
}

async function seqOf(projectId: string): Promise<number> {
  return Number((await board(projectId)).seq);
}

async function item(workItemId: string): Promise<IWorkItem> {
  return (await adaSocket.ok({ getWorkItem: { workItemId } })).workItem!;
}

async function task(socket: TestClient, projectId: string, title: string, assigneeId = ''): Promise<IWorkItem> {
  return (await socket.ok({ createWorkItem: { projectId, itemType: TASK, title, assigneeId } })).workItem!;
}

function activity(entityId: string): Array<{ field: string; old_value: string | null; new_value: string | null; actor_id: string }> {
  const file = new Database(join(srv.dataDir, ada.tenantId, 'main.db'), { readonly: true });
  const rows = file.prepare('SELECT field, old_value, new_value, actor_id FROM pm_activity WHERE entity_id = ? ORDER BY id').all(entityId);
  file.close();
  return rows as Array<{ field: string; old_value: string | null; new_value: string | null; actor_id: string }>;
}

/** A refusal in pull mode's words that stored nothing: no event, no change. */
async function denied(socket: TestClient, projectId: string, command: Parameters<TestClient['request']>[0], field: string, message: string | RegExp) {
  const before = await seqOf(projectId);
  const frame: ServerFrame = await socket.request(command);
  expect(frame.result, 'expected a refusal').toBeNull();
  expect(frame.error).toMatchObject({ code: DENIED, field });
  if (typeof message === 'string') expect(frame.error!.message).toBe(message);
  else expect(frame.error!.message).toMatch(message);
  expect(await seqOf(projectId)).toBe(before);
  return frame.error!;
}

describe('pull mode: the setting', () => {
  it('PULL-6 only an admin turns pull mode on or off, at the version they saw; live on every open board, audited, once per message id', async () => {
    const p = await project('SET', false);
    expect(p.pullMode).toBe(false);
    const turnOn = (socket: TestClient, expectedVersion = p.version) =>
      socket.request({ updateProject: { projectId: p.id, expectedVersion, pullMode: true } });
    expect((await turnOn(bobSocket)).error?.code).toBe(DENIED);
    const stale = (await turnOn(adaSocket, 99)).error!;
    expect(stale.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(stale.project).toMatchObject({ id: p.id, pullMode: false });

    const messageId = randomUUID();
    const first = await danSocket.request({ updateProject: { projectId: p.id, expectedVersion: p.version, pullMode: true } }, messageId);
    const again = await danSocket.request({ updateProject: { projectId: p.id, expectedVersion: p.version, pullMode: true } }, messageId);
    expect(again.result).toEqual(first.result);
    const on = first.result!.project!;
    expect(on).toMatchObject({ pullMode: true, version: Number(p.version) + 1 });
    await watcher.waitForEvent((e) => e.project?.project?.id === p.id && e.project!.project!.pullMode === true);
    expect((await board(p.id!)).project!.pullMode).toBe(true);
    expect((await bobSocket.ok({ listProjects: {} })).projects!.projects!.find((x) => x.id === p.id)?.pullMode).toBe(true);

    // The value it has already changes nothing.
    expect((await adaSocket.ok({ updateProject: { projectId: p.id, expectedVersion: on.version, pullMode: true } })).seq).toBe(0);
    const off = (await adaSocket.ok({ updateProject: { projectId: p.id, expectedVersion: on.version, pullMode: false } })).project!;
    expect(off.pullMode).toBe(false);
    await watcher.waitForEvent((e) => e.project?.project?.id === p.id && Number(e.project!.project!.version) === Number(off.version));
    expect(activity(p.id!).filter((a) => a.field === 'pull_mode')).toEqual([
      { field: 'pull_mode', old_value: 'off', new_value: 'on', actor_id: dan.user.id },
      { field: 'pull_mode', old_value: 'on', new_value: 'off', actor_id: ada.user.id },
    ]);
  });
});

describe('pull mode: assigning', () => {
  it('PULL-7 nobody assigns anyone else, on create or update, not even an admin; nothing is stored', async () => {
    const p = await project('ASG');
    const projectId = p.id!;
    const titles = () => board(projectId).then((b) => b.workItems!.map((w) => w.title));
    await denied(bobSocket, projectId, { createWorkItem: { projectId, itemType: TASK, title: 'For Carol', assigneeId: carol.user.id } }, 'assignee_id', NOBODY_ASSIGNS);
    await denied(danSocket, projectId, { createWorkItem: { projectId, itemType: TASK, title: 'For Bob', assigneeId: bob.user.id } }, 'assignee_id', NOBODY_ASSIGNS);
    expect(await titles()).toEqual([]);

    const open = await task(bobSocket, projectId, 'Open');
    for (const socket of [bobSocket, danSocket, adaSocket]) {
      await denied(socket, projectId, { updateWorkItem: { workItemId: open.id, expectedVersion: open.version, assigneeId: carol.user.id } }, 'assignee_id', NOBODY_ASSIGNS);
    }
    // Several fields at once: the whole update is refused, the title too.
    await denied(bobSocket, projectId, { updateWorkItem: { workItemId: open.id, expectedVersion: open.version, title: 'Renamed', assigneeId: carol.user.id } }, 'assignee_id', NOBODY_ASSIGNS);
    expect(await item(open.id!)).toMatchObject({ title: 'Open', assigneeId: '', version: open.version });
    expect(activity(open.id!).map((a) => a.field)).toEqual(['created']);

    // Taking it oneself is a claim, on create as on update; a claim of one's own may be dropped.
    const mine = await task(bobSocket, projectId, 'Mine from the start', bob.user.id);
    expect(mine.assigneeId).toBe(bob.user.id);
    const taken = (await carolSocket.ok({ updateWorkItem: { workItemId: open.id, expectedVersion: open.version, assigneeId: carol.user.id } })).workItem!;
    expect(taken.assigneeId).toBe(carol.user.id);
    const dropped = (await carolSocket.ok({ updateWorkItem: { workItemId: open.id, expectedVersion: taken.version, clear: ['assignee_id'] } })).workItem!;
    expect(dropped.assigneeId).toBe('');
  });

  it('PULL-8 an editor claims an item; two claims at once: exactly one wins, the other is CONFLICT carrying the winner', async () => {
    const p = await project('CLM');
    const projectId = p.id!;
    const solo = await task(adaSocket, projectId, 'Solo');
    const claimed = (await bobSocket.ok({ claimWorkItem: { workItemId: solo.id } })).workItem!;
    expect(claimed).toMatchObject({ assigneeId: bob.user.id, version: Number(solo.version) + 1 });
    await watcher.waitForEvent((e) => e.workItem?.workItem?.id === solo.id && e.workItem!.workItem!.assigneeId === bob.user.id);

    for (let round = 0; round < 4; round++) {
      const up = await task(adaSocket, projectId, `Up for grabs ${round}`);
      const before = await seqOf(projectId);
      const [b, c] = await Promise.all([
        bobSocket.request({ claimWorkItem: { workItemId: up.id } }),
        carolSocket.request({ claimWorkItem: { workItemId: up.id } }),
      ]);
      const wins = [b, c].filter((f) => f.result);
      const losses = [b, c].filter((f) => f.error);
      expect(wins).toHaveLength(1);
      expect(losses).toHaveLength(1);
      const winner = b.result ? bob.user.id : carol.user.id;
      expect(losses[0]!.error).toMatchObject({ code: ErrorCode.ERROR_CODE_CONFLICT, field: 'assignee_id', workItem: { id: up.id, assigneeId: winner } });
      expect(losses[0]!.error!.message).toBe(`${up.key} is already assigned`);
      expect(await seqOf(projectId)).toBe(before + 1);
      expect((await item(up.id!)).assigneeId).toBe(winner);
    }

    // Taking a claimed item by update is no way round the first claim, for an admin either.
    const name = `${solo.key} is claimed by Bob: in pull mode it is released before anyone else claims it`;
    await denied(danSocket, projectId, { updateWorkItem: { workItemId: solo.id, expectedVersion: claimed.version, assigneeId: dan.user.id } }, 'assignee_id', name);
  });
});

describe('pull mode: a claimed item', () => {
  it('PULL-9 only the claimer or an admin edits, moves or deletes a claimed item; others may still comment, watch and log work', async () => {
    const p = await project('EDT');
    const projectId = p.id!;
    const statuses = (await board(projectId)).statuses!;
    const created = await task(adaSocket, projectId, 'Bob\'s');
    let held = (await bobSocket.ok({ claimWorkItem: { workItemId: created.id } })).workItem!;
    const rule = `${held.key} is claimed by Bob: in pull mode only the claimer or an admin edits it`;

    const byCarol = [
      { updateWorkItem: { workItemId: held.id, expectedVersion: held.version, title: 'Carol was here' } },
      { updateWorkItem: { workItemId: held.id, expectedVersion: held.version, clear: ['assignee_id'] } },
      { moveWorkItem: { workItemId: held.id, expectedVersion: held.version, statusId: statuses[1]!.id } },
      { deleteWorkItem: { workItemId: held.id, expectedVersion: held.version } },
    ];
    for (const command of byCarol) {
      const error = await denied(carolSocket, projectId, command, 'work_item_id', rule);
      // The item as it is, so a board that missed the claim learns who holds it.
      expect(error.workItem).toMatchObject({ id: held.id, assigneeId: bob.user.id });
    }
    expect(await item(held.id!)).toMatchObject({ title: 'Bob\'s', version: held.version, statusId: statuses[0]!.id });

    // Not edits of the item: talking about it, following it, logging time on it.
    await carolSocket.ok({ addComment: { workItemId: held.id, body: 'Need a hand?' } });
    await carolSocket.ok({ watchWorkItem: { workItemId: held.id } });
    await carolSocket.ok({ logWork: { workItemId: held.id, startedAt: Date.now() - 60_000, minutes: 15, note: 'Paired' } });
    held = await item(held.id!);

    held = (await bobSocket.ok({ updateWorkItem: { workItemId: held.id, expectedVersion: held.version, title: 'Bob\'s, renamed' } })).workItem!;
    held = (await danSocket.ok({ moveWorkItem: { workItemId: held.id, expectedVersion: held.version, statusId: statuses[1]!.id } })).workItem!;
    held = (await adaSocket.ok({ updateWorkItem: { workItemId: held.id, expectedVersion: held.version, priority: 2 } })).workItem!;
    expect(held).toMatchObject({ title: 'Bob\'s, renamed', statusId: statuses[1]!.id, assigneeId: bob.user.id });

    // Deleting is an edit, and so is restoring.
    const deleted = (await bobSocket.ok({ deleteWorkItem: { workItemId: held.id, expectedVersion: held.version } })).workItem!;
    await denied(carolSocket, projectId, { restoreWorkItem: { workItemId: held.id } }, 'work_item_id', rule);
    expect(Number((await item(held.id!)).deletedAt)).toBe(Number(deleted.deletedAt));
    expect(Number((await danSocket.ok({ restoreWorkItem: { workItemId: held.id } })).workItem!.deletedAt)).toBe(0);
  });

  it('PULL-10 release_work_item: the claimer releases, an admin releases anyone\'s, anyone else is refused; live and audited', async () => {
    const p = await project('REL');
    const projectId = p.id!;
    const created = await task(adaSocket, projectId, 'Hot potato');
    const held = (await bobSocket.ok({ claimWorkItem: { workItemId: created.id } })).workItem!;

    await denied(carolSocket, projectId, { releaseWorkItem: { workItemId: held.id } }, 'work_item_id',
      `${held.key} is claimed by Bob: only the claimer or an admin releases a claim`);

    const released = await bobSocket.ok({ releaseWorkItem: { workItemId: held.id } });
    expect(released.workItem).toMatchObject({ assigneeId: '', version: Number(held.version) + 1 });
    const seen = await watcher.waitForEvent((e) => e.workItem?.workItem?.id === held.id && Number(e.workItem!.workItem!.version) === Number(held.version) + 1);
    expect(seen.workItem!.workItem!.assigneeId).toBe('');
    expect(seen.workItem!.changedFields).toEqual(['assignee_id']);

    // Free again: Carol pulls it, and an admin may take her claim off.
    await carolSocket.ok({ claimWorkItem: { workItemId: held.id } });
    expect((await danSocket.ok({ releaseWorkItem: { workItemId: held.id } })).workItem!.assigneeId).toBe('');
    // An unclaimed item is answered as it is, for anyone.
    const before = await seqOf(projectId);
    const unchanged = await carolSocket.ok({ releaseWorkItem: { workItemId: held.id } });
    expect(unchanged.seq).toBe(0);
    expect(unchanged.workItem!.version).toBe((await item(held.id!)).version);
    expect(await seqOf(projectId)).toBe(before);

    expect(activity(held.id!).filter((a) => a.field === 'assignee_id')).toEqual([
      { field: 'assignee_id', old_value: null, new_value: bob.user.id, actor_id: bob.user.id },
      { field: 'assignee_id', old_value: bob.user.id, new_value: null, actor_id: bob.user.id },
      { field: 'assignee_id', old_value: null, new_value: carol.user.id, actor_id: carol.user.id },
      { field: 'assignee_id', old_value: carol.user.id, new_value: null, actor_id: dan.user.id },
    ]);
    const history = (await bobSocket.ok({ getHistory: { workItemId: held.id } })).history!.entries!;
    expect(history.filter((e) => e.field === 'assignee_id')).toHaveLength(4);
  });

  it('PULL-11 a resent claim or release (the same message id) changes the item once', async () => {
    const p = await project('IDM');
    const projectId = p.id!;
    const created = await task(adaSocket, projectId, 'Once');
    for (const command of [{ claimWorkItem: { workItemId: created.id } }, { releaseWorkItem: { workItemId: created.id } }]) {
      const before = await seqOf(projectId);
      const messageId = randomUUID();
      const first = await bobSocket.request(command, messageId);
      const again = await bobSocket.request(command, messageId);
      expect(first.result?.seq).toBe(before + 1);
      expect(again.result).toEqual(first.result);
      expect(await seqOf(projectId)).toBe(before + 1);
    }
    expect((await item(created.id!)).version).toBe(Number(created.version) + 2);
    expect(activity(created.id!).filter((a) => a.field === 'assignee_id')).toHaveLength(2);
  });
});

describe('outside pull mode', () => {
  it('PULL-12 assigning works as before; release is still only the assignee\'s or an admin\'s', async () => {
    const p = await project('FREE', false);
    const projectId = p.id!;
    const given = await task(bobSocket, projectId, 'For Carol', carol.user.id);
    expect(given.assigneeId).toBe(carol.user.id);
    const moved = (await bobSocket.ok({ updateWorkItem: { workItemId: given.id, expectedVersion: given.version, assigneeId: dan.user.id, title: 'For Dan' } })).workItem!;
    expect(moved).toMatchObject({ assigneeId: dan.user.id, title: 'For Dan' });
    // Anyone edits anyone's item.
    await carolSocket.ok({ moveWorkItem: { workItemId: moved.id, expectedVersion: moved.version, statusId: (await board(projectId)).statuses![1]!.id } });

    await denied(carolSocket, projectId, { releaseWorkItem: { workItemId: moved.id } }, 'work_item_id', /claimed by Dan: only the claimer or an admin releases/);
    expect((await danSocket.ok({ releaseWorkItem: { workItemId: moved.id } })).workItem!.assigneeId).toBe('');
  });
});

describe('pull mode and the Jira import', () => {
  it('PULL-13 an import into a pull-mode project leaves rows for others unassigned, with a note, and keeps the importer\'s own', async () => {
    const p = await project('IMP');
    const csv = 'Summary,Issue Type,Assignee\nFor Bob,Task,Bob\nFor Ada,Task,Ada\nFor nobody,Task,\n';
    const res = await fetch(`${srv.http}/api/projects/IMP/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(201);
    const report = (await res.json()) as { notes: Array<{ row: number; column: string; message: string }>; items: Array<{ title: string; assignee: string }> };
    expect(report.notes).toContainEqual(expect.objectContaining({
      row: 2, column: 'Assignee', message: `${NOBODY_ASSIGNS}, so it is left unassigned for Bob to claim`,
    }));
    expect(report.items.map((i) => [i.title, i.assignee])).toEqual([['For Bob', ''], ['For Ada', 'Ada'], ['For nobody', '']]);
    const items = (await board(p.id!)).workItems!;
    expect(Object.fromEntries(items.map((i) => [i.title, i.assigneeId]))).toEqual({ 'For Bob': '', 'For Ada': ada.user.id, 'For nobody': '' });
  });
});
