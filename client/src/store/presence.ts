// Who else has a board open. Presence is per socket and never stored: the
// server tells a socket that subscribes who is already there, then sends a
// presence event (seq 0) each time someone arrives, opens an item, or leaves
// (online=false, also when their socket closes); model/presence.ts keeps
// the map of them.
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { ConnectionError } from '../../../shared/sdk/index.ts';
import type { Live } from './live.ts';
import { applyPresence, type Presence, type PresenceMap } from './model/presence.ts';

// What this tab is looking at, per project: re-sent after every reconnect
// (presence belongs to a socket, so a new socket starts with none).
const viewing = new Map<string, string>();
let announce: ((projectId: string) => void) | null = null;

/**
 * Says which item this tab has open in a project ('' for just the board).
 * For the item detail view: call it when the item opens and with '' when it
 * closes. Takes effect while that project's board presence is running.
 */
export function setViewing(projectId: string, itemId: string): void {
  viewing.set(projectId, itemId);
  announce?.(projectId);
}

export interface PresenceSlice {
  /** Everyone else on this board, one entry per session, by name. */
  others: Accessor<Presence[]>;
}

/**
 * Presence on one board. `ready` is true once the board has loaded, which is
 * when the board slice subscribes to the project (set_presence needs it).
 */
export function createPresence(live: Live, projectId: Accessor<string>, ready: Accessor<boolean>): PresenceSlice {
  const [map, setMap] = createSignal<PresenceMap>(new Map());
  let retry: ReturnType<typeof setTimeout> | undefined;

  const send = (id: string, attempt = 0) => {
    clearTimeout(retry);
    if (!id || !live.open() || id !== projectId()) return;
    live.connection.request({ setPresence: { projectId: id, viewingWorkItemId: viewing.get(id) ?? '' } }).catch((err: unknown) => {
      // The subscribe may still be on its way (FAILED_PRECONDITION): try again shortly, a few times.
      if (err instanceof ConnectionError || attempt >= 5) return;
      retry = setTimeout(() => send(id, attempt + 1), 300 * (attempt + 1));
    });
  };

  createEffect(
    on([projectId, ready, live.open], ([id, isReady, open], prev) => {
      // A new socket, or another board: the server re-tells who is there on subscribe.
      if (!open || (prev && prev[0] !== id)) setMap(new Map());
      // After the current turn: the board slice subscribes right after it turns ready,
      // and the subscribe must reach the server first (frames go in order).
      if (id && isReady && open) setTimeout(() => send(id), 0);
    }),
  );

  const mine = (id: string) => send(id);
  announce = mine;
  const off = live.connection.onEvent((event) => {
    if (event.presence && event.projectId === projectId()) setMap((m) => applyPresence(m, event));
  });
  onCleanup(() => {
    off();
    clearTimeout(retry);
    if (announce === mine) announce = null;
  });

  const others = createMemo(() =>
    [...map().values()].sort((a, b) => a.displayName.localeCompare(b.displayName) || a.sessionId.localeCompare(b.sessionId)),
  );
  return { others };
}
