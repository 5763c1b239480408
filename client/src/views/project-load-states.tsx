// A project page's body by the state of its board: a skeleton while it
// loads, a clear word when the project is not there (a wrong key, or not a
// member) or could not be loaded, the page's own content when ready.
import { A } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import type { BoardLoad } from '../store/board.ts';

export function ProjectBody(props: {
  load: BoardLoad;
  projectKey: string;
  /** "board", "backlog", "members": what could not be loaded. */
  what: string;
  errorTestId: string;
  skeleton: JSX.Element;
  children: JSX.Element;
}) {
  return (
    <Switch>
      <Match when={props.load.state === 'loading'}>{props.skeleton}</Match>
      <Match when={props.load.state === 'missing'}>
        <div class="panel empty-state" data-testid="board-missing">
          <p class="empty-state__title">There is no project {props.projectKey} here</p>
          <p class="empty-state__text">
            It may have another key, or you are not a member of it yet. Go back to <A href="/">your projects</A>.
          </p>
        </div>
      </Match>
      <Match when={props.load.state === 'error'}>
        <div class="panel empty-state" data-testid={props.errorTestId}>
          <p class="empty-state__title">The {props.what} could not be loaded</p>
          <p class="empty-state__text">{(props.load as { message?: string }).message}</p>
        </div>
      </Match>
      <Match when={props.load.state === 'ready'}>{props.children}</Match>
    </Switch>
  );
}
