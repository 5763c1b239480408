// Stores what notificationsFor decided, in the write's own transaction: the
// new watchers, and each notification for a person who can still read the
// project and has not turned its kind off, joined to their unread one about
// the same item or sprint when there is one. Returns what to tell each
// person's open sockets.
import { randomUUID } from 'node:crypto';
import { effectiveRole } from '../../../shared/domain/permissions.ts';
import type { INotificationNotice } from '../../../shared/proto.ts';
import { memberRole, membersOf } from '../storage/members.ts';
import { findStatus } from '../storage/projects.ts';
import { growNotification, insertNotification, mutedKinds, notificationMessage, unreadAbout, unreadCount, watch, watchersOf } from '../storage/notifications.ts';
import { sprintAssignees } from '../storage/sprints.ts';
import type { SqlRunner } from '../storage/sql.ts';
import { findUser } from '../storage/users.ts';
import { notificationsFor, type Emitted, type Lookups } from './rules.ts';

export interface Notice {
  userId: string;
  notice: INotificationNotice;
}

export function recordNotifications(db: SqlRunner, actorId: string, now: number, emitted: readonly Emitted[]): Notice[] {
  if (emitted.length === 0) return [];
  const look: Lookups = {
    watchersOf: (id) => watchersOf(db, id),
    peopleOf: (projectId) => membersOf(db, projectId).map((m) => ({ id: m.userId ?? '', name: m.displayName ?? '' })),
    statusName: (id) => findStatus(db, id)?.name ?? '',
    sprintPeople: (id) => sprintAssignees(db, id),
  };
  const { drafts, watches } = notificationsFor(actorId, emitted, look);
  for (const w of watches) watch(db, w.workItemId, w.userId, now);
  const touched = new Map<string, string>();
  for (const d of drafts) {
    const user = findUser(db, d.userId);
    if (!user || effectiveRole(user.tenant_role, memberRole(db, d.projectId, d.userId)) === null) continue;
    if (mutedKinds(db, d.userId).includes(d.kind)) continue;
    const joined = unreadAbout(db, d.userId, d.kind, d.workItemId ?? d.sprintId ?? '');
    if (joined) growNotification(db, joined.id, actorId, d.excerpt, now);
    const id = joined?.id ?? randomUUID();
    if (!joined) {
      insertNotification(db, {
        id, user_id: d.userId, kind: d.kind, project_id: d.projectId, work_item_id: d.workItemId, sprint_id: d.sprintId,
        actor_id: actorId, count: 1, excerpt: d.excerpt, created_at_ms: now, updated_at_ms: now, read_at_ms: null,
      });
    }
    touched.set(id, d.userId);
  }
  return [...touched].map(([id, userId]) => ({ userId, notice: { notification: notificationMessage(db, id), unread: unreadCount(db, userId) } }));
}
