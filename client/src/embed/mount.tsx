// The embeddable board: `mountBoard(element, {server, projectKey, getToken})`
// renders one project's live board (the app's own BoardPage and board store)
// into a host page's element. The host's token provider is asked before every
// socket attempt; the token goes out as the `bearer.<JWT>` subprotocol, never
// in a URL and never as a cookie, so the host page's origin needs no
// ALLOWED_ORIGINS entry.
import { MemoryRouter, Route, createMemoryHistory } from '@solidjs/router';
import { Match, Switch, createResource } from 'solid-js';
import { render } from 'solid-js/web';
import type { Session } from '../auth/session.ts';
import { tokenExpiryMs } from '../auth/session.ts';
import { LiveContext, createLive } from '../store/live.ts';
import { ToastStack } from '../ui/toasts.tsx';
import { BoardPage } from '../views/board-page.tsx';
import boardCss from '../styles/board.css?inline';
import shellCss from '../styles/shell.css?inline';
import tokensCss from '../styles/tokens.css?inline';

export interface MountBoardOptions {
  /** The Tandem server's origin (`https://tandem.example.com`); the origin this module was loaded from when omitted. */
  server?: string;
  /** The project's key (`WEB`). */
  projectKey: string;
  /** The host's token provider: a JWT for the current user (standalone login token or host-signed). Asked before every connection attempt. */
  getToken: () => Promise<string>;
}

export interface MountedBoard {
  /** Closes the socket and removes the board from the element. */
  unmount(): void;
}

/** ws(s)://host/ws of a server origin. */
export function socketUrlFor(server: string): string {
  const url = new URL('/ws', server);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

function defaultServer(): string {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return window.location.origin;
  }
}

/** Who the token names, read without verifying (the server verifies): the board needs the user id for roles and the outbox. */
export function sessionFromToken(token: string): Session {
  const payload = token.split('.')[1];
  let claims: Record<string, unknown> = {};
  try {
    claims = JSON.parse(atob((payload ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  } catch {
    throw new Error('The token provider returned something that is not a JWT');
  }
  const sub = claims['sub'];
  const tenantId = claims['tenant_id'];
  if (typeof sub !== 'string' || typeof tenantId !== 'string') throw new Error('The token has no sub or tenant_id claim');
  const name = typeof claims['name'] === 'string' ? claims['name'] : '';
  const email = typeof claims['email'] === 'string' ? claims['email'] : '';
  // The host refreshes its own tokens (getToken is asked before every attempt): this one ends with its exp.
  const expiresAtMs = tokenExpiryMs(token);
  return { user: { id: sub, email, displayName: name || email || sub }, tenantId, workspaceName: null, token, expiresAtMs, endsAtMs: expiresAtMs };
}

const STYLE_ID = 'tandem-board-styles';
/**
 * base.css styles the app's whole document (body, headings), which a host
 * page must keep: only what the board needs from it, scoped, plus hiding the
 * app's navigation (there is one board here, no project list to go back to).
 */
const EMBED_CSS = `
.tandem-embed, .tandem-embed *, .tandem-embed *::before, .tandem-embed *::after { box-sizing: border-box; }
.tandem-embed { padding: var(--space-4, 1rem); line-height: 1.5; font-size: var(--text-md, 0.9375rem); }
.tandem-embed h1, .tandem-embed p { margin: 0; }
.tandem-embed .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.tandem-embed .breadcrumbs, .tandem-embed .project-tabs { display: none; }
`;

function injectStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = [tokensCss, shellCss, boardCss, EMBED_CSS].join('\n');
  doc.head.appendChild(style);
}

function LiveBoard(props: { session: Session; options: MountBoardOptions }) {
  // Read once: a new token provider or server is a new mount.
  const { options } = props;
  const live = createLive(props.session, {
    url: socketUrlFor(options.server ?? defaultServer()),
    token: () => options.getToken(),
  });
  const history = createMemoryHistory();
  history.set({ value: `/p/${encodeURIComponent(options.projectKey)}`, replace: true });
  return (
    <LiveContext.Provider value={live}>
      <MemoryRouter history={history}>
        <Route path="/p/:key" component={BoardPage} />
        <Route
          path="*"
          component={() => (
            <p class="empty-state__text" data-testid="embed-elsewhere">
              This embedded view shows the {options.projectKey} board only.
            </p>
          )}
        />
      </MemoryRouter>
      <ToastStack toasts={live.toasts} />
    </LiveContext.Provider>
  );
}

function Embedded(props: { options: MountBoardOptions }) {
  const [session] = createResource(async () => sessionFromToken(await props.options.getToken()));
  return (
    <div class="tandem-embed" data-testid="tandem-embed" style={{ 'font-family': 'var(--font-sans)', color: 'var(--text)', background: 'var(--bg)' }}>
      <Switch fallback={<p data-testid="embed-loading">Loading the board…</p>}>
        <Match when={session.state === 'errored'}>
          <p role="alert" data-testid="embed-error">
            The board could not start: {String((session.error as Error)?.message ?? session.error)}
          </p>
        </Match>
        <Match when={session.state === 'ready' && session()} keyed>
          {(s) => <LiveBoard session={s} options={props.options} />}
        </Match>
      </Switch>
    </div>
  );
}

export function mountBoard(element: HTMLElement, options: MountBoardOptions): MountedBoard {
  if (!options?.projectKey) throw new Error('mountBoard needs a projectKey');
  if (typeof options.getToken !== 'function') throw new Error('mountBoard needs a getToken() token provider');
  injectStyles(element.ownerDocument);
  const dispose = render(() => <Embedded options={options} />, element);
  return { unmount: dispose };
}
