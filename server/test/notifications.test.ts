// Issue "The team loop" part 3 (docs/PROTOCOL.md §5, §18; v10): what concerns
// a person reaches their inbox, stored in the tenant file in the write's own
// transaction and told live to their open sockets with the unread count;
// never for their own action; grouped while unread; their settings obeyed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType, NotificationKind, Role, type INotification, type INotificationNotice, type IWorkItem } from '../../shared/proto.ts';
import { invite, type Session } from './support/accounts.ts';
import { useTwoPeople } from './support/two-people.ts';
import { TestClient } from './support/ws-client.ts';

const world = useTwoPeople({ names: { ada: 'Ada Lovelace', bob: 'Bob Babbage' } });
let cyd: Session;
let cydSocket: TestClient;
let projectId = '';
let statuses: Record<string, string> = {};

const notices = (client: TestClient): INotificationNotice[] => client.frames.filter((f) => f.notification).map((f) => f.notification!);
const inbox = async (client: TestClient, unreadOnly = false) => (await client.ok({ listNotifications: { unreadOnly } })).notifications!;
const about = (list: readonly INotification[] | null | undefined, itemId: string) => (list ?? []).filter((n) => n.workItemId === itemId);

async function task(title: string, extra = {}): Promise<IWorkItem> {
  return (await world.adaSocket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, ...extra } })).workItem!;
}

beforeAll(async () => {
  cyd = await invite(world.srv.http, world.ada, 'Cyd Charisse');
  cydSocket = await TestClient.connect(world.srv.ws, cyd.token);
  const project = (await world.adaSocket.ok({ createProject: { key: 'NOTE', name: 'Notes' } })).project!;
  projectId = project.id!;
  statuses = Object.fromEntries(project.statuses!.map((s) => [s.name!, s.id!]));
  for (const who of [world.bob, cyd]) await world.adaSocket.ok({ addMember: { projectId, userId: who.user.id, role: Role.ROLE_EDITOR } });
});

afterAll(async () => {
  cydSocket?.close();
});

