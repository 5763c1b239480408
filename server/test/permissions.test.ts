// docs/PROTOCOL.md §6 and §8, docs/DESIGN.md decision 4: who may do what. Viewers read;
// editors write items, comments and sprints; admins also manage members. A
// project you are not in, and anything of another workspace, is NOT_FOUND,
// word for word like an id that never existed, and nothing is written.
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, Role, type IClientFrame, type IError } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

type Command = Omit<IClientFrame, 'messageId'>;

let srv: TestServer;
const clients: TestClient[] = [];

async function connect(session: Session, subscribeTo: string[] = []): Promise<TestClient> {
  const client = await TestClient.connect(srv.ws, session.token);
  clients.push(client);
  if (subscribeTo.length > 0) {
    await client.ok({ subscribe: { projects: subscribeTo.map((projectId) => ({ projectId, sinceSeq: 0 })) } });
  }
  return client;
}

/** What a tenant's file holds, table by table: row count and a hash of every row. */
function fingerprint(tenantId: string, opts: { withRepliesTable: boolean }): Record<string, { rows: number; sha256: string }> {
  const db = new Database(join(srv.dataDir, tenantId, 'main.db'), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'pm\\_%' ESCAPE '\\' ORDER BY name")
      .all() as { name: string }[];
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const { name } of tables) {
      // Refused commands keep their reply (idempotency); logging in touches last_seen.
      if (name === 'pm_idempotency_keys' && !opts.withRepliesTable) continue;
      const sql = name === 'pm_users'
        ? 'SELECT id, email, display_name, tenant_role, created_at_ms FROM pm_users'
        : `SELECT * FROM ${name}`;
      const rows = (db.prepare(sql).all() as Record<string, unknown>[])
        .map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
        .sort();
      out[name] = { rows: rows.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') };
    }
    expect(Object.keys(out)).toContain('pm_events');
    return out;
  } finally {
    db.close();
  }
}

/** The parts of an Error a client can read. */
const visible = (e: IError | null | undefined) => ({ code: e?.code, message: e?.message, field: e?.field });

/** Nothing in a refusal may hint that the entity exists somewhere. */
function expectNoHint(e: IError | null | undefined): void {
  expect(e?.message).not.toMatch(/exist|elsewhere|another|other|tenant|workspace|belong|access|permission/i);
}

// ----------------------------------------------------------------- fixtures

let ada: Session; // tenant A owner
let vic: Session; // VIEWER of WEB
let ed: Session; // EDITOR of WEB
let nora: Session; // workspace member, in no project of Ada's
let adam: Session; // workspace admin, member of no project
let bea: Session; // tenant B owner

let adaSocket: TestClient;
let web: { projectId: string; itemId: string; deletedItemId: string; commentId: string; sprintId: string; activeSprintId: string; statusIds: string[] };
let opsProjectId: string;
let beaSocket: TestClient;
let beaObserver: TestClient;
let other: { projectId: string; itemId: string; commentId: string; sprintId: string; statusId: string };

async function seqOf(client: TestClient, projectId: string): Promise<number> {
  return (await client.ok({ getBoard: { projectId } })).board!.seq!;
}

