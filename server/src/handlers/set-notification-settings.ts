import { checkNotificationKinds } from '../../../shared/domain/notification-rules.ts';
import type { Commands } from '../commands/parsers.ts';
import { notificationKinds } from '../storage/enums.ts';
import { mutedKinds, notificationsOf, setMutedKinds, unreadCount } from '../storage/notifications.ts';
import type { ResultValue, WriteContext } from './context.ts';

/** The kinds the caller does not want from now on; what they have stays. */
export function setNotificationSettings(ctx: WriteContext, cmd: Commands['setNotificationSettings']): ResultValue {
  const kinds = checkNotificationKinds(cmd.settings.muted);
  const me = ctx.caller.userId;
  setMutedKinds(ctx.db, me, kinds.map(notificationKinds.toName));
  return {
    notifications: {
      notifications: notificationsOf(ctx.db, me, false, 50),
      unread: unreadCount(ctx.db, me),
      settings: { muted: mutedKinds(ctx.db, me).map(notificationKinds.fromName) },
    },
  };
}
