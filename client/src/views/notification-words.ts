// A notification in words ("Ada Lovelace mentioned you on WEB-12 Checkout
// copy"), where it leads, and the kinds as the settings name them. DOM-free.
import { NotificationKind, type INotification } from '../../../shared/proto.ts';
import { itemPath } from '../store/model/palette.ts';

/** Every kind a person can turn off, in the order the settings list them, with what the setting says. */
export const NOTIFICATION_KINDS: readonly { kind: NotificationKind; label: string }[] = [
  { kind: NotificationKind.NOTIFICATION_KIND_MENTIONED, label: 'Someone mentions me' },
  { kind: NotificationKind.NOTIFICATION_KIND_ASSIGNED, label: 'I am assigned an item' },
  { kind: NotificationKind.NOTIFICATION_KIND_COMMENTED, label: 'Someone comments on an item I watch' },
  { kind: NotificationKind.NOTIFICATION_KIND_STATUS_CHANGED, label: 'An item I watch changes status' },
  { kind: NotificationKind.NOTIFICATION_KIND_SPRINT_STARTED, label: 'A sprint I have items in starts' },
  { kind: NotificationKind.NOTIFICATION_KIND_SPRINT_COMPLETED, label: 'A sprint I have items in is completed' },
];

const more = (count: number) => (count > 1 ? ` and ${count - 1} more ${count === 2 ? 'change' : 'changes'}` : '');

export function notificationSentence(n: INotification): string {
  const who = n.actorName || 'Someone';
  const item = [n.workItemKey, n.title].filter(Boolean).join(' ');
  const sprint = `${n.title || 'a sprint'}${n.projectKey ? ` in ${n.projectKey}` : ''}`;
  const what = (() => {
    switch (n.kind) {
      case NotificationKind.NOTIFICATION_KIND_MENTIONED:
        return `mentioned you on ${item}`;
      case NotificationKind.NOTIFICATION_KIND_ASSIGNED:
        return `assigned you ${item}`;
      case NotificationKind.NOTIFICATION_KIND_COMMENTED:
        return `commented on ${item}`;
      case NotificationKind.NOTIFICATION_KIND_STATUS_CHANGED:
        return n.excerpt ? `moved ${item} to ${n.excerpt}` : `changed the status of ${item}`;
      case NotificationKind.NOTIFICATION_KIND_SPRINT_STARTED:
        return `started ${sprint}`;
      case NotificationKind.NOTIFICATION_KIND_SPRINT_COMPLETED:
        return `completed ${sprint}`;
      default:
        return `changed ${item || sprint}`;
    }
  })();
  return `${who} ${what}${more(n.count ?? 1)}`;
}

/** The words under the sentence: a comment's start or a sprint's goal. A status is in the sentence already, and a mention in a description has the item's title, which is too. */
export function notificationDetail(n: INotification): string {
  if (n.kind === NotificationKind.NOTIFICATION_KIND_STATUS_CHANGED || n.excerpt === n.title) return '';
  return n.excerpt ?? '';
}

/** The item it is about, open on its board; a sprint's on its project's backlog. */
export function notificationHref(n: INotification): string {
  if (n.workItemKey) return itemPath({ key: n.workItemKey, projectKey: n.projectKey });
  return `/p/${n.projectKey}/backlog`;
}
