// docs/PROTOCOL.md §5, §6 and §8: the domain rules as a client meets them over the
// wire. A refused write answers with an exact code and field and stores
// nothing (the project's seq does not move); an allowed one takes the next seq.
// Ada owns the workspace and both projects; Bob is an EDITOR of WEB only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorCode, ItemType, Role, SprintState,
  type IClientFrame, type IError, type IWorkItem, type IWorkflowStatus,
} from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

type Command = Omit<IClientFrame, 'messageId'>;

const { ITEM_TYPE_EPIC: EPIC, ITEM_TYPE_STORY: STORY, ITEM_TYPE_TASK: TASK, ITEM_TYPE_BUG: BUG, ITEM_TYPE_SUBTASK: SUBTASK } = ItemType;
const { ERROR_CODE_INVALID_ARGUMENT: INVALID, ERROR_CODE_FAILED_PRECONDITION: PRECONDITION, ERROR_CODE_NOT_FOUND: NOT_FOUND } = ErrorCode;

let srv: TestServer;
let ada: Session;
let bob: Session;
let adaC: TestClient;
let bobC: TestClient;
let web: string;
let ops: string;
let statuses: IWorkflowStatus[];
const statusId = (name: string) => statuses.find((s) => s.name === name)!.id!;

async function boardOf(projectId: string) {
  return (await adaC.ok({ getBoard: { projectId } })).board!;
}

async function seqOf(projectId = web): Promise<number> {
  return (await boardOf(projectId)).seq as number;
}

/** A write that must succeed: it takes exactly the next seq of its project. */
async function allowed(client: TestClient, command: Command, projectId = web) {
  const before = await seqOf(projectId);
  const result = await client.ok(command);
  expect(result.seq).toBe(before + 1);
  return result;
}

/** A write that must be refused with `code` naming `field`, storing nothing. */
async function refused(client: TestClient, command: Command, code: ErrorCode, field: string, projectId = web): Promise<IError> {
  const before = await seqOf(projectId);
  const frame = await client.request(command);
  expect(frame.result, 'expected an Error').toBeNull();
  expect({ code: ErrorCode[frame.error!.code!], field: frame.error!.field }).toEqual({ code: ErrorCode[code], field });
  expect(await seqOf(projectId)).toBe(before);
  return frame.error!;
}

async function create(client: TestClient, fields: Omit<NonNullable<Command['createWorkItem']>, 'projectId'>, projectId = web): Promise<IWorkItem> {
  return (await allowed(client, { createWorkItem: { projectId, ...fields } }, projectId)).workItem!;
}

/** The current version of an item, as the board has it. */
async function current(id: string, projectId = web): Promise<IWorkItem> {
  const item = (await boardOf(projectId)).workItems!.find((w) => w.id === id);
  if (!item) throw new Error(`item ${id} is not on the board`);
  return item;
}

