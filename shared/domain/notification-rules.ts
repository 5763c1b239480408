// What a notification request may ask (docs/PROTOCOL.md §5, v10).
import { NotificationKind } from '../proto.ts';
import { invalidArgument } from './errors.ts';

export const NOTIFICATION_LIMITS = { listDefault: 50, listMax: 100, idsMax: 100 } as const;

export function checkNotificationLimit(limit: number): number {
  if (limit === 0) return NOTIFICATION_LIMITS.listDefault;
  if (!Number.isInteger(limit) || limit < 1 || limit > NOTIFICATION_LIMITS.listMax) {
    throw invalidArgument('limit', `A list holds 1 to ${NOTIFICATION_LIMITS.listMax} notifications`);
  }
  return limit;
}

export function checkNotificationKinds(kinds: readonly number[]): NotificationKind[] {
  for (const kind of kinds) {
    if (kind === NotificationKind.NOTIFICATION_KIND_UNSPECIFIED || !Object.values(NotificationKind).includes(kind)) {
      throw invalidArgument('settings', 'muted must list known notification kinds');
    }
  }
  return [...new Set(kinds)] as NotificationKind[];
}
