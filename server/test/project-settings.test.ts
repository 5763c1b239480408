// Issue 15 part 1 (docs/PROTOCOL.md §5, v15): project settings and deleting a
// sprint that has not started. Each change is an admin's (an editor's for a
// sprint), version-checked, audited, live for every open board, idempotent.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, Role, SprintState } from '../../shared/proto.ts';
import { useTwoPeople } from './support/two-people.ts';

const world = useTwoPeople();

/** A project of Ada's that Bob edits and watches live. */
async function project(key: string) {
  const created = (await world.adaSocket.ok({ createProject: { key, name: `Project ${key}` } })).project!;
  await world.adaSocket.ok({ addMember: { projectId: created.id, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });
  await world.bobSocket.ok({ subscribe: { projects: [{ projectId: created.id }] } });
  const current = (await world.adaSocket.ok({ getBoard: { projectId: created.id } })).board!.project!;
  return current;
}

function activity(entityId: string): Array<{ field: string; old_value: string | null; new_value: string | null }> {
  const file = new Database(join(world.srv.dataDir, world.ada.tenantId, 'main.db'), { readonly: true });
  const rows = file.prepare('SELECT field, old_value, new_value FROM pm_activity WHERE entity_id = ? ORDER BY id').all(entityId);
  file.close();
  return rows as Array<{ field: string; old_value: string | null; new_value: string | null }>;
}

describe('project settings', () => {
  it('PROJ-1 update_project renames, describes and re-keys a project: live, audited, once per message id', async () => {
    const p = await project('WEB');
    const messageId = randomUUID();
    const change = { updateProject: { projectId: p.id, expectedVersion: p.version, name: 'Web app', description: 'The *site*', key: 'APP' } };
    const first = await world.adaSocket.request(change, messageId);
    const again = await world.adaSocket.request(change, messageId);
    expect(again.result).toEqual(first.result);
    const updated = first.result!.project!;
    expect(updated).toMatchObject({ key: 'APP', name: 'Web app', description: 'The *site*', formerKeys: ['WEB'] });
    expect(Number(updated.version)).toBe(Number(p.version) + 1);
    const seen = await world.bobSocket.waitForEvent((e) => e.project?.project?.id === p.id && e.project!.project!.key === 'APP');
    expect(seen.project!.project!.name).toBe('Web app');
    expect(activity(p.id!).filter((a) => a.field !== 'created')).toEqual([
      { field: 'name', old_value: 'Project WEB', new_value: 'Web app' },
      { field: 'description', old_value: '', new_value: 'The *site*' },
      { field: 'key', old_value: 'WEB', new_value: 'APP' },
    ]);
    // The same values again change nothing.
    const same = await world.adaSocket.request({ updateProject: { projectId: p.id, expectedVersion: updated.version, name: 'Web app' } });
    expect(same.result).toMatchObject({ seq: 0, project: { version: updated.version } });
  });

  it('PROJ-2 update_project refuses a non-admin, a stale version, a bad key and a key taken now or before', async () => {
    const p = await project('OLD');
    const taken = await project('TAKEN');
    const update = (fields: object, socket = world.adaSocket, expectedVersion = p.version) =>
      socket.request({ updateProject: { projectId: p.id, expectedVersion, ...fields } });
    expect((await update({ name: 'X' }, world.bobSocket)).error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    const stale = (await update({ name: 'X' }, world.adaSocket, 99)).error!;
    expect(stale.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(stale.project?.id).toBe(p.id);
    expect((await update({ key: 'bad key' })).error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'key' });
    expect((await update({ name: '  ' })).error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'name' });
    expect((await update({ key: 'TAKEN' })).error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'key' });
    await world.adaSocket.ok({ updateProject: { projectId: taken.id, expectedVersion: taken.version, key: 'MOVED' } });
    const former = (await update({ key: 'TAKEN' })).error!;
    expect(former).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'key' });
    expect(former.message).toContain('taken');
    expect((await world.adaSocket.request({ createProject: { key: 'TAKEN', name: 'Again' } })).error?.field).toBe('key');
  });

  it('PROJ-3 an old key still resolves after a key change: items keep their keys, new ones take the new key', async () => {
    const p = await project('KEEP');
    const item = (await world.adaSocket.ok({ createWorkItem: { projectId: p.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'Ship it' } })).workItem!;
    expect(item.key).toBe('KEEP-1');
    await world.adaSocket.ok({ updateProject: { projectId: p.id, expectedVersion: p.version, key: 'NEW' } });
    const next = (await world.adaSocket.ok({ createWorkItem: { projectId: p.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'Next' } })).workItem!;
    expect(next.key).toBe('NEW-2');
    const listed = (await world.adaSocket.ok({ listProjects: {} })).projects!.projects!.find((x) => x.id === p.id)!;
    expect(listed).toMatchObject({ key: 'NEW', formerKeys: ['KEEP'] });
    const hits = (await world.adaSocket.ok({ search: { query: 'KEEP-1' } })).searchResults!.hits!;
    expect(hits.map((h) => h.workItemId)).toEqual([item.id]);
    // The HTTP routes that take a key take the old one too.
    const exported = await fetch(`${world.srv.http}/api/projects/KEEP/export.json`, { headers: { authorization: `Bearer ${world.ada.token}` } });
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain('Ship it');
    // Taking the old key back makes it current again, and the new one former.
    const now = (await world.adaSocket.ok({ getBoard: { projectId: p.id } })).board!.project!;
    const back = (await world.adaSocket.ok({ updateProject: { projectId: p.id, expectedVersion: now.version, key: 'KEEP' } })).project!;
    expect(back).toMatchObject({ key: 'KEEP', formerKeys: ['NEW'] });
  });

  it('PROJ-4 archive_project makes a project read-only and unlisted until restore_project; live, audited, idempotent', async () => {
    const p = await project('ARC');
    const item = (await world.bobSocket.ok({ createWorkItem: { projectId: p.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'Before' } })).workItem!;
    const messageId = randomUUID();
    const first = await world.adaSocket.request({ archiveProject: { projectId: p.id, expectedVersion: p.version } }, messageId);
    const again = await world.adaSocket.request({ archiveProject: { projectId: p.id, expectedVersion: p.version } }, messageId);
    expect(again.result).toEqual(first.result);
    const archived = first.result!.project!;
    expect(Number(archived.archivedAt)).toBeGreaterThan(0);
    await world.bobSocket.waitForEvent((e) => e.project?.project?.id === p.id && Number(e.project!.project!.archivedAt) > 0);

    const listed = async (includeArchived: boolean) =>
      (await world.bobSocket.ok({ listProjects: { includeArchived } })).projects!.projects!.map((x) => x.id);
    expect(await listed(false)).not.toContain(p.id);
    expect(await listed(true)).toContain(p.id);
    // Reads go on; every write is refused in words.
    expect((await world.bobSocket.ok({ getBoard: { projectId: p.id } })).board!.workItems).toHaveLength(1);
    const refusals = await Promise.all([
      world.bobSocket.request({ createWorkItem: { projectId: p.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'After' } }),
      world.bobSocket.request({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, title: 'Changed' } }),
      world.bobSocket.request({ addComment: { workItemId: item.id, body: 'Hello' } }),
      world.bobSocket.request({ createSprint: { projectId: p.id, name: 'S' } }),
      world.adaSocket.request({ updateProject: { projectId: p.id, expectedVersion: archived.version, name: 'Renamed' } }),
      world.adaSocket.request({ archiveProject: { projectId: p.id, expectedVersion: archived.version } }),
    ]);
    for (const r of refusals) {
      expect(r.error?.code).toBe(ErrorCode.ERROR_CODE_FAILED_PRECONDITION);
      expect(r.error?.message).toMatch(/archived/);
    }
    expect((await world.bobSocket.request({ restoreProject: { projectId: p.id, expectedVersion: archived.version } })).error?.code)
      .toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    expect((await world.adaSocket.request({ restoreProject: { projectId: p.id, expectedVersion: 1 } })).error?.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);

    const restored = (await world.adaSocket.ok({ restoreProject: { projectId: p.id, expectedVersion: archived.version } })).project!;
    expect(Number(restored.archivedAt)).toBe(0);
    await world.bobSocket.waitForEvent((e) => e.project?.project?.id === p.id && Number(e.project!.project!.version) === Number(restored.version));
    expect(await listed(false)).toContain(p.id);
    await world.bobSocket.ok({ createWorkItem: { projectId: p.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'After' } });
    expect((await world.adaSocket.request({ restoreProject: { projectId: p.id, expectedVersion: restored.version } })).error?.code)
      .toBe(ErrorCode.ERROR_CODE_FAILED_PRECONDITION);
    expect(activity(p.id!).filter((a) => a.field === 'archived_at').map((a) => [a.old_value === null, a.new_value === null]))
      .toEqual([[true, false], [false, true]]);
  });

  it('PROJ-5 delete_project needs the key typed; then the project is gone from every list and read, its rows kept', async () => {
    const p = await project('DEL');
    const item = (await world.bobSocket.ok({ createWorkItem: { projectId: p.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'Doomed' } })).workItem!;
    const del = (confirmKey: string, socket = world.adaSocket, expectedVersion = p.version) =>
      socket.request({ deleteProject: { projectId: p.id, expectedVersion, confirmKey } }, randomUUID());
    expect((await del('DEL', world.bobSocket)).error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    expect((await del('DE')).error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'confirm_key' });
    expect((await del('del')).error?.field).toBe('confirm_key');
    expect((await del('DEL', world.adaSocket, 99)).error?.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);

    const messageId = randomUUID();
    const first = await world.adaSocket.request({ deleteProject: { projectId: p.id, expectedVersion: p.version, confirmKey: 'DEL' } }, messageId);
    const again = await world.adaSocket.request({ deleteProject: { projectId: p.id, expectedVersion: p.version, confirmKey: 'DEL' } }, messageId);
    expect(again.result).toEqual(first.result);
    expect(Number(first.result!.project!.deletedAt)).toBeGreaterThan(0);
    await world.bobSocket.waitForEvent((e) => e.project?.project?.id === p.id && Number(e.project!.project!.deletedAt) > 0);

    for (const includeArchived of [false, true]) {
      expect((await world.adaSocket.ok({ listProjects: { includeArchived } })).projects!.projects!.map((x) => x.id)).not.toContain(p.id);
    }
    const notFound = await Promise.all([
      world.bobSocket.request({ getBoard: { projectId: p.id } }),
      world.bobSocket.request({ getWorkItem: { workItemId: item.id } }),
      world.bobSocket.request({ subscribe: { projects: [{ projectId: p.id }] } }),
      world.adaSocket.request({ restoreProject: { projectId: p.id, expectedVersion: Number(p.version) + 1 } }),
    ]);
    for (const r of notFound) expect(r.error?.code).toBe(ErrorCode.ERROR_CODE_NOT_FOUND);
    expect((await world.adaSocket.ok({ search: { query: 'Doomed' } })).searchResults!.hits ?? []).toEqual([]);
    expect((await world.adaSocket.ok({ getMyWork: {} })).myWork!.projects!.map((x) => x.id)).not.toContain(p.id);
    const exported = await fetch(`${world.srv.http}/api/projects/DEL/export.json`, { headers: { authorization: `Bearer ${world.ada.token}` } });
    expect(exported.status).toBe(404);
    expect(activity(p.id!).filter((a) => a.field === 'deleted_at')).toHaveLength(1);
    expect(activity(item.id!)).not.toHaveLength(0);
  });

  it('PROJ-6 delete_sprint sends a planned sprint\'s items to the backlog, one event each and the sprint last; refuses a started one', async () => {
    const p = await project('SPR');
    const sprint = (await world.bobSocket.ok({ createSprint: { projectId: p.id, name: 'Sprint 1' } })).sprint!;
    const items = [];
    for (const title of ['One', 'Two']) {
      items.push((await world.bobSocket.ok({ createWorkItem: { projectId: p.id, itemType: ItemType.ITEM_TYPE_TASK, title, sprintId: sprint.id } })).workItem!);
    }
    const moves = Promise.all(items.map((i) => world.adaSocket.waitForEvent((e) => e.workItem?.workItem?.id === i.id && e.workItem!.workItem!.sprintId === '')));
    await world.adaSocket.ok({ subscribe: { projects: [{ projectId: p.id }] } });
    const messageId = randomUUID();
    const first = await world.bobSocket.request({ deleteSprint: { sprintId: sprint.id } }, messageId);
    const again = await world.bobSocket.request({ deleteSprint: { sprintId: sprint.id } }, messageId);
    expect(again.result).toEqual(first.result);
    expect(Number(first.result!.sprint!.deletedAt)).toBeGreaterThan(0);
    const moved = (await moves).map((e) => e.workItem!.workItem!.id!);
    expect(moved.sort()).toEqual(items.map((i) => i.id).sort());
    const sprintEvent = await world.adaSocket.waitForEvent((e) => e.sprint?.sprint?.id === sprint.id);
    expect(Number(sprintEvent.seq)).toBe(Number(first.result!.seq));
    expect(sprintEvent.sprint!.changedFields).toEqual(['deleted']);

    const board = (await world.adaSocket.ok({ getBoard: { projectId: p.id } })).board!;
    expect(board.sprints!.map((s) => s.id)).not.toContain(sprint.id);
    expect(board.workItems!.every((i) => i.sprintId === '')).toBe(true);
    expect(activity(sprint.id!).map((a) => a.field)).toContain('deleted');
    expect(activity(items[0]!.id!).at(-1)).toMatchObject({ field: 'sprint_id', old_value: sprint.id, new_value: null });
    expect((await world.bobSocket.request({ deleteSprint: { sprintId: sprint.id } })).error?.code).toBe(ErrorCode.ERROR_CODE_NOT_FOUND);

    const started = (await world.bobSocket.ok({ createSprint: { projectId: p.id, name: 'Sprint 2' } })).sprint!;
    await world.bobSocket.ok({ startSprint: { sprintId: started.id } });
    const refused = (await world.bobSocket.request({ deleteSprint: { sprintId: started.id } })).error!;
    expect(refused).toMatchObject({ code: ErrorCode.ERROR_CODE_FAILED_PRECONDITION, field: 'sprint_id' });
    expect(refused.message).toMatch(/not started/);
    expect((await world.adaSocket.ok({ getBoard: { projectId: p.id } })).board!.sprints!.find((s) => s.id === started.id)!.state)
      .toBe(SprintState.SPRINT_STATE_ACTIVE);
  });
});
