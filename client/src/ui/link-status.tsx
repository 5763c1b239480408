// The connection indicator: online, reconnecting (writes wait in the outbox), offline.
import type { LinkStatus } from '../store/live.ts';

const LABEL: Record<LinkStatus, string> = { online: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };
const HINT: Record<LinkStatus, string> = {
  online: 'Changes from your team appear as they happen.',
  reconnecting: 'Trying to reach Tandem. Your changes are kept and sent when the connection is back.',
  offline: 'No connection. Your changes are kept on this device and sent when you are back online.',
};

export function LinkIndicator(props: { status: LinkStatus }) {
  return (
    <span class={`link-status link-status--${props.status}`} title={HINT[props.status]} data-testid="link-status" data-status={props.status}>
      <span class="link-status__dot" aria-hidden="true" />
      {LABEL[props.status]}
    </span>
  );
}
