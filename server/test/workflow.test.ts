// Issue 15 part 2 (docs/PROTOCOL.md §5, v16): set_workflow. A project's admin
// renames, reorders, recategorises, limits, adds and removes its statuses; a
// removed status's items move where the admin says, each as an ordinary item
// change, all in one transaction, and the status stays behind for history.
// The pure rules are in shared/domain/workflow.test.ts (WF-5).
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, pb, ReportKind, Role, StatusCategory, type IProject, type IWorkItem } from '../../shared/proto.ts';
import { signup } from './support/accounts.ts';
import { spawnServer, waitForExit, type ServerProcess } from './support/server-process.ts';
import { useTwoPeople } from './support/two-people.ts';
import { TestClient } from './support/ws-client.ts';

const { STATUS_CATEGORY_BACKLOG: BACKLOG, STATUS_CATEGORY_UNSTARTED: UNSTARTED, STATUS_CATEGORY_STARTED: STARTED,
  STATUS_CATEGORY_COMPLETED: COMPLETED, STATUS_CATEGORY_CANCELED: CANCELED } = StatusCategory;

const world = useTwoPeople();

type StatusIds = Record<'Backlog' | 'To Do' | 'In Progress' | 'In Review' | 'Done', string>;

/** A project of Ada's (ADMIN) that Bob edits (EDITOR) and watches live, with its statuses by name. */
async function project(key: string): Promise<{ p: IProject; s: StatusIds }> {
  const created = (await world.adaSocket.ok({ createProject: { key, name: `Project ${key}` } })).project!;
  await world.adaSocket.ok({ addMember: { projectId: created.id, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });
  await world.bobSocket.ok({ subscribe: { projects: [{ projectId: created.id }] } });
  const p = (await world.adaSocket.ok({ getBoard: { projectId: created.id } })).board!.project!;
  return { p, s: Object.fromEntries(p.statuses!.map((x) => [x.name, x.id])) as StatusIds };
}

const task = async (projectId: string, title: string, statusId: string): Promise<IWorkItem> =>
  (await world.bobSocket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, statusId } })).workItem!;

const board = async (projectId: string) => (await world.adaSocket.ok({ getBoard: { projectId } })).board!;

type Spec = { id?: string; name: string; category: StatusCategory; wipLimit?: number };

/** The default workflow as specs (ids kept), to change a part of it. */
const keep = (s: StatusIds): Spec[] => [
  { id: s['Backlog'], name: 'Backlog', category: BACKLOG },
  { id: s['To Do'], name: 'To Do', category: UNSTARTED },
  { id: s['In Progress'], name: 'In Progress', category: STARTED },
  { id: s['In Review'], name: 'In Review', category: STARTED },
  { id: s['Done'], name: 'Done', category: COMPLETED },
];

/** The default workflow without In Review, whose items go to `moveTo`. */
const withoutReview = (p: IProject, s: StatusIds, moveTo = s['Done']) => ({
  setWorkflow: {
    projectId: p.id, expectedVersion: p.version,
    statuses: keep(s).filter((x) => x.id !== s['In Review']),
    removals: [{ statusId: s['In Review'], moveToStatusId: moveTo }],
  },
});

function activity(entityId: string): Array<{ field: string; old_value: string | null; new_value: string | null; event_seq: number }> {
  const file = new Database(join(world.srv.dataDir, world.ada.tenantId, 'main.db'), { readonly: true });
  const rows = file.prepare('SELECT field, old_value, new_value, event_seq FROM pm_activity WHERE entity_id = ? ORDER BY id').all(entityId);
  file.close();
  return rows as Array<{ field: string; old_value: string | null; new_value: string | null; event_seq: number }>;
}

