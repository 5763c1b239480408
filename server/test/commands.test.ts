// docs/PROTOCOL.md §5: every command, round trip, between two real users of one
// workspace on their own sockets. Ada owns the workspace and the project; Bob
// is invited and added as an EDITOR. Both watch the project, so every write by
// one is an Event for the other, with the seq the writer's Result carries.
// The tests run in order and share one project: each builds on the last.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ItemType, Priority, Role, SprintState, StatusCategory,
  type IClientFrame, type IEvent, type IResult, type IWorkItem, type IWorkflowStatus,
} from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

type Command = Omit<IClientFrame, 'messageId'>;

let srv: TestServer;
let ada: Session;
let bob: Session;
let cy: Session;
let adaC: TestClient;
let bobC: TestClient;

let projectId: string;
/** The project's event seq as the tests last saw it: every write must take exactly the next one. */
let seq = 0;
let statuses: IWorkflowStatus[] = [];
const statusId = (name: string) => statuses.find((s) => s.name === name)!.id!;

const userOf = (client: TestClient) => (client === adaC ? ada.user.id : bob.user.id);
const eventsAt = (client: TestClient, s: number) => client.events.filter((e) => e.projectId === projectId && e.seq === s);

/** A round trip: anything the server published to this socket before it has arrived by the time it returns. */
async function settle(client: TestClient): Promise<void> {
  await client.ok({ listProjects: {} });
}

/**
 * A single-entity write from `from`: its Result takes the next seq, `to` gets
 * exactly one Event with that seq and the writer as actor, `from` gets none.
 */
async function write(from: TestClient, to: TestClient, command: Command): Promise<{ result: IResult; event: IEvent }> {
  const result = await from.ok(command);
  expect(result.seq).toBe(seq + 1);
  seq += 1;
  const event = await to.waitForEvent((e) => e.projectId === projectId && e.seq === seq);
  expect(event.actorId).toBe(userOf(from));
  expect(event.occurredAtMs).toBeGreaterThan(0);
  await Promise.all([settle(from), settle(to)]);
  expect(eventsAt(from, seq)).toHaveLength(0);
  expect(eventsAt(to, seq)).toHaveLength(1);
  return { result, event };
}

/**
 * A write that stores `count` events: the Result stands for the last one; the
 * sender gets the others before its Result; the other client gets them all, in order.
 */
async function multiWrite(from: TestClient, to: TestClient, command: Command, count: number) {
  const messageId = randomUUID();
  const framesBefore = from.frames.length;
  const result = await from.ok(command, messageId);
  const seqs = Array.from({ length: count }, (_, i) => seq + 1 + i);
  expect(result.seq).toBe(seqs[count - 1]);
  seq += count;

  const received = await Promise.all(seqs.map((s) => to.waitForEvent((e) => e.projectId === projectId && e.seq === s)));
  await Promise.all([settle(from), settle(to)]);
  const order = received.map((e) => to.events.indexOf(e));
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  for (const s of seqs) expect(eventsAt(to, s)).toHaveLength(1);

  const senderFrames = from.frames.slice(framesBefore);
  const resultAt = senderFrames.findIndex((f) => f.messageId === messageId);
  const senderEvents = senderFrames
    .map((f, i) => ({ event: f.event, i }))
    .filter((x) => x.event && x.event.projectId === projectId && seqs.includes(x.event.seq as number));
  expect(senderEvents.map((x) => x.event!.seq)).toEqual(seqs.slice(0, -1));
  for (const x of senderEvents) expect(x.i).toBeLessThan(resultAt);
  for (const x of senderEvents) expect(x.event!.actorId).toBe(userOf(from));
  return { result, received, senderEvents: senderEvents.map((x) => x.event!) };
}

async function board() {
  const res = await bobC.ok({ getBoard: { projectId } });
  expect(res.seq).toBe(0);
  return res.board!;
}

