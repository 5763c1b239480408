import { checkNotificationLimit } from '../../../shared/domain/notification-rules.ts';
import type { Commands } from '../commands/parsers.ts';
import { notificationKinds } from '../storage/enums.ts';
import { mutedKinds, notificationsOf, unreadCount } from '../storage/notifications.ts';
import type { ReadContext, ResultValue } from './context.ts';

/** The caller's own inbox: nobody reads another's. */
export function listNotifications(ctx: ReadContext, cmd: Commands['listNotifications']): ResultValue {
  const limit = checkNotificationLimit(cmd.limit);
  return ctx.db.readTransaction(() => ({
    notifications: {
      notifications: notificationsOf(ctx.db, ctx.caller.userId, cmd.unreadOnly, limit),
      unread: unreadCount(ctx.db, ctx.caller.userId),
      settings: { muted: mutedKinds(ctx.db, ctx.caller.userId).map(notificationKinds.fromName) },
    },
  }));
}
