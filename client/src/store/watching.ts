// Whether the person watches the open item (comments on it and its status
// changes then reach their inbox), and the toggle. Only a get_work_item reply
// says so; the panel's description load asks for one when the card lacks its
// description, so this asks only when that one will not. Commenting and being
// made the assignee start watching on the server by themselves, and are
// followed here from the replies and the item.
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { Card } from './model/items.ts';
import type { Live } from './live.ts';
import { plainError } from './model/plain-error.ts';

export interface Watching {
  /** null until known. */
  watching: Accessor<boolean | null>;
  toggle(): void;
}

/**
 * What this tab has learned of its person's watching, by item: reopening an
 * item shows it at once instead of fetching the whole item (its description
 * too) again. Another device's change shows after a reload.
 */
const learned = new Map<string, boolean>();

export function createWatching(live: Live, item: Accessor<Card>): Watching {
  const [watching, setKnown] = createSignal<boolean | null>(null);
  const id = () => item().id;
  const me = live.session.user.id;
  const key = (itemId: string) => `${live.session.tenantId}/${me}/${itemId}`;
  const setWatching = (value: boolean, itemId = id()) => {
    learned.set(key(itemId), value);
    if (itemId === id()) setKnown(value);
  };

  createEffect(
    on([id, live.open], ([itemId, open]) => {
      const known = learned.get(key(itemId));
      setKnown(known ?? null);
      if (known === undefined && open && !item().descriptionOmitted) live.connection.request({ getWorkItem: { workItemId: itemId } }).catch(() => undefined);
    }),
  );
  createEffect(
    on(
      () => item().assigneeId,
      (assignee, before) => assignee === me && assignee !== before && setWatching(true),
      { defer: true },
    ),
  );

  const offReply = live.connection.onReply((reply) => {
    if (!reply.ok) return;
    const r = reply.result;
    if (reply.command === 'getWorkItem' && r.workItem?.id === id()) setWatching(r.workItem.watching === true);
    else if (reply.command === 'addComment' && r.comment?.workItemId === id()) setWatching(true);
    else if ((reply.command === 'watchWorkItem' || reply.command === 'unwatchWorkItem') && r.watch?.workItemId === id()) setWatching(r.watch.watching === true);
  });
  onCleanup(offReply);

  return {
    watching,
    toggle() {
      const before = watching();
      if (before === null) return;
      const workItemId = id();
      setWatching(!before);
      live.connection.request(before ? { unwatchWorkItem: { workItemId } } : { watchWorkItem: { workItemId } }).catch((err: unknown) => {
        setWatching(before, workItemId);
        live.toasts.show(plainError(before ? 'stop watching the item' : 'watch the item', err));
      });
    },
  };
}
