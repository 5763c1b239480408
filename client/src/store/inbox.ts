// The person's inbox for the whole tab (the top bar's count, the Inbox page):
// list_notifications each time the socket opens, so whatever happened while
// away is there; the notices the socket brings as they happen; read marks
// and settings shown at once and sent as writes (model/notifications.ts lays
// them over the list until their replies). Nothing is polled.
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { NotificationKind } from '../../../shared/proto.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import { ConnectionError, type Command, type Connection } from '../../../shared/sdk/index.ts';
import { EMPTY_INBOX, listed, markingAllRead, markingRead, noticed, settingMuted, settled, shownInbox, type Inbox } from './model/notifications.ts';
import { plainError } from './model/plain-error.ts';
import type { Toasts } from './toasts.ts';

export interface InboxSlice {
  /** The inbox as shown: marks still on their way already applied. */
  shown: Accessor<ReturnType<typeof shownInbox>>;
  /** Why the list could not be read ('' when it could). */
  error: Accessor<string>;
  markRead(ids: readonly string[]): void;
  markAllRead(): void;
  setMuted(muted: readonly NotificationKind[]): void;
}

/** As many as one list_notifications answers (its own default). */
const LIST_LIMIT = 50;

export function createInbox(live: { connection: Connection; open: Accessor<boolean>; toasts: Toasts }): InboxSlice {
  const [inbox, setInbox] = createSignal<Inbox>(EMPTY_INBOX);
  const [error, setError] = createSignal('');
  /** Bumped per read: an older answer must not replace a newer one. */
  let generation = 0;

  const load = () => {
    if (!live.open()) return;
    const mine = ++generation;
    live.connection.request({ listNotifications: { limit: LIST_LIMIT } }).then(
      (result) => {
        if (mine !== generation || !result.notifications) return;
        setError('');
        setInbox((held) => listed(held, result.notifications!));
      },
      (err: unknown) => {
        // A socket that closed mid-read reads again on the next open.
        if (mine === generation && !(err instanceof ConnectionError)) setError(plainError('read your notifications', err));
      },
    );
  };
  createEffect(on(live.open, (open) => open && load()));

  const offNotice = live.connection.onNotification((notice) => {
    setInbox((held) => noticed(held, notice));
    // A count alone is another tab's read mark: which ones it marked, only the list says.
    if (!notice.notification) load();
  });
  // Replies to this page's marks and to those an earlier page left in the outbox alike.
  const offReply = live.connection.onReply((reply) => {
    if (reply.command !== 'markNotificationsRead' && reply.command !== 'setNotificationSettings') return;
    setInbox((held) => settled(held, reply.messageId, reply.ok ? (reply.result.notifications ?? null) : null));
    if (!reply.ok) live.toasts.show(plainError(reply.command === 'setNotificationSettings' ? 'save your notification settings' : 'mark notifications read', reply.error));
  });
  onCleanup(() => {
    offNotice();
    offReply();
  });

  const send = (command: Command, op: (held: Inbox, messageId: string) => Inbox) => {
    const messageId = randomId();
    setInbox((held) => op(held, messageId));
    // The outcome arrives through onReply above, after a reconnect too.
    live.connection.request(command, { messageId }).catch(() => undefined);
  };

  return {
    shown: createMemo(() => shownInbox(inbox())),
    error,
    markRead(ids) {
      if (ids.length) send({ markNotificationsRead: { notificationIds: [...ids] } }, (held, id) => markingRead(held, id, ids));
    },
    markAllRead: () => send({ markNotificationsRead: { all: true } }, markingAllRead),
    setMuted: (muted) => send({ setNotificationSettings: { settings: { muted: [...muted] } } }, (held, id) => settingMuted(held, id, muted)),
  };
}