describe('notifications', () => {
  it('NOTE-1 an @mention in a comment makes one entry for the person named, told live with the unread count; none for the actor or anyone else', async () => {
    const item = await task('Checkout copy');
    const before = notices(world.bobSocket).length;
    await world.adaSocket.ok({ addComment: { workItemId: item.id, body: 'Can @Bob Babbage check the wording? cc @Ada Lovelace' } });
    await world.bobSocket.waitFor(() => (notices(world.bobSocket).length > before ? true : undefined), 5000, 'a notice');
    const told = notices(world.bobSocket).at(-1)!;
    expect(told.notification).toMatchObject({
      kind: NotificationKind.NOTIFICATION_KIND_MENTIONED, workItemId: item.id, workItemKey: item.key, title: 'Checkout copy',
      actorId: world.ada.user.id, actorName: 'Ada Lovelace', count: 1, projectKey: 'NOTE',
    });
    expect(told.notification!.excerpt).toContain('check the wording');
    const bobs = await inbox(world.bobSocket);
    expect(told.unread).toBe(bobs.unread);
    expect(about(bobs.notifications, item.id!)).toHaveLength(1);
    expect(about((await inbox(world.adaSocket)).notifications, item.id!)).toEqual([]);
    expect(about((await inbox(cydSocket)).notifications, item.id!)).toEqual([]);
  });

  it('NOTE-2 being made an item\'s assignee notifies the assignee, not someone who takes it themselves', async () => {
    const item = await task('Payment retries');
    await world.adaSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, assigneeId: cyd.user.id } });
    expect(about((await inbox(cydSocket)).notifications, item.id!).map((n) => n.kind)).toEqual([NotificationKind.NOTIFICATION_KIND_ASSIGNED]);
    const mine = await task('Mine');
    await world.bobSocket.ok({ claimWorkItem: { workItemId: mine.id } });
    expect(about((await inbox(world.bobSocket)).notifications, mine.id!)).toEqual([]);
  });

  it('NOTE-3 watchers hear of comments and status changes: the creator and commenters watch by themselves; unwatch stops it, watch starts it', async () => {
    const item = await task('Flaky socket');
    await world.bobSocket.ok({ addComment: { workItemId: item.id, body: 'Seen it twice' } });
    expect(about((await inbox(world.adaSocket)).notifications, item.id!).map((n) => n.kind)).toEqual([NotificationKind.NOTIFICATION_KIND_COMMENTED]);
    const moved = (await cydSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, statusId: statuses['In Progress'] } })).workItem!;
    const bobs = about((await inbox(world.bobSocket)).notifications, item.id!);
    expect(bobs).toEqual([expect.objectContaining({ kind: NotificationKind.NOTIFICATION_KIND_STATUS_CHANGED, excerpt: 'In Progress', actorName: 'Cyd Charisse' })]);

    expect((await world.bobSocket.ok({ unwatchWorkItem: { workItemId: item.id } })).watch).toEqual({ workItemId: item.id, watching: false });
    expect((await world.bobSocket.ok({ getWorkItem: { workItemId: item.id } })).workItem!.watching).toBe(false);
    await cydSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: moved.version, statusId: statuses['Done'] } });
    expect(about((await inbox(world.bobSocket)).notifications, item.id!)[0]!.count).toBe(1);
    await world.bobSocket.ok({ watchWorkItem: { workItemId: item.id } });
    expect((await world.bobSocket.ok({ getWorkItem: { workItemId: item.id } })).workItem!.watching).toBe(true);
  });

  it('NOTE-4 twenty changes of one item while unread are one entry; once read, the next starts a new one', async () => {
    let item = await task('Busy item');
    await world.bobSocket.ok({ watchWorkItem: { workItemId: item.id } });
    const order = [statuses['In Progress']!, statuses['To Do']!];
    for (let i = 0; i < 20; i++) {
      item = (await world.adaSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, statusId: order[i % 2] } })).workItem!;
    }
    const grouped = about((await inbox(world.bobSocket)).notifications, item.id!);
    expect(grouped).toEqual([expect.objectContaining({ kind: NotificationKind.NOTIFICATION_KIND_STATUS_CHANGED, count: 20, read: false })]);
    await world.bobSocket.ok({ markNotificationsRead: { notificationIds: [grouped[0]!.id!] } });
    await world.adaSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, statusId: statuses['Done'] } });
    expect(about((await inbox(world.bobSocket)).notifications, item.id!).map((n) => [n.count, n.read])).toEqual([[1, false], [20, true]]);
  });

  it('NOTE-5 a person who was offline finds what happened meanwhile; a resent comment notifies once', async () => {
    cydSocket.close();
    const item = await task('While away');
    const messageId = randomUUID();
    await world.adaSocket.request({ addComment: { workItemId: item.id, body: 'Over to @Cyd Charisse' } }, messageId);
    await world.adaSocket.request({ addComment: { workItemId: item.id, body: 'Over to @Cyd Charisse' } }, messageId);
    cydSocket = await TestClient.connect(world.srv.ws, cyd.token);
    const cyds = await inbox(cydSocket, true);
    expect(about(cyds.notifications, item.id!)).toEqual([expect.objectContaining({ kind: NotificationKind.NOTIFICATION_KIND_MENTIONED, count: 1 })]);
  });

  it('NOTE-6 kinds a person turned off are not made; settings round-trip', async () => {
    const settings = (await world.bobSocket.ok({ setNotificationSettings: { settings: { muted: [NotificationKind.NOTIFICATION_KIND_COMMENTED] } } })).notifications!.settings;
    expect(settings!.muted).toEqual([NotificationKind.NOTIFICATION_KIND_COMMENTED]);
    const item = await task('Quiet please');
    await world.bobSocket.ok({ watchWorkItem: { workItemId: item.id } });
    await cydSocket.ok({ addComment: { workItemId: item.id, body: 'A comment' } });
    expect(about((await inbox(world.bobSocket)).notifications, item.id!)).toEqual([]);
    await world.bobSocket.ok({ setNotificationSettings: { settings: { muted: [] } } });
    const refused = await world.bobSocket.request({ setNotificationSettings: { settings: { muted: [0] } } });
    expect(refused.error).toMatchObject({ field: 'settings' });
  });

  it('NOTE-7 marking all read reaches the person\'s other socket with the new count; another\'s ids change nothing', async () => {
    const second = await TestClient.connect(world.srv.ws, world.bob.token);
    const adas = (await inbox(world.adaSocket)).notifications!;
    expect(adas.length).toBeGreaterThan(0);
    await world.bobSocket.ok({ markNotificationsRead: { notificationIds: adas.map((n) => n.id!) } });
    expect((await inbox(world.adaSocket)).unread).toBeGreaterThan(0);
    const before = notices(second).length;
    const all = (await world.bobSocket.ok({ markNotificationsRead: { all: true } })).notifications!;
    expect(all.unread).toBe(0);
    await second.waitFor(() => (notices(second).slice(before).some((n) => n.unread === 0 && !n.notification) ? true : undefined), 5000, 'the count');
    second.close();
  });

  it('NOTE-8 starting and completing a sprint tells the people with items in it', async () => {
    const sprint = (await world.adaSocket.ok({ createSprint: { projectId, name: 'Sprint N', goal: 'Ship notes' } })).sprint!;
    await task('In the sprint', { sprintId: sprint.id, assigneeId: world.bob.user.id });
    await world.adaSocket.ok({ startSprint: { sprintId: sprint.id } });
    await world.adaSocket.ok({ completeSprint: { sprintId: sprint.id } });
    const kinds = (await inbox(world.bobSocket)).notifications!.filter((n) => n.sprintId === sprint.id).map((n) => [n.kind, n.title, n.excerpt]);
    expect(kinds).toEqual([
      [NotificationKind.NOTIFICATION_KIND_SPRINT_COMPLETED, 'Sprint N', 'Ship notes'],
      [NotificationKind.NOTIFICATION_KIND_SPRINT_STARTED, 'Sprint N', 'Ship notes'],
    ]);
    expect((await inbox(cydSocket)).notifications!.filter((n) => n.sprintId === sprint.id)).toEqual([]);
  });

  it('NOTE-9 someone who left the project is not told of it any more', async () => {
    const item = await task('After leaving');
    await cydSocket.ok({ watchWorkItem: { workItemId: item.id } });
    await world.adaSocket.ok({ removeMember: { projectId, userId: cyd.user.id } });
    await world.adaSocket.ok({ addComment: { workItemId: item.id, body: 'Hello @Cyd Charisse' } });
    expect(about((await inbox(cydSocket)).notifications, item.id!)).toEqual([]);
  });
});
