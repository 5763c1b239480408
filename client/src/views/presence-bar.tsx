// The people on this board besides me, as a row of avatars (one per open tab).
// Someone with an item open gets a ring, and the tooltip names the item (its key and title).
import { For, Show, type Accessor } from 'solid-js';
import { createPresence } from '../store/presence.ts';
import type { Live } from '../store/live.ts';
import { initials } from '../ui/initials.ts';
import '../styles/backlog.css';

export function PresenceBar(props: { live: Live; projectId: Accessor<string>; ready: Accessor<boolean>; itemName: (id: string) => string }) {
  const presence = createPresence(props.live, props.projectId, props.ready);
  const title = (name: string, item: string) =>
    item ? `${name} is looking at ${props.itemName(item)}` : `${name} is on this board`;
  return (
    <Show when={presence.others().length > 0}>
      <ul class="presence" aria-label="Also on this board" data-testid="presence-bar">
        <For each={presence.others()}>
          {(p) => (
            <li
              class="avatar presence__avatar"
              classList={{ 'presence__avatar--viewing': !!p.viewingWorkItemId }}
              title={title(p.displayName, p.viewingWorkItemId)}
              data-testid="presence-avatar"
              data-session-id={p.sessionId}
              data-user-id={p.userId}
              data-viewing={p.viewingWorkItemId || undefined}
            >
              {initials(p.displayName)}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
