// The item panel's Watch / Unwatch button (store/watching.ts). Viewers may
// watch too; an item not yet created on the server has nothing to watch.
import { Show } from 'solid-js';
import { useLive } from '../store/live.ts';
import type { Card } from '../store/model/items.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { createWatching } from '../store/watching.ts';

export function WatchToggle(props: { item: Card }) {
  return (
    <Show when={!isLocal(props.item)}>
      <WatchButton item={props.item} />
    </Show>
  );
}

function WatchButton(props: { item: Card }) {
  const state = createWatching(useLive(), () => props.item);
  return (
    <button
      type="button"
      class="button button--ghost"
      disabled={state.watching() === null}
      title={state.watching() ? 'You hear of its comments and status changes in your inbox' : 'Hear of its comments and status changes in your inbox'}
      data-testid="item-watch"
      data-watching={state.watching() === null ? undefined : String(state.watching())}
      onClick={state.toggle}
    >
      {state.watching() ? 'Unwatch' : 'Watch'}
    </button>
  );
}