beforeAll(async () => {
  // Rate limits are another file's subject; these checks read the board after every write.
  srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' });
  ada = await signup(srv.http, 'Ada');
  bob = await invite(srv.http, ada, 'Bob');
  cy = await invite(srv.http, ada, 'Cy');
  adaC = await TestClient.connect(srv.ws, ada.token);
  bobC = await TestClient.connect(srv.ws, bob.token);
});
afterAll(async () => {
  adaC?.close();
  bobC?.close();
  await srv?.stop();
});

// Ids the later tests act on.
let epic: IWorkItem;
let story: IWorkItem;
let commentId: string;

describe('projects and membership', () => {
  it('CMD-1 create_project returns the project with the default workflow and seq 1', async () => {
    const result = await adaC.ok({ createProject: { key: 'WEB', name: 'Web app', description: 'The storefront' } });
    // No one can be subscribed to a project before it exists: the Result is the only copy.
    expect(result.seq).toBe(1);
    seq = 1;
    const project = result.project!;
    projectId = project.id!;
    expect(project).toMatchObject({ key: 'WEB', name: 'Web app', description: 'The storefront', version: 1, createdBy: ada.user.id });
    statuses = project.statuses!;
    expect(statuses.map((s) => [s.name, s.category])).toEqual([
      ['Backlog', StatusCategory.STATUS_CATEGORY_BACKLOG],
      ['To Do', StatusCategory.STATUS_CATEGORY_UNSTARTED],
      ['In Progress', StatusCategory.STATUS_CATEGORY_STARTED],
      ['In Review', StatusCategory.STATUS_CATEGORY_STARTED],
      ['Done', StatusCategory.STATUS_CATEGORY_COMPLETED],
    ]);
  });

  it('CMD-2 list_projects lists the caller\'s projects: the owner sees it, a non-member does not', async () => {
    const mine = await adaC.ok({ listProjects: {} });
    expect(mine.seq).toBe(0);
    expect(mine.projects!.projects!.map((p) => p.id)).toEqual([projectId]);
    const bobs = await bobC.ok({ listProjects: {} });
    expect(bobs.projects!.projects ?? []).toEqual([]);
  });

  it('CMD-2b list_users lists the workspace\'s people with their workspace roles, to pick assignees and members from', async () => {
    const res = await bobC.ok({ listUsers: {} });
    expect(res.seq).toBe(0);
    const users = res.users!.users!.map((u) => [u.id, u.displayName, u.tenantRole]);
    expect(users).toEqual(expect.arrayContaining([
      [ada.user.id, 'Ada', 'owner'],
      [bob.user.id, 'Bob', 'member'],
    ]));
    expect(res.users!.users!.find((u) => u.id === ada.user.id)!.email).toBe(ada.user.email);
  });

  it('CMD-3 subscribe with since_seq 0 answers the project\'s current seq and replays nothing', async () => {
    const before = adaC.events.length;
    const result = await adaC.ok({ subscribe: { projects: [{ projectId, sinceSeq: 0 }] } });
    expect(result.seq).toBe(0);
    expect(result.subscribed!.projects).toEqual([expect.objectContaining({ projectId, sinceSeq: 1 })]);
    await settle(adaC);
    expect(adaC.events.length).toBe(before);
  });

  it('CMD-4 add_member adds Bob as EDITOR (seq 2); Bob then sees the project and catches the event up on subscribe', async () => {
    const result = await adaC.ok({ addMember: { projectId, userId: bob.user.id, role: Role.ROLE_EDITOR } });
    expect(result.seq).toBe(2);
    seq = 2;
    expect(result.member).toMatchObject({ projectId, userId: bob.user.id, displayName: 'Bob', role: Role.ROLE_EDITOR });

    const bobs = await bobC.ok({ listProjects: {} });
    expect(bobs.projects!.projects!.map((p) => p.id)).toEqual([projectId]);
    const sub = await bobC.ok({ subscribe: { projects: [{ projectId, sinceSeq: 1 }] } });
    expect(sub.subscribed!.projects).toEqual([expect.objectContaining({ projectId, sinceSeq: 2 })]);
    const event = await bobC.waitForEvent((e) => e.projectId === projectId && e.seq === 2);
    expect(event.actorId).toBe(ada.user.id);
    expect(event.member!.member).toEqual(result.member);
    expect(event.member!.removed).toBe(false);
    await settle(adaC);
    expect(eventsAt(adaC, 2)).toHaveLength(0);
  });

  it('CMD-5 get_board: the project, five statuses in order, no items, both members, seq 2', async () => {
    const b = await board();
    expect(b.project!.id).toBe(projectId);
    expect(b.statuses!.map((s) => s.name)).toEqual(['Backlog', 'To Do', 'In Progress', 'In Review', 'Done']);
    expect(b.statuses!.map((s) => s.position)).toEqual([...b.statuses!.map((s) => s.position)].sort((x, y) => x! - y!));
    expect(b.workItems ?? []).toEqual([]);
    expect(b.sprints ?? []).toEqual([]);
    expect(b.members!.map((m) => [m.userId, m.role])).toEqual([
      [ada.user.id, Role.ROLE_ADMIN],
      [bob.user.id, Role.ROLE_EDITOR],
    ]);
    expect(b.seq).toBe(2);
  });
});

