// The connection indicator: online, reconnecting (writes wait in the outbox), offline.
import { Show, useContext } from 'solid-js';
import { LiveContext, type LinkStatus } from '../store/live.ts';

const LABEL: Record<LinkStatus, string> = { online: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };
const HINT: Record<LinkStatus, string> = {
  online: 'Changes from your team appear as they happen.',
  reconnecting: 'Trying to reach Tandem. Your changes are kept and sent when the connection is back.',
  offline: 'No connection. Your changes are kept on this device and sent when you are back online.',
};

/** `pending` defaults to the live connection's unsent writes, when there is one above. */
export function LinkIndicator(props: { status: LinkStatus; pending?: number }) {
  const live = useContext(LiveContext);
  const pending = () => props.pending ?? live?.pendingWrites() ?? 0;
  return (
    <span
      class={`link-status link-status--${props.status}`}
      title={HINT[props.status]}
      data-testid="link-status"
      data-status={props.status}
      data-pending-writes={pending()}
    >
      <span class="link-status__dot" aria-hidden="true" />
      {LABEL[props.status]}
      <Show when={pending() > 0}>
        <span class="link-status__pending" data-testid="pending-writes">
          {' · '}
          {pending() === 1 ? '1 change waiting' : `${pending()} changes waiting`}
        </span>
      </Show>
    </span>
  );
}