describe('set_workflow', () => {
  it('WF-1 adds, renames, reorders, recategorises, limits and removes statuses; live, one event per moved item, the project last', async () => {
    const { p, s } = await project('WFA');
    const reviewed = [await task(p.id!, 'One', s['In Review']), await task(p.id!, 'Two', s['In Review'])];
    const todo = await task(p.id!, 'Three', s['To Do']);
    const from = world.bobSocket.events.length;

    const result = await world.adaSocket.ok({
      setWorkflow: {
        projectId: p.id, expectedVersion: p.version,
        statuses: [
          { id: s['To Do'], name: 'Ready', category: BACKLOG },
          { id: s['Backlog'], name: 'Backlog', category: BACKLOG },
          { id: s['In Progress'], name: ' Doing ', category: STARTED, wipLimit: 3 },
          { name: 'QA', category: STARTED, wipLimit: 2 },
          { id: s['Done'], name: 'Done', category: COMPLETED },
          { name: "Won't do", category: CANCELED },
        ],
        removals: [{ statusId: s['In Review'], moveToStatusId: s['In Progress'] }],
      },
    });
    const after = result.project!;
    expect(Number(after.version)).toBe(Number(p.version) + 1);
    expect(after.statuses!.map((x) => [x.name, x.category, x.position, x.wipLimit])).toEqual([
      ['Ready', BACKLOG, 0, 0], ['Backlog', BACKLOG, 1, 0], ['Doing', STARTED, 2, 3], ['QA', STARTED, 3, 2], ['Done', COMPLETED, 4, 0], ["Won't do", CANCELED, 5, 0],
    ]);
    expect(after.statuses!.slice(0, 3).map((x) => x.id)).toEqual([s['To Do'], s['Backlog'], s['In Progress']]);
    const qa = after.statuses![3]!.id!;
    expect(qa).toMatch(/^[0-9a-f-]{36}$/);

    // Bob sees each moved item, then the project with its new columns, in seq order.
    const projectEvent = await world.bobSocket.waitForEvent((e) => e.project?.project?.id === p.id && e.seq === result.seq);
    expect(projectEvent.project!.project!.statuses!.map((x) => x.name)).toEqual(['Ready', 'Backlog', 'Doing', 'QA', 'Done', "Won't do"]);
    const seen = world.bobSocket.events.slice(from).filter((e) => e.projectId === p.id);
    expect(seen.map((e) => (e.workItem ? e.workItem.workItem!.id : 'project'))).toEqual([reviewed[0]!.id, reviewed[1]!.id, 'project']);
    for (const e of seen.slice(0, 2)) {
      expect(e.workItem!.changedFields).toEqual(['status_id']);
      expect(e.workItem!.workItem!.statusId).toBe(s['In Progress']);
    }
    expect(seen.map((e) => Number(e.seq))).toEqual([1, 2, 3].map((i) => Number(result.seq) - 3 + i));

    // The board agrees; the removed status is gone from it; an item can go to the new column.
    const b = await board(p.id!);
    expect(b.project!.statuses!.map((x) => x.id)).toEqual(after.statuses!.map((x) => x.id));
    expect(b.workItems!.map((i) => [i.title, i.statusId])).toEqual([['One', s['In Progress']], ['Two', s['In Progress']], ['Three', s['To Do']]]);
    const moved = (await world.bobSocket.ok({ moveWorkItem: { workItemId: todo.id, expectedVersion: todo.version, statusId: qa } })).workItem!;
    expect(moved.statusId).toBe(qa);
  });

  it('WF-2 the history says it: each moved item\'s status change, and the project\'s workflow change in words', async () => {
    const { p, s } = await project('WFB');
    const item = await task(p.id!, 'Review me', s['In Review']);
    const result = await world.adaSocket.ok({
      setWorkflow: {
        projectId: p.id, expectedVersion: p.version,
        statuses: [...keep(s).filter((x) => x.id !== s['In Review']).map((x) => (x.id === s['In Progress'] ? { ...x, wipLimit: 4 } : x))],
        removals: [{ statusId: s['In Review'], moveToStatusId: s['Done'] }],
      },
    });
    const history = (await world.bobSocket.ok({ getHistory: { workItemId: item.id } })).history!.entries!;
    expect(history[0]).toMatchObject({ field: 'status_id', oldValue: s['In Review'], newValue: s['Done'], actorId: world.ada.user.id });
    expect(activity(p.id!).filter((a) => a.field === 'workflow')).toEqual([{
      field: 'workflow',
      old_value: 'Backlog, To Do, In Progress, In Review, Done',
      new_value: 'Backlog, To Do, In Progress (WIP 4), Done',
      event_seq: Number(result.seq),
    }]);

    // Categories alone would read the same in names, so then the text says them.
    const now = result.project!;
    const recategorised = await world.adaSocket.ok({
      setWorkflow: {
        projectId: p.id, expectedVersion: now.version,
        statuses: now.statuses!.map((x) => ({ id: x.id, name: x.name, category: x.name === 'Backlog' ? UNSTARTED : x.category, wipLimit: x.wipLimit })),
      },
    });
    expect(recategorised.project!.statuses![0]!.category).toBe(UNSTARTED);
    expect(activity(p.id!).filter((a) => a.field === 'workflow').at(-1)).toMatchObject({
      old_value: 'Backlog (backlog), To Do (unstarted), In Progress (started, WIP 4), Done (completed)',
      new_value: 'Backlog (unstarted), To Do (unstarted), In Progress (started, WIP 4), Done (completed)',
    });
  });

  it('WF-3 a resend with the same message id gets the same result and changes nothing more', async () => {
    const { p, s } = await project('WFC');
    const item = await task(p.id!, 'Once', s['In Review']);
    const messageId = randomUUID();
    const first = await world.adaSocket.request(withoutReview(p, s), messageId);
    const again = await world.adaSocket.request(withoutReview(p, s), messageId);
    expect(first.result).toBeTruthy();
    expect(again.result).toEqual(first.result);
    const b = await board(p.id!);
    expect(Number(b.project!.version)).toBe(Number(p.version) + 1);
    expect(Number(b.seq)).toBe(Number(first.result!.seq));
    expect(activity(p.id!).filter((a) => a.field === 'workflow')).toHaveLength(1);
    expect(activity(item.id!).filter((a) => a.field === 'status_id')).toHaveLength(1);
  });

  it('WF-4 refuses a non-admin, a stale version and a workflow that breaks the rules; a refusal changes nothing', async () => {
    const { p, s } = await project('WFD');
    await task(p.id!, 'One', s['In Review']);
    await task(p.id!, 'Two', s['In Review']);
    const before = await board(p.id!);
    const set = (statuses: object[], removals: object[] = [], socket = world.adaSocket, expectedVersion = p.version) =>
      socket.request({ setWorkflow: { projectId: p.id, expectedVersion, statuses, removals } });
    const review = { statusId: s['In Review'], moveToStatusId: s['Done'] };
    const others = keep(s).filter((x) => x.id !== s['In Review']);

    expect((await set(others, [review], world.bobSocket)).error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    const stale = (await set(others, [review], world.adaSocket, Number(p.version) - 1)).error!;
    expect(stale).toMatchObject({ code: ErrorCode.ERROR_CODE_CONFLICT, field: 'expected_version' });
    expect(stale.project?.statuses?.map((x) => x.name)).toEqual(['Backlog', 'To Do', 'In Progress', 'In Review', 'Done']);

    const invalid = async (statuses: object[], removals: object[], field: string, message: RegExp) => {
      const error = (await set(statuses, removals)).error!;
      expect(error, message.source).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field });
      expect(error.message).toMatch(message);
    };
    await invalid(others, [], 'removals', /^Say where the 2 items of 'In Review' go$/);
    await invalid(others.filter((x) => x.id !== s['Done']).concat({ name: 'Finished', category: COMPLETED }),
      [review, { statusId: s['Done'], moveToStatusId: s['To Do'] }], 'removals', /cannot go to 'Done': it is removed too/);
    await invalid(others, [{ statusId: s['In Review'], moveToStatusId: randomUUID() }], 'removals', /must go to a status that stays/);
    await invalid(keep(s), [{ statusId: s['In Progress'], moveToStatusId: s['Done'] }], 'removals', /stays in the workflow/);
    await invalid([...keep(s), { name: 'done', category: COMPLETED }], [], 'statuses', /Two statuses are named 'done'/);
    await invalid([...keep(s), { name: 'QA', category: StatusCategory.STATUS_CATEGORY_UNSPECIFIED }], [], 'statuses', /Choose a category/);
    await invalid([...keep(s), { name: 'QA', category: 9 }], [], 'statuses', /Choose a category/);
    await invalid([...keep(s), { name: 'QA', category: STARTED, wipLimit: 1000 }], [], 'statuses', /WIP limit/);
    await invalid([...keep(s), { name: 'x'.repeat(41), category: STARTED }], [], 'statuses', /at most 40/);
    const many = Array.from({ length: 16 }, (_, i) => ({ name: `Step ${i}`, category: STARTED }));
    await invalid([...keep(s), ...many], [], 'statuses', /takes at most 20 entries/);
    await invalid([], [], 'statuses', /at least one status/);
    await invalid([...keep(s), { id: randomUUID(), name: 'Ghost', category: STARTED }], [], 'statuses', /current statuses/);

    const now = await board(p.id!);
    expect(now.project).toEqual(before.project);
    expect(now.workItems).toEqual(before.workItems);
    expect(Number(now.seq)).toBe(Number(before.seq));
    expect(activity(p.id!).filter((a) => a.field === 'workflow')).toEqual([]);
  });

  it('WF-6 a removed status is gone for writes: not a status to create, update or move into, nor to keep', async () => {
    const { p, s } = await project('WFE');
    const item = await task(p.id!, 'Stays put', s['To Do']);
    const after = (await world.adaSocket.ok(withoutReview(p, s))).project!;
    const gone = s['In Review'];
    const refusals = await Promise.all([
      world.bobSocket.request({ createWorkItem: { projectId: p.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'New', statusId: gone } }),
      world.bobSocket.request({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, statusId: gone } }),
      world.bobSocket.request({ moveWorkItem: { workItemId: item.id, expectedVersion: item.version, statusId: gone } }),
    ]);
    for (const r of refusals) expect(r.error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND, field: 'status_id' });
    const revive = await world.adaSocket.request({
      setWorkflow: { projectId: p.id, expectedVersion: after.version, statuses: [...keep(s)] },
    });
    expect(revive.error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'statuses' });
    // A new status may take the old name: names are unique among the columns only.
    const again = (await world.adaSocket.ok({
      setWorkflow: {
        projectId: p.id, expectedVersion: after.version,
        statuses: [...keep(s).filter((x) => x.id !== gone), { name: 'In Review', category: STARTED }],
      },
    })).project!;
    expect(again.statuses!.at(-1)!.id).not.toBe(gone);
    expect((await world.bobSocket.ok({ getWorkItem: { workItemId: item.id } })).workItem!.statusId).toBe(s['To Do']);
  });

  it('WF-7 reports read history through a removed status by what it meant; the flow shows the columns there are', async () => {
    const { p, s } = await project('WFF');
    const item = await task(p.id!, 'Cycle', s['To Do']);
    const started = (await world.bobSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, statusId: s['In Progress'] } })).workItem!;
    await sleep(20);
    const reviewed = (await world.bobSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: started.version, statusId: s['In Review'] } })).workItem!;
    await sleep(20);
    const done = (await world.bobSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: reviewed.version, statusId: s['Done'] } })).workItem!;
    // In Progress goes: the item's cycle still began when it stepped into it.
    await world.adaSocket.ok({
      setWorkflow: {
        projectId: p.id, expectedVersion: p.version,
        statuses: keep(s).filter((x) => x.id !== s['In Progress']),
        removals: [{ statusId: s['In Progress'], moveToStatusId: s['In Review'] }],
      },
    });
    const today = new Date().toISOString().slice(0, 10);
    const report = async (kind: ReportKind) => (await world.bobSocket.ok({ getReport: { projectId: p.id, kind, fromDate: today, toDate: today } })).report!;
    const { cycleTime } = await report(ReportKind.REPORT_KIND_CYCLE_TIME);
    expect(cycleTime!.items!.map((i) => [i.key, Number(i.startedAt), Number(i.doneAt)])).toEqual([
      [item.key, Number(started.updatedAt), Number(done.updatedAt)],
    ]);
    const { cumulativeFlow } = await report(ReportKind.REPORT_KIND_CUMULATIVE_FLOW);
    expect(cumulativeFlow!.statuses!.map((x) => x.name)).toEqual(['Backlog', 'To Do', 'In Review', 'Done']);
    expect(cumulativeFlow!.days!.map((d) => d.counts)).toEqual([[0, 0, 0, 1]]);
  });

  it('WF-9 a deleted item in a removed status moves too, in its history but with no event, and is restored into its new column', async () => {
    const { p, s } = await project('WFG');
    const item = await task(p.id!, 'Binned', s['In Review']);
    await world.bobSocket.ok({ deleteWorkItem: { workItemId: item.id, expectedVersion: item.version } });
    const from = world.bobSocket.events.length;
    const result = await world.adaSocket.ok(withoutReview(p, s, s['To Do']));
    await world.bobSocket.waitForEvent((e) => e.seq === result.seq && e.projectId === p.id);
    expect(world.bobSocket.events.slice(from).filter((e) => e.projectId === p.id).map((e) => (e.project ? 'project' : 'other'))).toEqual(['project']);
    expect(activity(item.id!).at(-1)).toMatchObject({ field: 'status_id', old_value: s['In Review'], new_value: s['To Do'], event_seq: Number(result.seq) });
    const restored = (await world.bobSocket.ok({ restoreWorkItem: { workItemId: item.id } })).workItem!;
    expect(restored.statusId).toBe(s['To Do']);
  });

  it('WF-10 the workflow as it is changes nothing: no event, no new version, seq 0', async () => {
    const { p, s } = await project('WFH');
    const before = await board(p.id!);
    const same = await world.adaSocket.request({ setWorkflow: { projectId: p.id, expectedVersion: p.version, statuses: keep(s) } });
    expect(same.result).toMatchObject({ seq: 0, project: { version: p.version } });
    expect(Number((await board(p.id!)).seq)).toBe(Number(before.seq));
  });
});