describe('work items', () => {
  it('CMD-6 create_work_item (Bob): an epic and a story under it, each a Result and an Event for Ada', async () => {
    const e = await write(bobC, adaC, {
      createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_EPIC, title: 'Checkout', description: 'Pay for things' },
    });
    epic = e.result.workItem!;
    expect(epic).toMatchObject({
      projectId, key: 'WEB-1', number: 1, itemType: ItemType.ITEM_TYPE_EPIC, parentId: '', title: 'Checkout',
      description: 'Pay for things', statusId: statusId('Backlog'), priority: Priority.PRIORITY_NONE,
      hasStoryPoints: false, assigneeId: '', sprintId: '', version: 1, createdBy: bob.user.id, updatedBy: bob.user.id, deletedAt: 0,
    });
    expect(e.event.workItem!.workItem).toEqual(epic);
    expect(e.event.workItem!.changedFields).toEqual(['created']);

    const s = await write(bobC, adaC, {
      createWorkItem: {
        projectId, itemType: ItemType.ITEM_TYPE_STORY, title: 'Card payment', parentId: epic.id, statusId: statusId('To Do'),
        priority: Priority.PRIORITY_HIGH, storyPoints: 3, labels: ['payments', 'api'],
      },
    });
    story = s.result.workItem!;
    expect(story).toMatchObject({
      key: 'WEB-2', number: 2, itemType: ItemType.ITEM_TYPE_STORY, parentId: epic.id, statusId: statusId('To Do'),
      priority: Priority.PRIORITY_HIGH, storyPoints: 3, hasStoryPoints: true, labels: ['api', 'payments'], version: 1,
    });
    expect(s.event.workItem!.workItem).toEqual(story);
    // Appended at the bottom of the board.
    expect(story.rank! > epic.rank!).toBe(true);
  });

  it('CMD-7 update_work_item (Ada): only the named fields change, version goes up, the event names them', async () => {
    const { result, event } = await write(adaC, bobC, {
      updateWorkItem: {
        workItemId: story.id, expectedVersion: 1, title: 'Card payments', priority: Priority.PRIORITY_URGENT,
        storyPoints: 5, labels: ['payments'], setLabels: true,
      },
    });
    const item = result.workItem!;
    expect(item).toMatchObject({
      id: story.id, title: 'Card payments', priority: Priority.PRIORITY_URGENT, storyPoints: 5, labels: ['payments'],
      version: 2, updatedBy: ada.user.id, parentId: epic.id, statusId: statusId('To Do'), createdBy: bob.user.id,
    });
    expect(event.workItem!.workItem).toEqual(item);
    expect(event.workItem!.changedFields).toEqual(['title', 'priority', 'story_points', 'labels']);
    story = item;
  });

  it('CMD-8 move_work_item (Bob): to In Progress; the event names status_id', async () => {
    const { result, event } = await write(bobC, adaC, {
      moveWorkItem: { workItemId: story.id, expectedVersion: 2, statusId: statusId('In Progress') },
    });
    expect(result.workItem).toMatchObject({ id: story.id, statusId: statusId('In Progress'), version: 3, rank: story.rank });
    expect(event.workItem!.workItem).toEqual(result.workItem);
    expect(event.workItem!.changedFields).toEqual(['status_id']);
    story = result.workItem!;
  });

  it('CMD-9 claim_work_item (Bob): assigns the unassigned story to the caller', async () => {
    const { result, event } = await write(bobC, adaC, { claimWorkItem: { workItemId: story.id } });
    expect(result.workItem).toMatchObject({ id: story.id, assigneeId: bob.user.id, version: 4, updatedBy: bob.user.id });
    expect(event.workItem!.workItem).toEqual(result.workItem);
    expect(event.workItem!.changedFields).toEqual(['assignee_id']);
    story = result.workItem!;
  });

  it('CMD-10 delete_work_item (Bob): a soft delete; the item leaves the board', async () => {
    const { result, event } = await write(bobC, adaC, { deleteWorkItem: { workItemId: epic.id, expectedVersion: 1 } });
    expect(result.workItem).toMatchObject({ id: epic.id, version: 2 });
    expect(result.workItem!.deletedAt).toBeGreaterThan(0);
    expect(event.workItem!.workItem).toEqual(result.workItem);
    expect(event.workItem!.changedFields).toEqual(['deleted']);
    expect((await board()).workItems!.map((w) => w.id)).toEqual([story.id]);
  });

  it('CMD-11 restore_work_item (Ada): the item comes back in its old place', async () => {
    const { result, event } = await write(adaC, bobC, { restoreWorkItem: { workItemId: epic.id } });
    expect(result.workItem).toMatchObject({ id: epic.id, version: 3, deletedAt: 0, rank: epic.rank, updatedBy: ada.user.id });
    expect(event.workItem!.workItem).toEqual(result.workItem);
    expect(event.workItem!.changedFields).toEqual(['restored']);
    epic = result.workItem!;
    expect((await board()).workItems!.map((w) => w.id)).toEqual([epic.id, story.id]);
  });
});