beforeAll(async () => {
  srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '2000', RATE_LIMIT_BURST: '2000' });
  ada = await signup(srv.http, 'Ada');
  vic = await invite(srv.http, ada, 'Vic');
  ed = await invite(srv.http, ada, 'Ed');
  nora = await invite(srv.http, ada, 'Nora');
  adam = await invite(srv.http, ada, 'Adam', 'admin');
  bea = await signup(srv.http, 'Bea');
  expect(bea.tenantId).not.toBe(ada.tenantId);

  adaSocket = await connect(ada);
  const project = (await adaSocket.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!;
  const projectId = project.id!;
  await adaSocket.ok({ subscribe: { projects: [{ projectId, sinceSeq: 0 }] } });
  await adaSocket.ok({ addMember: { projectId, userId: vic.user.id, role: Role.ROLE_VIEWER } });
  await adaSocket.ok({ addMember: { projectId, userId: ed.user.id, role: Role.ROLE_EDITOR } });
  const item = (await adaSocket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Guarded' } })).workItem!;
  const gone = (await adaSocket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Gone' } })).workItem!;
  await adaSocket.ok({ deleteWorkItem: { workItemId: gone.id, expectedVersion: 1 } });
  const comment = (await adaSocket.ok({ addComment: { workItemId: item.id, body: 'Ada says hi' } })).comment!;
  const sprint = (await adaSocket.ok({ createSprint: { projectId, name: 'Planned' } })).sprint!;
  const active = (await adaSocket.ok({ createSprint: { projectId, name: 'Running' } })).sprint!;
  await adaSocket.ok({ startSprint: { sprintId: active.id } });
  web = {
    projectId, itemId: item.id!, deletedItemId: gone.id!, commentId: comment.id!, sprintId: sprint.id!,
    activeSprintId: active.id!, statusIds: project.statuses!.map((s) => s.id!),
  };

  const noraSocket = await connect(nora);
  opsProjectId = (await noraSocket.ok({ createProject: { key: 'OPS', name: 'Ops' } })).project!.id!;

  beaSocket = await connect(bea);
  const bProject = (await beaSocket.ok({ createProject: { key: 'WEB', name: 'Bea web' } })).project!;
  await beaSocket.ok({ subscribe: { projects: [{ projectId: bProject.id!, sinceSeq: 0 }] } });
  const bItem = (await beaSocket.ok({ createWorkItem: { projectId: bProject.id, itemType: ItemType.ITEM_TYPE_STORY, title: 'Secret' } })).workItem!;
  const bComment = (await beaSocket.ok({ addComment: { workItemId: bItem.id, body: 'Secret words' } })).comment!;
  const bSprint = (await beaSocket.ok({ createSprint: { projectId: bProject.id, name: 'Secret sprint' } })).sprint!;
  other = { projectId: bProject.id!, itemId: bItem.id!, commentId: bComment.id!, sprintId: bSprint.id!, statusId: bProject.statuses![1]!.id! };
  beaObserver = await connect(bea, [other.projectId]);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await srv.stop();
});

/**
 * Checks that `observer` heard nothing of `projectId` since `heardBefore`: one more
 * write's event arrives, and events reach a socket in order, so it would be behind any other.
 */
async function expectNoEventsBefore(observer: TestClient, writer: TestClient, projectId: string, heardBefore: number): Promise<void> {
  const sentinel = await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `sentinel ${randomUUID()}` } });
  await observer.waitForEvent((e) => e.projectId === projectId && e.seq === sentinel.seq);
  expect(observer.events.slice(heardBefore).map((e) => e.seq)).toEqual([sentinel.seq]);
}

// ------------------------------------------------------------------- viewer

