// "/inbox": the person's notifications, latest change first, in words; the
// unread ones marked. Opening one marks it read and goes to its item (a
// sprint's: the backlog). "Mark all read", and which kinds to receive. The
// list lives on the tab's connection (store/inbox.ts), read on every open.
import { A } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import type { INotification, NotificationKind } from '../../../shared/proto.ts';
import { useLive } from '../store/live.ts';
import { when } from './item-format.ts';
import { NOTIFICATION_KINDS, notificationDetail, notificationHref, notificationSentence } from './notification-words.ts';
import '../styles/inbox.css';

export function InboxPage() {
  const live = useLive();
  const inbox = () => live.inbox.shown();
  const opened = (n: INotification) => {
    if (!n.read && n.id) live.inbox.markRead([n.id]);
  };
  const toggleKind = (kind: NotificationKind) => {
    const muted = inbox().muted;
    live.inbox.setMuted(muted.includes(kind) ? muted.filter((k) => k !== kind) : [...muted, kind]);
  };
  return (
    <div class="page page--inbox">
      <header class="page__header">
        <div>
          <p class="page__eyebrow" data-testid="inbox-unread">
            {inbox().unread === 0 ? 'Nothing unread' : `${inbox().unread} unread`}
          </p>
          <h1 class="page__title">Inbox</h1>
        </div>
        <div class="page__actions">
          <button type="button" class="button" disabled={inbox().unread === 0} onClick={() => live.inbox.markAllRead()} data-testid="inbox-mark-all">
            Mark all read
          </button>
        </div>
      </header>
      <section class="panel inbox" data-testid="inbox" data-state={inbox().loaded ? 'ready' : 'loading'} aria-busy={!inbox().loaded} aria-label="Notifications">
        <Switch>
          <Match when={live.inbox.error()}>
            {(message) => (
              <p class="form-alert" role="alert" data-testid="inbox-alert">
                {message()}
              </p>
            )}
          </Match>
          <Match when={!inbox().loaded && live.status() === 'offline'}>
            <p class="inbox__note" data-testid="inbox-offline">
              Notifications are read from the server: they show once Tandem is back online.
            </p>
          </Match>
          <Match when={!inbox().loaded}>
            <p class="inbox__note">Reading your notifications…</p>
          </Match>
          <Match when={inbox().loaded}>
            <ul class="inbox-list">
              <For
                each={inbox().items}
                fallback={
                  <li class="inbox__note" data-testid="inbox-empty">
                    Nothing yet. When someone mentions you, assigns you an item, or comments on or moves an item you watch, it shows here.
                  </li>
                }
              >
                {(n) => (
                  <li>
                    <A
                      href={notificationHref(n)}
                      class="inbox-entry"
                      classList={{ 'inbox-entry--unread': !n.read }}
                      onClick={() => opened(n)}
                      data-testid="notification"
                      data-notification-id={n.id}
                      data-read={n.read ? 'true' : 'false'}
                    >
                      <span class="inbox-entry__dot" aria-hidden="true" />
                      <span class="inbox-entry__what">
                        <span class="inbox-entry__sentence" data-testid="notification-text">
                          {notificationSentence(n)}
                        </span>
                        <Show when={notificationDetail(n)}>
                          <span class="inbox-entry__detail">{notificationDetail(n)}</span>
                        </Show>
                        <span class="inbox-entry__when">
                          {when(n.updatedAt)}
                          <Show when={!n.read}>
                            <span class="visually-hidden">, unread</span>
                          </Show>
                        </span>
                      </span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>
      <section class="panel inbox-settings" aria-labelledby="inbox-settings-title">
        <h2 id="inbox-settings-title" class="inbox-settings__title">
          Notify me when
        </h2>
        <div class="inbox-settings__kinds" data-testid="inbox-settings">
          <For each={NOTIFICATION_KINDS}>
            {({ kind, label }) => (
              <label class="inbox-settings__kind">
                <input type="checkbox" checked={!inbox().muted.includes(kind)} disabled={!inbox().loaded} onChange={() => toggleKind(kind)} data-testid="notification-kind" data-kind={kind} />
                <span>{label}</span>
              </label>
            )}
          </For>
        </div>
        <p class="inbox__note">Never for what you do yourself. Watching: you watch the items you create, are assigned or comment on, and any you choose with Watch on the item.</p>
      </section>
    </div>
  );
}
