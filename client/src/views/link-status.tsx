// The connection indicator: online, reconnecting (writes wait in the outbox),
// offline; and whether the board below is a copy saved on this device rather
// than the server's (a reload without a network), so a stale board is never
// taken for a live one.
import { Show, useContext } from 'solid-js';
import { BoardContext } from '../store/board.ts';
import { LiveContext, type LinkStatus } from '../store/live.ts';

const LABEL: Record<LinkStatus, string> = { online: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };
const HINT: Record<LinkStatus, string> = {
  online: 'Changes from your team appear as they happen.',
  reconnecting: 'Trying to reach Tandem. Your changes are kept and sent when the connection is back.',
  offline: 'No connection. Your changes are kept on this device and sent when you are back online.',
};

const savedAtWords = (at: number) =>
  new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/**
 * `pending` defaults to the live connection's unsent writes, and `savedCopyAt`
 * to the board's saved copy, when there is a connection or a board above.
 */
export function LinkIndicator(props: { status: LinkStatus; pending?: number; savedCopyAt?: number | null }) {
  const live = useContext(LiveContext);
  const board = useContext(BoardContext);
  const pending = () => props.pending ?? live?.pendingWrites() ?? 0;
  const savedAt = () => (props.savedCopyAt !== undefined ? props.savedCopyAt : board?.savedCopyAt() ?? null);
  const hint = () => {
    const at = savedAt();
    return at === null ? HINT[props.status] : `${HINT[props.status]} The board shown is the copy saved on this device on ${savedAtWords(at)}; it updates once Tandem is reachable.`;
  };
  return (
    <span
      class={`link-status link-status--${props.status}`}
      classList={{ 'link-status--saved': savedAt() !== null }}
      title={hint()}
      data-testid="link-status"
      data-status={props.status}
      data-pending-writes={pending()}
      data-saved-copy={savedAt() !== null ? 'true' : undefined}
    >
      <span class="link-status__dot" aria-hidden="true" />
      {LABEL[props.status]}
      <Show when={savedAt() !== null}>
        <span class="link-status__saved" data-testid="saved-copy">
          {' · '}showing saved copy
        </span>
      </Show>
      <Show when={pending() > 0}>
        <span class="link-status__pending" data-testid="pending-writes">
          {' · '}
          {pending() === 1 ? '1 change waiting' : `${pending()} changes waiting`}
        </span>
      </Show>
    </span>
  );
}