beforeAll(async () => {
  // Rate limits are another file's subject; these checks read the board after every write.
  srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' });
  ada = await signup(srv.http, 'Ada');
  bob = await invite(srv.http, ada, 'Bob');
  adaC = await TestClient.connect(srv.ws, ada.token);
  bobC = await TestClient.connect(srv.ws, bob.token);
  const project = (await adaC.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!;
  web = project.id!;
  statuses = project.statuses!;
  ops = (await adaC.ok({ createProject: { key: 'OPS', name: 'Operations' } })).project!.id!;
  await adaC.ok({ addMember: { projectId: web, userId: bob.user.id, role: Role.ROLE_EDITOR } });
  await adaC.ok({ subscribe: { projects: [{ projectId: web }, { projectId: ops }] } });
  await bobC.ok({ subscribe: { projects: [{ projectId: web }] } });
});
afterAll(async () => {
  adaC?.close();
  bobC?.close();
  await srv?.stop();
});

describe('hierarchy', () => {
  let epic: IWorkItem;
  let story: IWorkItem;
  let task: IWorkItem;
  let bug: IWorkItem;
  let subtask: IWorkItem;

  beforeAll(async () => {
    epic = await create(bobC, { itemType: EPIC, title: 'Epic' });
    story = await create(bobC, { itemType: STORY, title: 'Story', parentId: epic.id });
    task = await create(bobC, { itemType: TASK, title: 'Task', parentId: epic.id });
    bug = await create(bobC, { itemType: BUG, title: 'Bug' });
    subtask = await create(bobC, { itemType: SUBTASK, title: 'Sub-task', parentId: story.id });
  });

  it('HIER-1 an epic takes no parent, on create or on update', async () => {
    const other = await create(bobC, { itemType: EPIC, title: 'Other epic' });
    await refused(bobC, { createWorkItem: { projectId: web, itemType: EPIC, title: 'x', parentId: other.id } }, PRECONDITION, 'parent_id');
    await refused(bobC, { createWorkItem: { projectId: web, itemType: EPIC, title: 'x', parentId: story.id } }, PRECONDITION, 'parent_id');
    await refused(bobC, { updateWorkItem: { workItemId: epic.id, expectedVersion: epic.version, parentId: other.id } }, PRECONDITION, 'parent_id');
  });

  it('HIER-2 stories, tasks and bugs sit under an epic or nothing, never under another kind', async () => {
    for (const type of [STORY, TASK, BUG]) {
      for (const parent of [story, task, bug, subtask]) {
        await refused(bobC, { createWorkItem: { projectId: web, itemType: type, title: 'x', parentId: parent.id } }, PRECONDITION, 'parent_id');
      }
    }
    const underEpic = await create(bobC, { itemType: BUG, title: 'Bug under epic', parentId: epic.id });
    expect(underEpic).toMatchObject({ itemType: BUG, parentId: epic.id });
    // Moving the loose bug under the story is refused; under the epic it is fine.
    await refused(bobC, { updateWorkItem: { workItemId: bug.id, expectedVersion: bug.version, parentId: story.id } }, PRECONDITION, 'parent_id');
    const moved = await allowed(bobC, { updateWorkItem: { workItemId: bug.id, expectedVersion: bug.version, parentId: epic.id } });
    expect(moved.workItem).toMatchObject({ parentId: epic.id, version: bug.version! + 1 });
    bug = moved.workItem!;
  });

  it('HIER-3 a sub-task needs a story, task or bug parent', async () => {
    await refused(bobC, { createWorkItem: { projectId: web, itemType: SUBTASK, title: 'x' } }, PRECONDITION, 'parent_id');
    await refused(bobC, { createWorkItem: { projectId: web, itemType: SUBTASK, title: 'x', parentId: epic.id } }, PRECONDITION, 'parent_id');
    await refused(bobC, { createWorkItem: { projectId: web, itemType: SUBTASK, title: 'x', parentId: subtask.id } }, PRECONDITION, 'parent_id');
    for (const parent of [story, task, bug]) {
      const made = await create(bobC, { itemType: SUBTASK, title: 'ok', parentId: parent.id });
      expect(made.parentId).toBe(parent.id);
    }
    // Taking its parent away is refused, by clear or by an empty id.
    await refused(bobC, { updateWorkItem: { workItemId: subtask.id, expectedVersion: subtask.version, clear: ['parent_id'] } }, PRECONDITION, 'parent_id');
    await refused(bobC, { updateWorkItem: { workItemId: subtask.id, expectedVersion: subtask.version, parentId: '' } }, PRECONDITION, 'parent_id');
  });

  it('HIER-4 a parent in another project is refused (NOT_FOUND to someone who cannot see that project)', async () => {
    const opsEpic = await create(adaC, { itemType: EPIC, title: 'Ops epic' }, ops);
    const opsStory = await create(adaC, { itemType: STORY, title: 'Ops story' }, ops);
    // Ada sees both projects: the hierarchy rule speaks.
    await refused(adaC, { createWorkItem: { projectId: web, itemType: STORY, title: 'x', parentId: opsEpic.id } }, PRECONDITION, 'parent_id');
    await refused(adaC, { createWorkItem: { projectId: web, itemType: SUBTASK, title: 'x', parentId: opsStory.id } }, PRECONDITION, 'parent_id');
    await refused(adaC, { updateWorkItem: { workItemId: task.id, expectedVersion: task.version, parentId: opsEpic.id } }, PRECONDITION, 'parent_id');
    // Bob is not in OPS: the id must not be confirmed to exist.
    await refused(bobC, { createWorkItem: { projectId: web, itemType: STORY, title: 'x', parentId: opsEpic.id } }, NOT_FOUND, 'parent_id');
    expect((await current(task.id!)).parentId).toBe(epic.id);
  });

  it('HIER-5 changing an item\'s type must keep its children valid', async () => {
    // A story with a sub-task cannot become an epic (sub-tasks need a story, task or bug).
    const loose = await create(bobC, { itemType: STORY, title: 'Loose story' });
    await create(bobC, { itemType: SUBTASK, title: 'Its sub-task', parentId: loose.id });
    await refused(bobC, { updateWorkItem: { workItemId: loose.id, expectedVersion: loose.version, itemType: EPIC } }, PRECONDITION, 'item_type');
    // An epic with stories under it cannot become a task.
    await refused(bobC, { updateWorkItem: { workItemId: epic.id, expectedVersion: epic.version, itemType: TASK } }, PRECONDITION, 'item_type');
    // A story with a sub-task may become a bug: the sub-task stays valid.
    const changed = await allowed(bobC, { updateWorkItem: { workItemId: loose.id, expectedVersion: loose.version, itemType: BUG } });
    expect(changed.workItem).toMatchObject({ itemType: BUG, version: loose.version! + 1 });
  });

  it('HIER-6 no cycles: an item cannot sit under itself or under its own child', async () => {
    await refused(bobC, { updateWorkItem: { workItemId: story.id, expectedVersion: story.version, parentId: story.id } }, PRECONDITION, 'parent_id');
    const t = await current(task.id!);
    const child = await create(bobC, { itemType: SUBTASK, title: 'Child of task', parentId: t.id });
    const err = await refused(bobC, { updateWorkItem: { workItemId: t.id, expectedVersion: t.version, parentId: child.id } }, PRECONDITION, 'parent_id');
    expect(err.message).toMatch(/itself|own/);
  });
});

describe('validation', () => {
  it('VAL-1 a title is 1-500 characters after trimming', async () => {
    await refused(bobC, { createWorkItem: { projectId: web, itemType: TASK, title: '' } }, INVALID, 'title');
    await refused(bobC, { createWorkItem: { projectId: web, itemType: TASK, title: '   ' } }, INVALID, 'title');
    await refused(bobC, { createWorkItem: { projectId: web, itemType: TASK, title: 'x'.repeat(501) } }, INVALID, 'title');
    const longest = await create(bobC, { itemType: TASK, title: 'x'.repeat(500) });
    expect(longest.title).toHaveLength(500);
    await refused(bobC, { updateWorkItem: { workItemId: longest.id, expectedVersion: 1, title: 'y'.repeat(501) } }, INVALID, 'title');
    await refused(bobC, { updateWorkItem: { workItemId: longest.id, expectedVersion: 1, title: '' } }, INVALID, 'title');
  });

  it('VAL-2 a project key is 2-10 upper-case letters and unique in the workspace', async () => {
    const tryKey = async (key: string) => {
      const frame = await adaC.request({ createProject: { key, name: 'Another' } });
      return frame.error ? { code: ErrorCode[frame.error.code!], field: frame.error.field } : null;
    };
    const bad = { code: ErrorCode[INVALID], field: 'key' };
    expect(await tryKey('web')).toEqual(bad);
    expect(await tryKey('W')).toEqual(bad);
    expect(await tryKey('ABCDEFGHIJK')).toEqual(bad);
    expect(await tryKey('WEB2')).toEqual(bad);
    expect(await tryKey('WEB')).toEqual(bad);
    const before = (await adaC.ok({ listProjects: {} })).projects!.projects!.length;
    expect(before).toBe(2);
  });

  it('VAL-3 story points cannot be negative', async () => {
    await refused(bobC, { createWorkItem: { projectId: web, itemType: TASK, title: 'x', storyPoints: -1 } }, INVALID, 'story_points');
    const item = await create(bobC, { itemType: TASK, title: 'Estimated', storyPoints: 0 });
    expect(item).toMatchObject({ storyPoints: 0, hasStoryPoints: true });
    await refused(bobC, { updateWorkItem: { workItemId: item.id, expectedVersion: 1, storyPoints: -1 } }, INVALID, 'story_points');
  });

  it('VAL-4 an item has at most 20 labels', async () => {
    const labels = (n: number) => Array.from({ length: n }, (_, i) => `label-${String(i).padStart(2, '0')}`);
    await refused(bobC, { createWorkItem: { projectId: web, itemType: TASK, title: 'x', labels: labels(21) } }, INVALID, 'labels');
    const item = await create(bobC, { itemType: TASK, title: 'Labelled', labels: labels(20) });
    expect(item.labels).toEqual(labels(20));
    await refused(bobC, { updateWorkItem: { workItemId: item.id, expectedVersion: 1, labels: labels(21), setLabels: true } }, INVALID, 'labels');
  });

  it('VAL-5 sprint dates are real calendar days, YYYY-MM-DD', async () => {
    await refused(bobC, { createSprint: { projectId: web, name: 'S', startDate: '2026-02-30' } }, INVALID, 'start_date');
    await refused(bobC, { createSprint: { projectId: web, name: 'S', endDate: '2026-02-30' } }, INVALID, 'end_date');
    await refused(bobC, { createSprint: { projectId: web, name: 'S', startDate: '2026-3-1' } }, INVALID, 'start_date');
    const sprint = (await allowed(bobC, { createSprint: { projectId: web, name: 'Dated', startDate: '2028-02-29' } })).sprint!;
    expect(sprint.startDate).toBe('2028-02-29');
    await refused(bobC, { updateSprint: { sprintId: sprint.id, expectedVersion: 1, endDate: '2026-02-30' } }, INVALID, 'end_date');
  });
});

describe('rank placement', () => {
  // A column of its own: In Review holds only the items these tests put there.
  const column = async () =>
    (await boardOf(web)).workItems!.filter((w) => w.statusId === statusId('In Review')).map((w) => w.title);
  const ids: Record<string, IWorkItem> = {};
  const add = async (title: string, place: { afterId?: string; beforeId?: string } = {}) => {
    ids[title] = await create(bobC, { itemType: TASK, title, statusId: statusId('In Review'), ...place });
  };

  it('RANK-1 a new item lands after after_id, before before_id, or between both', async () => {
    await add('A');
    await add('B');
    await add('C');
    expect(await column()).toEqual(['A', 'B', 'C']);
    await add('D', { afterId: ids.A!.id! });
    expect(await column()).toEqual(['A', 'D', 'B', 'C']);
    await add('E', { beforeId: ids.A!.id! });
    expect(await column()).toEqual(['E', 'A', 'D', 'B', 'C']);
    await add('F', { afterId: ids.A!.id!, beforeId: ids.D!.id! });
    expect(await column()).toEqual(['E', 'A', 'F', 'D', 'B', 'C']);
  });

  it('RANK-2 a move between two cards puts it there; the other client gets the rank change', async () => {
    const c = await current(ids.C!.id!);
    const result = await allowed(bobC, { moveWorkItem: { workItemId: c.id, expectedVersion: c.version, afterId: ids.A!.id, beforeId: ids.F!.id } });
    expect(result.workItem).toMatchObject({ id: c.id, version: c.version! + 1, statusId: statusId('In Review') });
    expect(await column()).toEqual(['E', 'A', 'C', 'F', 'D', 'B']);
    const event = await adaC.waitForEvent((e) => e.projectId === web && e.seq === result.seq);
    expect(event.workItem!.changedFields).toEqual(['rank']);
    expect(event.workItem!.workItem!.rank).toBe(result.workItem!.rank);
  });

  it('RANK-3 a move into another column lands between the cards named there', async () => {
    const e = await current(ids.E!.id!);
    const b = await current(ids.B!.id!);
    const d = await current(ids.D!.id!);
    await allowed(bobC, { moveWorkItem: { workItemId: e.id, expectedVersion: e.version, statusId: statusId('Done') } });
    await allowed(bobC, { moveWorkItem: { workItemId: b.id, expectedVersion: b.version, statusId: statusId('Done') } });
    const moved = await allowed(bobC, {
      moveWorkItem: { workItemId: d.id, expectedVersion: d.version, statusId: statusId('Done'), afterId: e.id, beforeId: b.id },
    });
    expect(moved.workItem!.statusId).toBe(statusId('Done'));
    const done = (await boardOf(web)).workItems!.filter((w) => w.statusId === statusId('Done')).map((w) => w.title);
    expect(done).toEqual(['E', 'D', 'B']);
    expect(await column()).toEqual(['A', 'C', 'F']);
  });

  it('RANK-4 a drop where the card already is writes nothing and sends nothing', async () => {
    const c = await current(ids.C!.id!);
    const before = await seqOf();
    const bobEvents = bobC.events.length;
    const result = await adaC.ok({ moveWorkItem: { workItemId: c.id, expectedVersion: c.version, afterId: ids.A!.id, beforeId: ids.F!.id } });
    expect(result.seq).toBe(0);
    expect(result.workItem).toMatchObject({ id: c.id, version: c.version, rank: c.rank });
    const same = await adaC.ok({ moveWorkItem: { workItemId: c.id, expectedVersion: c.version, statusId: statusId('In Review') } });
    expect(same.seq).toBe(0);
    expect(await seqOf()).toBe(before);
    await bobC.ok({ listProjects: {} });
    expect(bobC.events.length).toBe(bobEvents);
    expect(await column()).toEqual(['A', 'C', 'F']);
  });
});

describe('claim', () => {
  it('CLAIM-1 two claims at once: first write wins; the other gets CONFLICT with the winner in current', async () => {
    for (let round = 0; round < 5; round++) {
      const item = await create(adaC, { itemType: TASK, title: `Up for grabs ${round}` });
      const before = await seqOf();
      const [a, b] = await Promise.all([
        adaC.request({ claimWorkItem: { workItemId: item.id } }),
        bobC.request({ claimWorkItem: { workItemId: item.id } }),
      ]);
      const frames = [a, b];
      const wins = frames.filter((f) => f.result);
      const losses = frames.filter((f) => f.error);
      expect(wins).toHaveLength(1);
      expect(losses).toHaveLength(1);
      const winner = a.result ? ada.user.id : bob.user.id;
      expect(wins[0]!.result!.seq).toBe(before + 1);
      expect(wins[0]!.result!.workItem).toMatchObject({ id: item.id, assigneeId: winner, version: 2 });
      const loss = losses[0]!.error!;
      expect(ErrorCode[loss.code!]).toBe('ERROR_CODE_CONFLICT');
      expect(loss.field).toBe('assignee_id');
      expect(loss.workItem).toMatchObject({ id: item.id, assigneeId: winner, version: 2 });
      expect(await seqOf()).toBe(before + 1);
      expect((await current(item.id!)).assigneeId).toBe(winner);
    }
  });

  it('CLAIM-2 claiming an item already yours changes nothing', async () => {
    const item = await create(bobC, { itemType: TASK, title: 'Mine' });
    await allowed(bobC, { claimWorkItem: { workItemId: item.id } });
    const before = await seqOf();
    const again = await bobC.ok({ claimWorkItem: { workItemId: item.id } });
    expect(again.seq).toBe(0);
    expect(again.workItem).toMatchObject({ assigneeId: bob.user.id, version: 2 });
    expect(await seqOf()).toBe(before);
  });
});

describe('sprints', () => {
  it('SPRINT-1 a project has one ACTIVE sprint: starting a second is FAILED_PRECONDITION', async () => {
    const s1 = (await allowed(bobC, { createSprint: { projectId: web, name: 'One' } })).sprint!;
    const s2 = (await allowed(bobC, { createSprint: { projectId: web, name: 'Two' } })).sprint!;
    const started = await allowed(bobC, { startSprint: { sprintId: s1.id } });
    expect(started.sprint!.state).toBe(SprintState.SPRINT_STATE_ACTIVE);
    await refused(adaC, { startSprint: { sprintId: s2.id } }, PRECONDITION, 'sprint_id');
    // Starting the running one again is refused too.
    await refused(adaC, { startSprint: { sprintId: s1.id } }, PRECONDITION, 'sprint_id');
    const states = (await boardOf(web)).sprints!.filter((s) => [s1.id, s2.id].includes(s.id)).map((s) => s.state);
    expect(states).toEqual([SprintState.SPRINT_STATE_ACTIVE, SprintState.SPRINT_STATE_PLANNED]);
    // The rule is per project: another project may run its own sprint meanwhile.
    const opsSprint = (await allowed(adaC, { createSprint: { projectId: ops, name: 'Ops one' } }, ops)).sprint!;
    await allowed(adaC, { startSprint: { sprintId: opsSprint.id } }, ops);
    // Once the first is completed, the second may start.
    await allowed(bobC, { completeSprint: { sprintId: s1.id } });
    expect((await allowed(bobC, { startSprint: { sprintId: s2.id } })).sprint!.state).toBe(SprintState.SPRINT_STATE_ACTIVE);
  });
});

describe('delete and restore', () => {
  it('DEL-1 deleting an item deletes its sub-tasks with it; restoring brings them all back', async () => {
    const epic = await create(bobC, { itemType: EPIC, title: 'Del epic' });
    const story = await create(bobC, { itemType: STORY, title: 'Del story', parentId: epic.id });
    const sub1 = await create(bobC, { itemType: SUBTASK, title: 'Del sub 1', parentId: story.id });
    const sub2 = await create(bobC, { itemType: SUBTASK, title: 'Del sub 2', parentId: story.id });
    const family = [story.id, sub1.id, sub2.id];

    const before = await seqOf();
    const del = await bobC.ok({ deleteWorkItem: { workItemId: story.id, expectedVersion: 1 } });
    // One event per deleted item; the story's own is last, and the Result stands for it.
    expect(del.seq).toBe(before + 3);
    expect(del.workItem).toMatchObject({ id: story.id, version: 2 });
    expect(del.workItem!.deletedAt).toBeGreaterThan(0);
    const seen = await Promise.all([1, 2, 3].map((n) => adaC.waitForEvent((e) => e.projectId === web && e.seq === before + n)));
    expect(seen.map((e) => e.workItem!.workItem!.id).sort()).toEqual([...family].sort());
    expect(seen[2]!.workItem!.workItem!.id).toBe(story.id);
    for (const e of seen) {
      expect(e.workItem!.changedFields).toEqual(['deleted']);
      expect(e.workItem!.workItem!.deletedAt).toBe(del.workItem!.deletedAt);
    }
    // The sender got the sub-tasks' events (before its Result), not the story's.
    await bobC.ok({ listProjects: {} });
    const toSender = bobC.events.filter((e) => e.projectId === web && e.seq! > before && e.seq! <= before + 3);
    expect(toSender.map((e) => e.seq)).toEqual([before + 1, before + 2]);
    expect(toSender.map((e) => e.workItem!.workItem!.id).sort()).toEqual([sub1.id, sub2.id].sort());
    let onBoard = (await boardOf(web)).workItems!.map((w) => w.id);
    for (const id of family) expect(onBoard).not.toContain(id);
    // The epic above stays: only sub-tasks go with their parent.
    expect(onBoard).toContain(epic.id);

    const restored = await adaC.ok({ restoreWorkItem: { workItemId: story.id } });
    expect(restored.seq).toBe(before + 6);
    expect(restored.workItem).toMatchObject({ id: story.id, deletedAt: 0, version: 3, parentId: epic.id, rank: story.rank });
    const back = await Promise.all([4, 5, 6].map((n) => bobC.waitForEvent((e) => e.projectId === web && e.seq === before + n)));
    expect(back.map((e) => e.workItem!.workItem!.id).sort()).toEqual([...family].sort());
    for (const e of back) expect(e.workItem!.changedFields).toEqual(['restored']);
    const board = (await boardOf(web)).workItems!;
    onBoard = board.map((w) => w.id);
    for (const id of family) expect(onBoard).toContain(id);
    expect(board.find((w) => w.id === sub1.id)).toMatchObject({ parentId: story.id, deletedAt: 0, rank: sub1.rank });
    expect(board.find((w) => w.id === sub2.id)).toMatchObject({ parentId: story.id, deletedAt: 0, rank: sub2.rank });
  });

  it('DEL-2 a deleted item is NOT_FOUND to update, move, claim, delete and comment; its history stays readable', async () => {
    const item = await create(bobC, { itemType: TASK, title: 'Doomed' });
    await allowed(bobC, { deleteWorkItem: { workItemId: item.id, expectedVersion: 1 } });
    await refused(bobC, { updateWorkItem: { workItemId: item.id, expectedVersion: 2, title: 'Back?' } }, NOT_FOUND, 'work_item_id');
    await refused(bobC, { moveWorkItem: { workItemId: item.id, expectedVersion: 2, statusId: statusId('Done') } }, NOT_FOUND, 'work_item_id');
    await refused(bobC, { claimWorkItem: { workItemId: item.id } }, NOT_FOUND, 'work_item_id');
    await refused(bobC, { deleteWorkItem: { workItemId: item.id, expectedVersion: 2 } }, NOT_FOUND, 'work_item_id');
    await refused(bobC, { addComment: { workItemId: item.id, body: 'hello?' } }, NOT_FOUND, 'work_item_id');
    const history = (await bobC.ok({ getHistory: { workItemId: item.id } })).history!.entries!;
    expect(history.map((h) => h.field)).toEqual(['deleted', 'created']);
    // Restoring a live item is refused.
    await allowed(bobC, { restoreWorkItem: { workItemId: item.id } });
    await refused(bobC, { restoreWorkItem: { workItemId: item.id } }, PRECONDITION, 'work_item_id');
  });
});

describe('project admins', () => {
  it('ADMIN-1 the last project admin cannot be removed or demoted', async () => {
    // Ada created WEB, so she is its one ADMIN member.
    await refused(adaC, { removeMember: { projectId: web, userId: ada.user.id } }, PRECONDITION, 'user_id');
    await refused(adaC, { changeMemberRole: { projectId: web, userId: ada.user.id, role: Role.ROLE_EDITOR } }, PRECONDITION, 'user_id');
    await refused(adaC, { changeMemberRole: { projectId: web, userId: ada.user.id, role: Role.ROLE_VIEWER } }, PRECONDITION, 'user_id');

    // With a second admin, the first may step down; then the second is the last.
    await allowed(adaC, { changeMemberRole: { projectId: web, userId: bob.user.id, role: Role.ROLE_ADMIN } });
    const demoted = await allowed(bobC, { changeMemberRole: { projectId: web, userId: ada.user.id, role: Role.ROLE_EDITOR } });
    expect(demoted.member).toMatchObject({ userId: ada.user.id, role: Role.ROLE_EDITOR });
    await refused(bobC, { changeMemberRole: { projectId: web, userId: bob.user.id, role: Role.ROLE_EDITOR } }, PRECONDITION, 'user_id');
    await refused(bobC, { removeMember: { projectId: web, userId: bob.user.id } }, PRECONDITION, 'user_id');
    // Not even the workspace owner may take the last admin away.
    await refused(adaC, { removeMember: { projectId: web, userId: bob.user.id } }, PRECONDITION, 'user_id');
    const members = (await boardOf(web)).members!.map((m) => [m.userId, m.role]);
    expect(members).toEqual([[ada.user.id, Role.ROLE_EDITOR], [bob.user.id, Role.ROLE_ADMIN]]);
  });
});