describe('a VIEWER', () => {
  const writes = (): [string, Command][] => [
    ['create_work_item', { createWorkItem: { projectId: web.projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Viewer item' } }],
    ['update_work_item', { updateWorkItem: { workItemId: web.itemId, expectedVersion: 1, title: 'Viewer title' } }],
    ['move_work_item', { moveWorkItem: { workItemId: web.itemId, expectedVersion: 1, statusId: web.statusIds[2] } }],
    ['delete_work_item', { deleteWorkItem: { workItemId: web.itemId, expectedVersion: 1 } }],
    ['restore_work_item', { restoreWorkItem: { workItemId: web.deletedItemId } }],
    ['claim_work_item', { claimWorkItem: { workItemId: web.itemId } }],
    ['add_comment', { addComment: { workItemId: web.itemId, body: 'Viewer words' } }],
    ['edit_comment', { editComment: { commentId: web.commentId, expectedVersion: 1, body: 'Viewer edit' } }],
    ['delete_comment', { deleteComment: { commentId: web.commentId } }],
    ['create_sprint', { createSprint: { projectId: web.projectId, name: 'Viewer sprint' } }],
    ['update_sprint', { updateSprint: { sprintId: web.sprintId, expectedVersion: 1, name: 'Viewer sprint' } }],
    ['complete_sprint', { completeSprint: { sprintId: web.activeSprintId } }],
    ['add_member', { addMember: { projectId: web.projectId, userId: nora.user.id, role: Role.ROLE_EDITOR } }],
    ['change_member_role', { changeMemberRole: { projectId: web.projectId, userId: vic.user.id, role: Role.ROLE_ADMIN } }],
    ['remove_member', { removeMember: { projectId: web.projectId, userId: ed.user.id } }],
  ];

  it('PERM-1 gets PERMISSION_DENIED for every write, and nothing is written or sent', async () => {
    const viewer = await connect(vic);
    const watcher = await connect(ed, [web.projectId]);
    const before = fingerprint(ada.tenantId, { withRepliesTable: false });
    const heard = watcher.events.length;

    for (const [name, command] of writes()) {
      const reply = await viewer.request(command);
      expect({ name, code: reply.error?.code }).toEqual({ name, code: ErrorCode.ERROR_CODE_PERMISSION_DENIED });
      expect(reply.result).toBeNull();
    }

    expect(fingerprint(ada.tenantId, { withRepliesTable: false })).toEqual(before);
    await expectNoEventsBefore(watcher, adaSocket, web.projectId, heard);
  });

  it('PERM-2 can still read: get_board, get_history, get_comments, subscribe, and then hears live events', async () => {
    const viewer = await connect(vic);

    const board = (await viewer.ok({ getBoard: { projectId: web.projectId } })).board!;
    expect(board.project!.id).toBe(web.projectId);
    expect(board.workItems!.map((w) => w.id)).toContain(web.itemId);
    expect(board.members!.find((m) => m.userId === vic.user.id)!.role).toBe(Role.ROLE_VIEWER);

    const history = (await viewer.ok({ getHistory: { workItemId: web.itemId } })).history!.entries!;
    expect(history.map((h) => h.field)).toContain('created');
    expect(history.map((h) => h.field)).toContain('comment_added');

    const comments = (await viewer.ok({ getComments: { workItemId: web.itemId } })).comments!.comments!;
    expect(comments.map((c) => c.body)).toEqual(['Ada says hi']);

    const subscribed = await viewer.ok({ subscribe: { projects: [{ projectId: web.projectId, sinceSeq: 0 }] } });
    const seq = await seqOf(adaSocket, web.projectId);
    expect(subscribed.subscribed!.projects).toEqual([expect.objectContaining({ projectId: web.projectId, sinceSeq: seq })]);

    const written = await adaSocket.ok({ addComment: { workItemId: web.itemId, body: 'For all to read' } });
    const event = await viewer.waitForEvent((e) => e.seq === written.seq);
    expect(event.comment!.comment!.body).toBe('For all to read');
    expect(event.projectId).toBe(web.projectId);
  });
});

// ------------------------------------------------------------------- editor

describe('an EDITOR', () => {
  it('PERM-3 cannot manage members (PERMISSION_DENIED, nothing written) but can write items', async () => {
    const editor = await connect(ed);
    const before = fingerprint(ada.tenantId, { withRepliesTable: false });

    const attempts: Command[] = [
      { addMember: { projectId: web.projectId, userId: nora.user.id, role: Role.ROLE_VIEWER } },
      { changeMemberRole: { projectId: web.projectId, userId: vic.user.id, role: Role.ROLE_EDITOR } },
      { changeMemberRole: { projectId: web.projectId, userId: ed.user.id, role: Role.ROLE_ADMIN } },
      { removeMember: { projectId: web.projectId, userId: vic.user.id } },
    ];
    for (const command of attempts) {
      const reply = await editor.request(command);
      expect(reply.error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    }
    expect(fingerprint(ada.tenantId, { withRepliesTable: false })).toEqual(before);

    const made = await editor.ok({ createWorkItem: { projectId: web.projectId, itemType: ItemType.ITEM_TYPE_BUG, title: 'Editor can' } });
    expect(made.workItem!.createdBy).toBe(ed.user.id);
  });
});

// ---------------------------------------------------------- project members

describe('project membership', () => {
  it('PERM-4 a workspace member outside a project gets NOT_FOUND for it, as for no project at all, and does not list it', async () => {
    const outsider = await connect(nora);
    const before = fingerprint(ada.tenantId, { withRepliesTable: false });

    const listed = (await outsider.ok({ listProjects: {} })).projects!.projects!;
    expect(listed.map((p) => p.key)).toEqual(['OPS']);

    const cases: [Command, Command][] = [
      [{ getBoard: { projectId: web.projectId } }, { getBoard: { projectId: randomUUID() } }],
      [{ subscribe: { projects: [{ projectId: web.projectId, sinceSeq: 0 }] } }, { subscribe: { projects: [{ projectId: randomUUID(), sinceSeq: 0 }] } }],
      [
        { createWorkItem: { projectId: web.projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Sneak' } },
        { createWorkItem: { projectId: randomUUID(), itemType: ItemType.ITEM_TYPE_TASK, title: 'Sneak' } },
      ],
      [{ getHistory: { workItemId: web.itemId } }, { getHistory: { workItemId: randomUUID() } }],
      [{ getComments: { workItemId: web.itemId } }, { getComments: { workItemId: randomUUID() } }],
      [{ addComment: { workItemId: web.itemId, body: 'Sneak' } }, { addComment: { workItemId: randomUUID(), body: 'Sneak' } }],
      [{ editComment: { commentId: web.commentId, expectedVersion: 1, body: 'Sneak' } }, { editComment: { commentId: randomUUID(), expectedVersion: 1, body: 'Sneak' } }],
      [{ updateSprint: { sprintId: web.sprintId, expectedVersion: 1, name: 'Sneak' } }, { updateSprint: { sprintId: randomUUID(), expectedVersion: 1, name: 'Sneak' } }],
    ];
    for (const [real, made_up] of cases) {
      const hidden = (await outsider.request(real)).error;
      const missing = (await outsider.request(made_up)).error;
      expect(hidden?.code).toBe(ErrorCode.ERROR_CODE_NOT_FOUND);
      expect(visible(hidden)).toEqual(visible(missing));
      expectNoHint(hidden);
    }
    expect(fingerprint(ada.tenantId, { withRepliesTable: false })).toEqual(before);
  });

  it('PERM-5 a workspace admin sees every project, member or not; members see only theirs', async () => {
    const admin = await connect(adam);
    const all = (await admin.ok({ listProjects: {} })).projects!.projects!;
    expect(all.map((p) => p.key).sort()).toEqual(['OPS', 'WEB']);
    expect((await admin.ok({ getBoard: { projectId: opsProjectId } })).board!.project!.key).toBe('OPS');
    expect((await admin.ok({ getBoard: { projectId: web.projectId } })).board!.project!.key).toBe('WEB');

    for (const [session, keys] of [[vic, ['WEB']], [ed, ['WEB']], [ada, ['OPS', 'WEB']]] as const) {
      const client = await connect(session);
      const listed = (await client.ok({ listProjects: {} })).projects!.projects!;
      expect(listed.map((p) => p.key).sort()).toEqual(keys);
    }
  });
});

// ------------------------------------------------------------------ tenants

describe('tenant isolation', () => {
  /** Each command naming tenant B's ids, beside the same command naming ids that never existed. */
  function crossTenantCommands(): { name: string; theirs: Command; none: Command; code: ErrorCode; field: string }[] {
    const nf = ErrorCode.ERROR_CODE_NOT_FOUND;
    const b = other;
    const x = { projectId: randomUUID(), itemId: randomUUID(), commentId: randomUUID(), sprintId: randomUUID(), statusId: randomUUID(), userId: randomUUID() };
    const t = ItemType.ITEM_TYPE_TASK;
    return [
      { name: 'get_board', code: nf, field: 'project_id', theirs: { getBoard: { projectId: b.projectId } }, none: { getBoard: { projectId: x.projectId } } },
      { name: 'get_history', code: nf, field: 'work_item_id', theirs: { getHistory: { workItemId: b.itemId } }, none: { getHistory: { workItemId: x.itemId } } },
      { name: 'get_comments', code: nf, field: 'work_item_id', theirs: { getComments: { workItemId: b.itemId } }, none: { getComments: { workItemId: x.itemId } } },
      {
        name: 'subscribe', code: nf, field: 'projects',
        theirs: { subscribe: { projects: [{ projectId: b.projectId, sinceSeq: 1 }] } },
        none: { subscribe: { projects: [{ projectId: x.projectId, sinceSeq: 1 }] } },
      },
      {
        name: 'create_work_item', code: nf, field: 'project_id',
        theirs: { createWorkItem: { projectId: b.projectId, itemType: t, title: 'In' } },
        none: { createWorkItem: { projectId: x.projectId, itemType: t, title: 'In' } },
      },
      {
        name: 'update_work_item', code: nf, field: 'work_item_id',
        theirs: { updateWorkItem: { workItemId: b.itemId, expectedVersion: 1, title: 'Mine' } },
        none: { updateWorkItem: { workItemId: x.itemId, expectedVersion: 1, title: 'Mine' } },
      },
      {
        name: 'move_work_item', code: nf, field: 'work_item_id',
        theirs: { moveWorkItem: { workItemId: b.itemId, expectedVersion: 1, statusId: b.statusId } },
        none: { moveWorkItem: { workItemId: x.itemId, expectedVersion: 1, statusId: x.statusId } },
      },
      {
        name: 'delete_work_item', code: nf, field: 'work_item_id',
        theirs: { deleteWorkItem: { workItemId: b.itemId, expectedVersion: 1 } },
        none: { deleteWorkItem: { workItemId: x.itemId, expectedVersion: 1 } },
      },
      { name: 'restore_work_item', code: nf, field: 'work_item_id', theirs: { restoreWorkItem: { workItemId: b.itemId } }, none: { restoreWorkItem: { workItemId: x.itemId } } },
      { name: 'claim_work_item', code: nf, field: 'work_item_id', theirs: { claimWorkItem: { workItemId: b.itemId } }, none: { claimWorkItem: { workItemId: x.itemId } } },
      {
        name: 'add_comment', code: nf, field: 'work_item_id',
        theirs: { addComment: { workItemId: b.itemId, body: 'Hi' } }, none: { addComment: { workItemId: x.itemId, body: 'Hi' } },
      },
      {
        name: 'edit_comment', code: nf, field: 'comment_id',
        theirs: { editComment: { commentId: b.commentId, expectedVersion: 1, body: 'Mine' } },
        none: { editComment: { commentId: x.commentId, expectedVersion: 1, body: 'Mine' } },
      },
      { name: 'delete_comment', code: nf, field: 'comment_id', theirs: { deleteComment: { commentId: b.commentId } }, none: { deleteComment: { commentId: x.commentId } } },
      {
        name: 'create_sprint', code: nf, field: 'project_id',
        theirs: { createSprint: { projectId: b.projectId, name: 'S' } }, none: { createSprint: { projectId: x.projectId, name: 'S' } },
      },
      {
        name: 'update_sprint', code: nf, field: 'sprint_id',
        theirs: { updateSprint: { sprintId: b.sprintId, expectedVersion: 1, name: 'S' } },
        none: { updateSprint: { sprintId: x.sprintId, expectedVersion: 1, name: 'S' } },
      },
      { name: 'start_sprint', code: nf, field: 'sprint_id', theirs: { startSprint: { sprintId: b.sprintId } }, none: { startSprint: { sprintId: x.sprintId } } },
      { name: 'complete_sprint', code: nf, field: 'sprint_id', theirs: { completeSprint: { sprintId: b.sprintId } }, none: { completeSprint: { sprintId: x.sprintId } } },
      {
        name: 'add_member', code: nf, field: 'project_id',
        theirs: { addMember: { projectId: b.projectId, userId: ada.user.id, role: Role.ROLE_ADMIN } },
        none: { addMember: { projectId: x.projectId, userId: ada.user.id, role: Role.ROLE_ADMIN } },
      },
      {
        name: 'change_member_role', code: nf, field: 'project_id',
        theirs: { changeMemberRole: { projectId: b.projectId, userId: bea.user.id, role: Role.ROLE_VIEWER } },
        none: { changeMemberRole: { projectId: x.projectId, userId: bea.user.id, role: Role.ROLE_VIEWER } },
      },
      {
        name: 'remove_member', code: nf, field: 'project_id',
        theirs: { removeMember: { projectId: b.projectId, userId: bea.user.id } },
        none: { removeMember: { projectId: x.projectId, userId: bea.user.id } },
      },
      // Tenant B's ids as references inside tenant A's own project.
      {
        name: 'create_work_item parent_id', code: nf, field: 'parent_id',
        theirs: { createWorkItem: { projectId: web.projectId, itemType: ItemType.ITEM_TYPE_SUBTASK, title: 'Child', parentId: b.itemId } },
        none: { createWorkItem: { projectId: web.projectId, itemType: ItemType.ITEM_TYPE_SUBTASK, title: 'Child', parentId: x.itemId } },
      },
      {
        name: 'create_work_item sprint_id', code: nf, field: 'sprint_id',
        theirs: { createWorkItem: { projectId: web.projectId, itemType: t, title: 'In sprint', sprintId: b.sprintId } },
        none: { createWorkItem: { projectId: web.projectId, itemType: t, title: 'In sprint', sprintId: x.sprintId } },
      },
      {
        name: 'create_work_item status_id', code: nf, field: 'status_id',
        theirs: { createWorkItem: { projectId: web.projectId, itemType: t, title: 'In status', statusId: b.statusId } },
        none: { createWorkItem: { projectId: web.projectId, itemType: t, title: 'In status', statusId: x.statusId } },
      },
      {
        name: 'create_work_item after_id', code: nf, field: 'after_id',
        theirs: { createWorkItem: { projectId: web.projectId, itemType: t, title: 'Placed', afterId: b.itemId } },
        none: { createWorkItem: { projectId: web.projectId, itemType: t, title: 'Placed', afterId: x.itemId } },
      },
      {
        name: 'create_work_item assignee_id', code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'assignee_id',
        theirs: { createWorkItem: { projectId: web.projectId, itemType: t, title: 'Assigned', assigneeId: bea.user.id } },
        none: { createWorkItem: { projectId: web.projectId, itemType: t, title: 'Assigned', assigneeId: x.userId } },
      },
      {
        name: 'move_work_item status_id', code: nf, field: 'status_id',
        theirs: { moveWorkItem: { workItemId: web.itemId, expectedVersion: 1, statusId: b.statusId } },
        none: { moveWorkItem: { workItemId: web.itemId, expectedVersion: 1, statusId: x.statusId } },
      },
      {
        name: 'move_work_item before_id', code: nf, field: 'before_id',
        theirs: { moveWorkItem: { workItemId: web.itemId, expectedVersion: 1, beforeId: b.itemId } },
        none: { moveWorkItem: { workItemId: web.itemId, expectedVersion: 1, beforeId: x.itemId } },
      },
      {
        name: 'update_work_item parent_id', code: nf, field: 'parent_id',
        theirs: { updateWorkItem: { workItemId: web.itemId, expectedVersion: 1, parentId: b.itemId } },
        none: { updateWorkItem: { workItemId: web.itemId, expectedVersion: 1, parentId: x.itemId } },
      },
      {
        name: 'complete_sprint next_sprint_id', code: nf, field: 'next_sprint_id',
        theirs: { completeSprint: { sprintId: web.activeSprintId, nextSprintId: b.sprintId } },
        none: { completeSprint: { sprintId: web.activeSprintId, nextSprintId: x.sprintId } },
      },
      {
        name: 'add_member user_id', code: nf, field: 'user_id',
        theirs: { addMember: { projectId: web.projectId, userId: bea.user.id, role: Role.ROLE_EDITOR } },
        none: { addMember: { projectId: web.projectId, userId: x.userId, role: Role.ROLE_EDITOR } },
      },
    ];
  }

  it("PERM-6 naming another workspace's ids in any command: NOT_FOUND, word for word as for ids that never existed; neither file changes", async () => {
    const heardInB = beaObserver.events.length;
    const tenantB = fingerprint(bea.tenantId, { withRepliesTable: true });
    const tenantA = fingerprint(ada.tenantId, { withRepliesTable: false });
    const intruder = await connect(ada);

    for (const { name, theirs, none, code, field } of crossTenantCommands()) {
      const hidden = (await intruder.request(theirs)).error;
      const missing = (await intruder.request(none)).error;
      expect({ name, code: hidden?.code, field: hidden?.field }).toEqual({ name, code, field });
      expect({ name, ...visible(hidden) }).toEqual({ name, ...visible(missing) });
      expect(hidden?.workItem ?? hidden?.comment ?? hidden?.sprint ?? hidden?.project ?? null).toBeNull();
      expectNoHint(hidden);
    }

    expect(fingerprint(bea.tenantId, { withRepliesTable: true })).toEqual(tenantB);
    expect(fingerprint(ada.tenantId, { withRepliesTable: false })).toEqual(tenantA);
    await expectNoEventsBefore(beaObserver, beaSocket, other.projectId, heardInB);
  });

  it("PERM-7 tenant B's owner, a workspace owner there, sees nothing of tenant A", async () => {
    const owner = await connect(bea);
    const listed = (await owner.ok({ listProjects: {} })).projects!.projects!;
    expect(listed.map((p) => p.id)).toEqual([other.projectId]);
    const reply = await owner.request({ getBoard: { projectId: web.projectId } });
    expect(visible(reply.error)).toEqual({ code: ErrorCode.ERROR_CODE_NOT_FOUND, message: 'Project not found', field: 'project_id' });
  });
});
