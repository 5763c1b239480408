import { invalidArgument } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import { markRead, mutedKinds, notificationsOf, unreadCount } from '../storage/notifications.ts';
import { notificationKinds } from '../storage/enums.ts';
import type { ResultValue, WriteContext } from './context.ts';

/** Marks the caller's notifications read (ids of others' are passed over); the caller's other tabs hear the new count. */
export function markNotificationsRead(ctx: WriteContext, cmd: Commands['markNotificationsRead']): ResultValue {
  if (!cmd.all && cmd.notificationIds.length === 0) throw invalidArgument('notification_ids', 'Name the notifications to mark read, or all');
  const me = ctx.caller.userId;
  markRead(ctx.db, me, cmd.all ? 'all' : cmd.notificationIds, ctx.now);
  const unread = unreadCount(ctx.db, me);
  ctx.tell(me, { unread });
  return {
    notifications: {
      notifications: notificationsOf(ctx.db, me, false, 50),
      unread,
      settings: { muted: mutedKinds(ctx.db, me).map(notificationKinds.fromName) },
    },
  };
}
