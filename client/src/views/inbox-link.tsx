// The top bar's way to the Inbox, with the person's unread count, which moves
// as notices arrive (store/inbox.ts). Kept at phone width, where the top
// bar's other links give way.
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useLive } from '../store/live.ts';
import '../styles/inbox.css';

export function InboxLink() {
  const live = useLive();
  const unread = () => live.inbox.shown().unread;
  return (
    <A href="/inbox" class="inbox-link" activeClass="inbox-link--active" data-testid="inbox-link" data-state={live.inbox.shown().loaded ? 'ready' : 'loading'} data-unread={unread()}>
      <svg class="inbox-link__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <path d="M10 2.5a5 5 0 0 0-5 5v3.2L3.5 13.5h13L15 10.7V7.5a5 5 0 0 0-5-5Zm-2 13a2 2 0 0 0 4 0" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
      </svg>
      <span class="inbox-link__text">Inbox</span>
      <Show when={unread() > 0}>
        {/* Said as "Inbox 3 unread": a space between the words, which the flex row does not show. */}
        {' '}
        <span class="inbox-link__count" data-testid="unread-count">
          {unread() > 99 ? '99+' : unread()}
        </span>
        <span class="visually-hidden"> unread</span>
      </Show>
    </A>
  );
}