describe('comments', () => {
  it('CMD-12 add_comment (Ada): the comment, authored by the caller', async () => {
    const { result, event } = await write(adaC, bobC, { addComment: { workItemId: story.id, body: 'Use the **new** gateway' } });
    const comment = result.comment!;
    expect(comment).toMatchObject({ workItemId: story.id, authorId: ada.user.id, body: 'Use the **new** gateway', version: 1, editedAt: 0, deletedAt: 0 });
    expect(comment.createdAt).toBeGreaterThan(0);
    expect(event.comment!.comment).toEqual(comment);
    commentId = comment.id!;
  });

  it('CMD-13 edit_comment (Ada): new body, edited_at set, version 2', async () => {
    const { result, event } = await write(adaC, bobC, { editComment: { commentId, expectedVersion: 1, body: 'Use the new gateway (v2)' } });
    expect(result.comment).toMatchObject({ id: commentId, body: 'Use the new gateway (v2)', version: 2 });
    expect(result.comment!.editedAt).toBeGreaterThan(0);
    expect(event.comment!.comment).toEqual(result.comment);
  });

  it('CMD-14 get_comments (Bob): the live comments of the item, as edited', async () => {
    const second = await write(bobC, adaC, { addComment: { workItemId: story.id, body: 'Agreed' } });
    const res = await bobC.ok({ getComments: { workItemId: story.id } });
    expect(res.seq).toBe(0);
    expect(res.comments!.comments!.map((c) => [c.id, c.body, c.authorId])).toEqual([
      [commentId, 'Use the new gateway (v2)', ada.user.id],
      [second.result.comment!.id, 'Agreed', bob.user.id],
    ]);
  });

  it('CMD-15 delete_comment (Ada): a soft delete; it leaves get_comments', async () => {
    const { result, event } = await write(adaC, bobC, { deleteComment: { commentId } });
    expect(result.comment).toMatchObject({ id: commentId, version: 3 });
    expect(result.comment!.deletedAt).toBeGreaterThan(0);
    expect(event.comment!.comment).toEqual(result.comment);
    const res = await bobC.ok({ getComments: { workItemId: story.id } });
    expect(res.comments!.comments!.map((c) => c.body)).toEqual(['Agreed']);
  });

  it('CMD-16 get_history: the item\'s activity, newest first, each entry with its write\'s seq', async () => {
    const res = await bobC.ok({ getHistory: { workItemId: story.id } });
    expect(res.seq).toBe(0);
    const entries = res.history!.entries!;
    // seq 4 created it, 5 updated four fields, 6 moved, 7 claimed; 10-13 are comments.
    expect(entries.map((e) => [e.field, e.seq])).toEqual([
      ['comment_deleted', 13],
      ['comment_added', 12],
      ['comment_edited', 11],
      ['comment_added', 10],
      ['assignee_id', 7],
      ['status_id', 6],
      ['labels', 5],
      ['story_points', 5],
      ['priority', 5],
      ['title', 5],
      ['created', 4],
    ]);
    const ids = entries.map((e) => e.id as number);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const byField = (f: string) => entries.find((e) => e.field === f)!;
    expect(byField('title')).toMatchObject({ oldValue: 'Card payment', newValue: 'Card payments', actorId: ada.user.id, workItemId: story.id });
    expect(byField('status_id')).toMatchObject({ oldValue: statusId('To Do'), newValue: statusId('In Progress'), actorId: bob.user.id });
    expect(byField('assignee_id')).toMatchObject({ oldValue: '', newValue: bob.user.id });
    expect(byField('labels')).toMatchObject({ oldValue: '["api","payments"]', newValue: '["payments"]' });
  });
});

