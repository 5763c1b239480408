// Watchers, notifications and their settings (tenancy/schema-v7-notifications.ts).
import type { INotification } from '../../../shared/proto.ts';
import { notificationKinds } from './enums.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { NotificationKindName, NotificationRow } from './tables.ts';

const addWatcher = prepared((workItemId: string, userId: string, now: number) =>
  q.insertInto('pm_watchers').values({ work_item_id: workItemId, user_id: userId, since_ms: now }).onConflict((oc) => oc.doNothing()),
);

export function watch(db: SqlRunner, workItemId: string, userId: string, now: number): void {
  db.run(addWatcher(workItemId, userId, now));
}

const removeWatcher = prepared((workItemId: string, userId: string) =>
  q.deleteFrom('pm_watchers').where('work_item_id', '=', workItemId).where('user_id', '=', userId),
);

export function unwatch(db: SqlRunner, workItemId: string, userId: string): void {
  db.run(removeWatcher(workItemId, userId));
}

const watchersQuery = prepared((workItemId: string) => q.selectFrom('pm_watchers').select('user_id').where('work_item_id', '=', workItemId));

export function watchersOf(db: SqlRunner, workItemId: string): string[] {
  return db.all(watchersQuery(workItemId)).map((r) => r.user_id);
}

export const isWatching = (db: SqlRunner, workItemId: string, userId: string) => watchersOf(db, workItemId).includes(userId);

const unreadOfQuery = prepared((userId: string, kind: NotificationKindName, subject: string) =>
  q.selectFrom('pm_notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('work_item_id', '=', subject), eb('sprint_id', '=', subject)]))
    .where('read_at_ms', 'is', null),
);

/** The unread notification of this kind about this item or sprint, which a new one of the same joins. */
export function unreadAbout(db: SqlRunner, userId: string, kind: NotificationKindName, subject: string): NotificationRow | undefined {
  return db.get(unreadOfQuery(userId, kind, subject));
}

export function insertNotification(db: SqlRunner, row: NotificationRow): void {
  db.run(q.insertInto('pm_notifications').values(row));
}

const grow = prepared((id: string, actorId: string, excerpt: string, now: number) =>
  q.updateTable('pm_notifications')
    .set((eb) => ({ count: eb('count', '+', 1), actor_id: actorId, excerpt, updated_at_ms: now }))
    .where('id', '=', id),
);

export function growNotification(db: SqlRunner, id: string, actorId: string, excerpt: string, now: number): void {
  db.run(grow(id, actorId, excerpt, now));
}

const unread = prepared((userId: string) =>
  q.selectFrom('pm_notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at_ms', 'is', null),
);

export function unreadCount(db: SqlRunner, userId: string): number {
  return Number(db.get(unread(userId))?.n ?? 0);
}

function listing() {
  return q.selectFrom('pm_notifications as n')
    .innerJoin('pm_projects as p', 'p.id', 'n.project_id')
    .leftJoin('pm_work_items as w', 'w.id', 'n.work_item_id')
    .leftJoin('pm_sprints as s', 's.id', 'n.sprint_id')
    .leftJoin('pm_users as u', 'u.id', 'n.actor_id')
    .selectAll('n')
    .select(['p.key as project_key', 'w.key as item_key', 'w.title as item_title', 's.name as sprint_name', 'u.display_name as actor_name']);
}

type ListedRow = NotificationRow & { project_key: string; item_key: string | null; item_title: string | null; sprint_name: string | null; actor_name: string | null };

const listAll = prepared((userId: string, limit: number) => listing().where('n.user_id', '=', userId).orderBy('n.updated_at_ms', 'desc').orderBy('n.id').limit(limit));
const listUnread = prepared((userId: string, limit: number) =>
  listing().where('n.user_id', '=', userId).where('n.read_at_ms', 'is', null).orderBy('n.updated_at_ms', 'desc').orderBy('n.id').limit(limit),
);
const one = prepared((id: string) => listing().where('n.id', '=', id));

function toNotification(row: ListedRow): INotification {
  return {
    id: row.id,
    kind: notificationKinds.fromName(row.kind),
    projectId: row.project_id,
    projectKey: row.project_key,
    workItemId: row.work_item_id ?? '',
    workItemKey: row.item_key ?? '',
    sprintId: row.sprint_id ?? '',
    title: row.item_title ?? row.sprint_name ?? '',
    actorId: row.actor_id,
    actorName: row.actor_name ?? '',
    count: row.count,
    excerpt: row.excerpt,
    createdAt: row.created_at_ms,
    updatedAt: row.updated_at_ms,
    read: row.read_at_ms !== null,
  };
}

/** A person's notifications, latest first. */
export function notificationsOf(db: SqlRunner, userId: string, unreadOnly: boolean, limit: number): INotification[] {
  return (db.all(unreadOnly ? listUnread(userId, limit) : listAll(userId, limit)) as ListedRow[]).map(toNotification);
}

export function notificationMessage(db: SqlRunner, id: string): INotification | undefined {
  const row = db.get(one(id)) as ListedRow | undefined;
  return row && toNotification(row);
}

const readSome = prepared((userId: string, ids: string, now: number) =>
  q.updateTable('pm_notifications')
    .set({ read_at_ms: now })
    .where('user_id', '=', userId)
    .where('read_at_ms', 'is', null)
    .where((eb) => eb('id', 'in', eb.selectFrom(eb.fn<{ value: string }>('json_each', [eb.val(ids)]).as('j')).select('j.value'))),
);
const readAll = prepared((userId: string, now: number) =>
  q.updateTable('pm_notifications').set({ read_at_ms: now }).where('user_id', '=', userId).where('read_at_ms', 'is', null),
);

/** Marks the person's notifications read: these ids (others' are ignored), or all. */
export function markRead(db: SqlRunner, userId: string, ids: readonly string[] | 'all', now: number): void {
  db.run(ids === 'all' ? readAll(userId, now) : readSome(userId, JSON.stringify(ids), now));
}

const mutedQuery = prepared((userId: string) => q.selectFrom('pm_notification_settings').select('muted').where('user_id', '=', userId));

export function mutedKinds(db: SqlRunner, userId: string): NotificationKindName[] {
  const muted = db.get(mutedQuery(userId))?.muted ?? '';
  return muted ? (muted.split(',') as NotificationKindName[]) : [];
}

const setMutedQuery = prepared((userId: string, muted: string) =>
  q.insertInto('pm_notification_settings').values({ user_id: userId, muted }).onConflict((oc) => oc.column('user_id').doUpdateSet({ muted })),
);

export function setMutedKinds(db: SqlRunner, userId: string, kinds: readonly NotificationKindName[]): void {
  db.run(setMutedQuery(userId, [...new Set(kinds)].sort().join(',')));
}
