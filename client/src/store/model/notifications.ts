// A person's inbox as the server has it, with the read marks and settings
// they sent that are not answered yet laid over it. list_notifications (on
// every connect) and the replies to marks and settings replace what is
// held; a notice puts its notification on top (a grown one replaces its
// older copy) and always brings the unread count. No Solid, no DOM, no I/O.
import type { INotification, INotificationNotice, IResult, NotificationKind } from '../../../../shared/proto.ts';

export type NotificationList = NonNullable<IResult['notifications']>;

/** A mark the person sent, by the write's message id, until its reply. */
export type PendingOp =
  /** Each id read up to the change it was marked at (a later change is news the mark did not cover). */
  | { kind: 'read'; messageId: string; upTo: ReadonlyMap<string, number> }
  /** Everything changed up to `upTo` read, whether held here or older than the list. */
  | { kind: 'read-all'; messageId: string; upTo: number }
  | { kind: 'settings'; messageId: string; muted: readonly NotificationKind[] };

export interface Inbox {
  /** False until the first list arrives. */
  loaded: boolean;
  /** Latest change first. */
  items: readonly INotification[];
  unread: number;
  muted: readonly NotificationKind[];
  pending: readonly PendingOp[];
}

export const EMPTY_INBOX: Inbox = { loaded: false, items: [], unread: 0, muted: [], pending: [] };

const changedAt = (n: INotification) => Number(n.updatedAt ?? 0);
const latestFirst = (a: INotification, b: INotification) => changedAt(b) - changedAt(a);

/** A list_notifications answer, or the list a mark or settings reply carries. */
export function listed(inbox: Inbox, list: NotificationList): Inbox {
  return {
    ...inbox,
    loaded: true,
    items: [...(list.notifications ?? [])].sort(latestFirst),
    unread: list.unread ?? 0,
    muted: [...(list.settings?.muted ?? [])],
  };
}

/** A notice: a notification made or grown (kept once, by id, its latest copy), or only the count (a mark from another tab). */
export function noticed(inbox: Inbox, notice: INotificationNotice): Inbox {
  const unread = notice.unread ?? 0;
  const next = notice.notification;
  if (!next?.id) return { ...inbox, unread };
  const held = inbox.items.find((n) => n.id === next.id);
  // A copy that overtook this one (another instance's notice arrives late) is newer.
  if (held && (changedAt(held) > changedAt(next) || (changedAt(held) === changedAt(next) && (held.count ?? 0) > (next.count ?? 0)))) return { ...inbox, unread };
  return { ...inbox, unread, items: [next, ...inbox.items.filter((n) => n.id !== next.id)].sort(latestFirst) };
}

/** The person marked these read (their unread ones among `ids`), sent as `messageId`. */
export function markingRead(inbox: Inbox, messageId: string, ids: readonly string[]): Inbox {
  const upTo = new Map(inbox.items.filter((n) => ids.includes(n.id ?? '')).map((n) => [n.id ?? '', changedAt(n)]));
  return { ...inbox, pending: [...inbox.pending, { kind: 'read', messageId, upTo }] };
}

/** "Mark all read", sent as `messageId`: what has happened so far, not what arrives after. */
export function markingAllRead(inbox: Inbox, messageId: string): Inbox {
  const upTo = Math.max(0, ...inbox.items.map(changedAt));
  return { ...inbox, pending: [...inbox.pending, { kind: 'read-all', messageId, upTo }] };
}

export function settingMuted(inbox: Inbox, messageId: string, muted: readonly NotificationKind[]): Inbox {
  return { ...inbox, pending: [...inbox.pending, { kind: 'settings', messageId, muted }] };
}

/** The reply to a mark or settings write: its op goes, and a list it carries is the server's state. A refusal brings no list. */
export function settled(inbox: Inbox, messageId: string, list: NotificationList | null): Inbox {
  const pending = inbox.pending.filter((op) => op.messageId !== messageId);
  if (pending.length === inbox.pending.length && !list) return inbox;
  return list ? listed({ ...inbox, pending }, list) : { ...inbox, pending };
}

function markedByOps(n: INotification, ops: readonly PendingOp[]): boolean {
  const at = changedAt(n);
  return ops.some((op) => (op.kind === 'read' ? (op.upTo.get(n.id ?? '') ?? -1) >= at : op.kind === 'read-all' && op.upTo >= at));
}

/** What the page shows: the held inbox with the marks and settings still on their way. */
export function shownInbox(inbox: Inbox): Pick<Inbox, 'loaded' | 'items' | 'unread' | 'muted'> {
  const ops = inbox.pending;
  const settings = ops.filter((op) => op.kind === 'settings').at(-1);
  const muted = settings ? settings.muted : inbox.muted;
  if (!ops.some((op) => op.kind !== 'settings')) return { loaded: inbox.loaded, items: inbox.items, unread: inbox.unread, muted };
  const items = inbox.items.map((n) => (!n.read && markedByOps(n, ops) ? { ...n, read: true } : n));
  const stillUnread = items.filter((n) => !n.read).length;
  // Marking all covers the unread ones older than the list holds too; otherwise those stay counted.
  const unread = ops.some((op) => op.kind === 'read-all')
    ? stillUnread
    : Math.max(0, inbox.unread - items.filter((n, i) => n.read && !inbox.items[i]!.read).length);
  return { loaded: inbox.loaded, items, unread, muted };
}