describe('sprints', () => {
  let sprint1: string;
  let sprint2: string;
  let done: IWorkItem;
  let todo: IWorkItem;
  let doing: IWorkItem;

  it('CMD-17 create_sprint (Bob): a PLANNED sprint with its dates', async () => {
    const { result, event } = await write(bobC, adaC, {
      createSprint: { projectId, name: 'Sprint 1', goal: 'Ship checkout', startDate: '2026-03-02', endDate: '2026-03-13' },
    });
    expect(result.sprint).toMatchObject({
      projectId, name: 'Sprint 1', goal: 'Ship checkout', state: SprintState.SPRINT_STATE_PLANNED,
      startDate: '2026-03-02', endDate: '2026-03-13', version: 1, startedAt: 0, completedAt: 0,
    });
    expect(event.sprint!.sprint).toEqual(result.sprint);
    expect(event.sprint!.changedFields).toEqual(['created']);
    sprint1 = result.sprint!.id!;
  });

  it('CMD-18 update_sprint (Ada): only the goal changes', async () => {
    const { result, event } = await write(adaC, bobC, { updateSprint: { sprintId: sprint1, expectedVersion: 1, goal: 'Ship card checkout' } });
    expect(result.sprint).toMatchObject({ id: sprint1, name: 'Sprint 1', goal: 'Ship card checkout', version: 2, endDate: '2026-03-13' });
    expect(event.sprint!.sprint).toEqual(result.sprint);
    expect(event.sprint!.changedFields).toEqual(['goal']);
  });

  it('CMD-19 items created into the sprint, in three columns', async () => {
    const make = async (title: string, status: string) =>
      (await write(adaC, bobC, {
        createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, statusId: statusId(status), sprintId: sprint1 },
      })).result.workItem!;
    done = await make('Finished task', 'Done');
    todo = await make('Unstarted task', 'To Do');
    doing = await make('Started task', 'In Progress');
    for (const item of [done, todo, doing]) expect(item.sprintId).toBe(sprint1);
    const b = await board();
    // Ordered by rank: the order they were added.
    expect(b.workItems!.map((w) => w.key)).toEqual(['WEB-1', 'WEB-2', 'WEB-3', 'WEB-4', 'WEB-5']);
    const ranks = b.workItems!.map((w) => w.rank!);
    expect([...ranks].sort()).toEqual(ranks);
  });

  it('CMD-20 start_sprint (Bob): PLANNED to ACTIVE', async () => {
    const { result, event } = await write(bobC, adaC, { startSprint: { sprintId: sprint1 } });
    expect(result.sprint).toMatchObject({ id: sprint1, state: SprintState.SPRINT_STATE_ACTIVE, version: 3 });
    expect(result.sprint!.startedAt).toBeGreaterThan(0);
    expect(event.sprint!.sprint).toEqual(result.sprint);
    expect(event.sprint!.changedFields).toEqual(['state', 'started_at']);
  });

  it('CMD-21 complete_sprint with next_sprint_id: unfinished items move on, one event each, then the sprint', async () => {
    sprint2 = (await write(bobC, adaC, { createSprint: { projectId, name: 'Sprint 2' } })).result.sprint!.id!;
    const { result, received, senderEvents } = await multiWrite(adaC, bobC, {
      completeSprint: { sprintId: sprint1, nextSprintId: sprint2 },
    }, 3);
    expect(result.sprint).toMatchObject({ id: sprint1, state: SprintState.SPRINT_STATE_COMPLETED, version: 4 });
    expect(result.sprint!.completedAt).toBeGreaterThan(0);

    const [first, second, last] = received;
    expect([first!.workItem!.workItem!.id, second!.workItem!.workItem!.id]).toEqual([todo.id, doing.id]);
    for (const e of [first!, second!]) {
      expect(e.workItem!.workItem).toMatchObject({ sprintId: sprint2, version: 2 });
      expect(e.workItem!.changedFields).toEqual(['sprint_id']);
    }
    expect(last!.sprint!.sprint).toEqual(result.sprint);
    expect(last!.sprint!.changedFields).toEqual(['state', 'completed_at']);
    expect(senderEvents.map((e) => e.workItem!.workItem)).toEqual([first!.workItem!.workItem, second!.workItem!.workItem]);

    const b = await board();
    const sprintOf = (id: string) => b.workItems!.find((w) => w.id === id)!.sprintId;
    expect([sprintOf(done.id!), sprintOf(todo.id!), sprintOf(doing.id!)]).toEqual([sprint1, sprint2, sprint2]);
    expect(b.sprints!.map((s) => [s.id, s.state])).toEqual([
      [sprint1, SprintState.SPRINT_STATE_COMPLETED],
      [sprint2, SprintState.SPRINT_STATE_PLANNED],
    ]);
    expect(b.seq).toBe(seq);
  });

  it('CMD-22 complete_sprint without next_sprint_id: unfinished items go to the backlog (no sprint)', async () => {
    await write(bobC, adaC, { startSprint: { sprintId: sprint2 } });
    const { result, received } = await multiWrite(bobC, adaC, { completeSprint: { sprintId: sprint2 } }, 3);
    expect(result.sprint).toMatchObject({ id: sprint2, state: SprintState.SPRINT_STATE_COMPLETED });
    expect(received.slice(0, 2).map((e) => [e.workItem!.workItem!.id, e.workItem!.workItem!.sprintId, e.workItem!.workItem!.version]))
      .toEqual([[todo.id, '', 3], [doing.id, '', 3]]);
    expect(received[2]!.sprint!.sprint).toEqual(result.sprint);
  });
});

