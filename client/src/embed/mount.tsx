// The embeddable app: `mountBoard(element, {server, view, projectKey | item,
// getToken})` renders one of the app's views (the board with its item panel,
// the backlog with its sprints, My work, the Inbox, or one item alone) with
// the app's own pages and stores into a host page's element. Links between
// views move the embed's own router, never the host page's URL. The host's
// token provider is asked before every socket attempt; the token goes out as
// the `bearer.<JWT>` subprotocol, never in a URL and never as a cookie, so the
// host page's origin needs no ALLOWED_ORIGINS entry.
import { Route, type RouteSectionProps } from '@solidjs/router';
import { Match, Switch, createResource } from 'solid-js';
import { render } from 'solid-js/web';
import type { Session } from '../auth/session.ts';
import { tokenExpiryMs } from '../auth/session.ts';
import { LiveContext, createLive } from '../store/live.ts';
import { ToastStack } from '../ui/toasts.tsx';
import { BacklogPage } from '../views/backlog-page.tsx';
import { BoardPage } from '../views/board-page.tsx';
import { InboxPage } from '../views/inbox-page.tsx';
import { ItemPanel } from '../views/item-panel.tsx';
import { MyWorkPage } from '../views/my-work-page.tsx';
import { BackLink } from './back-link.tsx';
import { injectEmbedStyles, themeFor, type EmbedTheme } from './embed-styles.ts';
import { ItemAlonePage } from './item-alone.tsx';
import { ScopedMemoryRouter } from './scoped-router.tsx';
import { parseEmbedView, startPath, type EmbedView } from './views.ts';

export interface MountBoardOptions {
  /** The Tandem server's origin (`https://tandem.example.com`); the origin this module was loaded from when omitted. */
  server?: string;
  /** What the embed opens on: `board` (the default), `backlog`, `my-work`, `inbox` or `item`. */
  view?: EmbedView;
  /** The project's key (`WEB`): needed by `board` and `backlog`. */
  projectKey?: string;
  /** The item `view: 'item'` shows: `WEB-12`. */
  item?: string;
  /** `light` or `dark`; the host element's `color-scheme` when omitted. */
  theme?: EmbedTheme;
  /** Hears the embed's own path after each move inside it (`/p/WEB/item/12`), for a host that wants to keep it in its URL. */
  onNavigate?(path: string): void;
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

/** Every view's route, so links between them stay in the embed; one session, one socket. */
function LiveEmbed(props: { session: Session; options: MountBoardOptions; root: HTMLElement; view: EmbedView; start: string }) {
  // Read once: a new token provider, server or view is a new mount.
  const { options, view, start } = props;
  const live = createLive(props.session, {
    url: socketUrlFor(options.server ?? defaultServer()),
    token: () => options.getToken(),
  });
  const Layout = (section: RouteSectionProps) => (
    <>
      <BackLink view={view} start={start} />
      {section.children}
    </>
  );
  return (
    <LiveContext.Provider value={live}>
      <ScopedMemoryRouter root={props.root} start={start} layout={Layout} onNavigate={(path) => options.onNavigate?.(path)}>
        <Route path="/p/:key" component={BoardPage}>
          <Route path="/" />
          <Route path="/item/:number" component={ItemPanel} />
        </Route>
        <Route path="/p/:key/backlog" component={BacklogPage} />
        <Route path="/my-work" component={MyWorkPage} />
        <Route path="/inbox" component={InboxPage} />
        <Route path="/item/:key/:number" component={ItemAlonePage} />
        <Route
          path="*"
          component={() => (
            <p class="empty-state__text" data-testid="embed-elsewhere">
              This page of Tandem is not part of the embed.
            </p>
          )}
        />
      </ScopedMemoryRouter>
      <ToastStack toasts={live.toasts} />
    </LiveContext.Provider>
  );
}

function Embedded(props: { options: MountBoardOptions; root: HTMLElement; view: EmbedView; start: string }) {
  const [session] = createResource(async () => sessionFromToken(await props.options.getToken()));
  return (
    <div class="tandem-embed" data-testid="tandem-embed" data-view={props.view} data-theme={themeFor(props.root, props.options.theme)} style={{ 'color-scheme': themeFor(props.root, props.options.theme) }}>
      <Switch fallback={<p data-testid="embed-loading">Loading…</p>}>
        <Match when={session.state === 'errored'}>
          <p role="alert" data-testid="embed-error">
            Tandem could not start: {String((session.error as Error)?.message ?? session.error)}
          </p>
        </Match>
        <Match when={session.state === 'ready' && session()} keyed>
          {(s) => <LiveEmbed session={s} options={props.options} root={props.root} view={props.view} start={props.start} />}
        </Match>
      </Switch>
    </div>
  );
}

export function mountBoard(element: HTMLElement, options: MountBoardOptions): MountedBoard {
  if (typeof options?.getToken !== 'function') throw new Error('mountBoard needs a getToken() token provider');
  const view = parseEmbedView(options.view);
  // Before anything is drawn: a view without its project or item is the host's mistake, thrown where it called.
  const start = startPath({ view, projectKey: options.projectKey, item: options.item });
  injectEmbedStyles(element.ownerDocument);
  const dispose = render(() => <Embedded options={options} root={element} view={view} start={start} />, element);
  return { unmount: dispose };
}
