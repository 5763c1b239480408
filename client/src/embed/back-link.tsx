// The way back to the view the host chose, once the person followed a link
// out of it (a My work row to its board): the embed has no browser Back
// button of its own, since it never touches the host page's history.
import { A, useLocation } from '@solidjs/router';
import { Show } from 'solid-js';
import type { EmbedView } from './views.ts';

const NAMES: Record<EmbedView, string> = {
  board: 'the board',
  backlog: 'the backlog',
  'my-work': 'My work',
  inbox: 'the Inbox',
  item: 'the item',
};

export function BackLink(props: { view: EmbedView; start: string }) {
  const location = useLocation();
  // The board's own item panels, and the backlog's (?item=), are still the chosen view.
  const away = () => location.pathname !== props.start && !location.pathname.startsWith(`${props.start}/`);
  return (
    <Show when={away()}>
      <A href={props.start} class="tandem-embed__back" data-testid="embed-back">
        ← Back to {NAMES[props.view]}
      </A>
    </Show>
  );
}
