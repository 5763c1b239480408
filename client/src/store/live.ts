// One connection per signed-in tab, and the things every page shares around
// it: its status as a signal, one project feed fanned out to whichever board
// watches a project, toasts, and the projects slice. `make*` parts are plain;
// `createLive` owns them and closes the socket when the session ends.
import { createContext, createSignal, onCleanup, useContext, type Accessor } from 'solid-js';
import { makeConnection, makeProjectFeed, type Connection, type ConnectionState, type ProjectFeed, type TokenProvider } from '../../../shared/sdk/index.ts';
import type { IEvent } from '../../../shared/proto.ts';
import type { Session } from '../auth/session.ts';
import { makeIdbOutbox } from '../sync/idb-outbox.ts';
import { createProjectsSlice, type ProjectsSlice } from './projects.ts';
import { createToasts, type Toasts } from './toasts.ts';

export type LinkStatus = 'online' | 'reconnecting' | 'offline';

/**
 * What the indicator says. A first attempt in progress counts as
 * reconnecting, not offline: the page has just opened and there is nothing to
 * worry about yet. The browser saying it has no network wins over everything.
 */
export function linkStatus(state: ConnectionState, browserOnline: boolean): LinkStatus {
  if (!browserOnline) return 'offline';
  switch (state.state) {
    case 'open':
      return 'online';
    case 'connecting':
      return state.attempt < 3 ? 'reconnecting' : 'offline';
    case 'offline':
      return state.attempt < 3 ? 'reconnecting' : 'offline';
    case 'closed':
      return 'offline';
  }
}

export function socketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

/** Where the socket goes and who vouches for it: the page's own server and session unless an embedding host says otherwise. */
export interface LiveOptions {
  /** ws:// or wss:// URL of the server's /ws (the embed passes the host's Tandem server). */
  url?: string;
  /** Asked before every attempt (the embed's host token provider). */
  token?: TokenProvider;
}

export function makeTandemConnection(session: Session, options: LiveOptions = {}): Connection {
  return makeConnection({
    url: options.url ?? socketUrl(window.location),
    // Read at every attempt: the session object is replaced when the person signs in again.
    token: options.token ?? (async () => session.token),
    WebSocketImpl: WebSocket,
    // Per user and workspace: a shared device must not replay someone else's edits.
    outbox: makeIdbOutbox({ databaseName: `tandem-outbox-${session.tenantId}-${session.user.id}` }),
  });
}

export interface FeedHandlers {
  onEvent(event: IEvent): void;
  onResync(): void;
}

/** One feed for the connection; each watched project's events go to the board that asked. */
export interface SharedFeed {
  watch(projectId: string, fromSeq: number, handlers: FeedHandlers): () => void;
}

export function makeSharedFeed(connection: Connection): SharedFeed & { dispose(): void } {
  const handlers = new Map<string, FeedHandlers>();
  const feed: ProjectFeed = makeProjectFeed(connection, {
    onEvent: (event) => handlers.get(event.projectId ?? '')?.onEvent(event),
    onResync: (projectId) => handlers.get(projectId)?.onResync(),
    onError: (projectId) => handlers.get(projectId)?.onResync(),
  });
  return {
    watch(projectId, fromSeq, h) {
      handlers.set(projectId, h);
      feed.watch(projectId, fromSeq);
      return () => {
        if (handlers.get(projectId) !== h) return; // a newer watch of the same project took over
        handlers.delete(projectId);
        feed.unwatch(projectId);
      };
    },
    dispose: () => feed.dispose(),
  };
}

export interface Live {
  session: Session;
  connection: Connection;
  status: Accessor<LinkStatus>;
  /** True while the socket is open: reads (list_projects, get_board) need it. */
  open: Accessor<boolean>;
  /** Writes kept in the outbox and not yet answered (this page's and a previous page's). */
  pendingWrites: Accessor<number>;
  feed: SharedFeed;
  toasts: Toasts;
  projects: ProjectsSlice;
}

export function createLive(session: Session, options: LiveOptions = {}): Live {
  const connection = makeTandemConnection(session, options);
  const feed = makeSharedFeed(connection);
  const [state, setState] = createSignal<ConnectionState>(connection.state);
  const [browserOnline, setBrowserOnline] = createSignal(navigator.onLine);
  const offState = connection.onState(setState);
  const wentOnline = () => {
    setBrowserOnline(true);
    // Skip the backoff wait: the network is back now.
    connection.reconnectNow();
  };
  const wentOffline = () => setBrowserOnline(false);
  // The connection has no event for its queue; a cheap poll (and every reply
  // and state change) keeps the count honest, including the outbox a previous
  // page left, which loads asynchronously.
  const [pendingWrites, setPendingWrites] = createSignal(0);
  const countPending = () => setPendingWrites(connection.pending().length);
  const offReplyCount = connection.onReply(() => queueMicrotask(countPending));
  const offStateCount = connection.onState(countPending);
  const pendingTimer = setInterval(countPending, 500);
  window.addEventListener('online', wentOnline);
  window.addEventListener('offline', wentOffline);
  onCleanup(() => {
    window.removeEventListener('online', wentOnline);
    window.removeEventListener('offline', wentOffline);
    offState();
    offReplyCount();
    offStateCount();
    clearInterval(pendingTimer);
    feed.dispose();
    connection.close();
  });

  const open = () => state().state === 'open';
  const toasts = createToasts();
  const base = { session, connection, status: () => linkStatus(state(), browserOnline()), open, pendingWrites, feed, toasts };
  return { ...base, projects: createProjectsSlice(base) };
}

export const LiveContext = createContext<Live>();

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive needs a <LiveContext.Provider> above it (RequireSession provides one)');
  return live;
}