describe('members', () => {
  it('CMD-23 add_member (Ada): Cy joins as VIEWER; Bob sees the member event', async () => {
    const { result, event } = await write(adaC, bobC, { addMember: { projectId, userId: cy.user.id, role: Role.ROLE_VIEWER } });
    expect(result.member).toMatchObject({ projectId, userId: cy.user.id, displayName: 'Cy', role: Role.ROLE_VIEWER, email: cy.user.email });
    expect(event.member!.member).toEqual(result.member);
    expect(event.member!.removed).toBe(false);
  });

  it('CMD-24 change_member_role (Ada): Cy becomes EDITOR', async () => {
    const { result, event } = await write(adaC, bobC, { changeMemberRole: { projectId, userId: cy.user.id, role: Role.ROLE_EDITOR } });
    expect(result.member).toMatchObject({ userId: cy.user.id, role: Role.ROLE_EDITOR });
    expect(event.member!.member).toEqual(result.member);
    expect((await board()).members!.find((m) => m.userId === cy.user.id)!.role).toBe(Role.ROLE_EDITOR);
  });

  it('CMD-25 remove_member (Ada): ok, and the event says who left, marked removed', async () => {
    const { result, event } = await write(adaC, bobC, { removeMember: { projectId, userId: cy.user.id } });
    expect(result.ok).toEqual({});
    expect(event.member!.removed).toBe(true);
    expect(event.member!.member).toMatchObject({ userId: cy.user.id, displayName: 'Cy', role: Role.ROLE_EDITOR });
    expect((await board()).members!.map((m) => m.userId)).toEqual([ada.user.id, bob.user.id]);
  });
});