describe('set_workflow and a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-workflow-'));
  let running: ServerProcess | null = null;
  afterAll(() => {
    running?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ITEMS = 500;

  it(`WF-8 removing a status that holds ${ITEMS} items moves them all in one transaction: a SIGKILL leaves all moved or none`, async () => {
    running = await spawnServer(dataDir, { RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' });
    const owner = await signup(running.http, 'Ada');
    const client = await TestClient.connect(running.ws, owner.token);

    /** A project with ITEMS items in In Review, written as one pipelined stream. */
    const seeded = async (key: string) => {
      const created = (await client.ok({ createProject: { key, name: key } })).project!;
      const s = Object.fromEntries(created.statuses!.map((x) => [x.name, x.id])) as StatusIds;
      const ids = Array.from({ length: ITEMS }, (_, i) => `${key}-seed-${i}`);
      for (const [i, messageId] of ids.entries()) {
        client.sendRaw(pb.ClientFrame.encode({
          messageId, createWorkItem: { projectId: created.id, itemType: ItemType.ITEM_TYPE_TASK, title: `Item ${i}`, statusId: s['In Review'] },
        }).finish());
      }
      const replies = await client.waitFor(() => {
        const got = client.frames.filter((f) => !f.event && f.messageId.startsWith(`${key}-seed-`));
        return got.length >= ITEMS ? got : undefined;
      }, 30_000, `${ITEMS} items of ${key}`);
      expect(replies.filter((f) => !f.result)).toEqual([]);
      return { p: created, s };
    };
    const twin = await seeded('TWIN');
    const heavy = await seeded('HEAVY');

    // The twin shows how long the change takes. Its transaction fills most of
    // that time (a subscriber gets the first moved item about when the sender
    // gets the Result), so the kill lands halfway through the heavy one's.
    const started = performance.now();
    const twinResult = await client.ok(withoutReview(twin.p, twin.s));
    const took = performance.now() - started;
    expect(Number(twinResult.seq)).toBe(1 + ITEMS + ITEMS + 1);
    client.sendRaw(pb.ClientFrame.encode({ messageId: randomUUID(), ...withoutReview(heavy.p, heavy.s) }).finish());
    await sleep(Math.max(1, took / 2));
    running.child.kill('SIGKILL');
    await waitForExit(running.child);
    client.close();

    running = await spawnServer(dataDir);
    const again = await TestClient.connect(running.ws, owner.token);
    const b = (await again.ok({ getBoard: { projectId: heavy.p.id } })).board!;
    const moved = !b.project!.statuses!.some((x) => x.id === heavy.s['In Review']);
    expect(b.workItems).toHaveLength(ITEMS);
    expect([...new Set(b.workItems!.map((i) => i.statusId))]).toEqual([moved ? heavy.s['Done'] : heavy.s['In Review']]);
    expect(Number(b.project!.version)).toBe(Number(heavy.p.version) + (moved ? 1 : 0));
    // Gap-free either way: the project's creation and its items, then (if it happened) each move and the project's event.
    expect(Number(b.seq)).toBe(1 + ITEMS + (moved ? ITEMS + 1 : 0));
    again.close();
    running.child.kill('SIGTERM');
    await waitForExit(running.child);
    running = null;

    const file = new Database(join(dataDir, owner.tenantId, 'main.db'), { readonly: true });
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(file.pragma('foreign_key_check')).toEqual([]);
    const status = file.prepare('SELECT removed_at_ms, position FROM pm_workflow_statuses WHERE id = ?').get(heavy.s['In Review']) as
      { removed_at_ms: number | null; position: number };
    expect(status.removed_at_ms !== null).toBe(moved);
    expect(status.position < 0).toBe(moved);
    const history = file.prepare("SELECT count(*) AS n FROM pm_activity WHERE project_id = ? AND field = 'status_id'").get(heavy.p.id) as { n: number };
    expect(history.n).toBe(moved ? ITEMS : 0);
    file.close();
  }, 120_000);
});