describe('presence and unsubscribe', () => {
  it('CMD-26 set_presence (Bob): ok with seq 0; Ada gets a presence event with seq 0; nothing is stored', async () => {
    const before = (await board()).seq;
    const bobEvents = bobC.events.length;
    const result = await bobC.ok({ setPresence: { projectId, viewingWorkItemId: story.id } });
    expect(result.seq).toBe(0);
    expect(result.ok).toEqual({});
    const event = await adaC.waitForEvent((e) => e.presence != null && e.presence.userId === bob.user.id && e.presence.online === true);
    expect(event.seq).toBe(0);
    expect(event.projectId).toBe(projectId);
    expect(event.presence).toMatchObject({ userId: bob.user.id, displayName: 'Bob', viewingWorkItemId: story.id, online: true });
    await settle(bobC);
    expect(bobC.events.length).toBe(bobEvents);
    expect((await board()).seq).toBe(before);
  });

  it('CMD-27 unsubscribe (Bob): ok with seq 0; Bob gets no more events, which stay in the log', async () => {
    const result = await bobC.ok({ unsubscribe: { projectIds: [projectId] } });
    expect(result.seq).toBe(0);
    expect(result.ok).toEqual({});

    const missed = seq;
    const update = await adaC.ok({ updateWorkItem: { workItemId: epic.id, expectedVersion: epic.version, title: 'Checkout v2' } });
    expect(update.seq).toBe(seq + 1);
    seq += 1;
    epic = update.workItem!;
    await settle(bobC);
    expect(eventsAt(bobC, seq)).toHaveLength(0);

    // Subscribing again from the last seq it saw brings the missed event.
    await bobC.ok({ subscribe: { projects: [{ projectId, sinceSeq: missed }] } });
    const caught = await bobC.waitForEvent((e) => e.projectId === projectId && e.seq === seq);
    expect(caught.workItem!.workItem).toEqual(update.workItem);
  });

  it('CMD-28 unsubscribe takes the caller\'s presence away: the others get presence online=false, seq 0', async () => {
    await bobC.ok({ setPresence: { projectId, viewingWorkItemId: '' } });
    await adaC.waitForEvent((e) => e.presence != null && e.presence.userId === bob.user.id && e.presence.online === true && e.presence.viewingWorkItemId === '');
    await bobC.ok({ unsubscribe: { projectIds: [projectId] } });
    const left = await adaC.waitForEvent(
      (e) => e.presence != null && e.presence.userId === bob.user.id && e.presence.online === false,
      2000,
    );
    expect(left).toMatchObject({ projectId, seq: 0, actorId: bob.user.id });
  });

  it('CMD-29 every write took the next seq: the board\'s seq is the last Result\'s', async () => {
    expect((await board()).seq).toBe(seq);
  });
});
