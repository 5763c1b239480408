// One connection per signed-in tab, and the things every page shares around
// it: its status as a signal, one project feed fanned out to whichever board
// watches a project, toasts, and the projects slice. `make*` parts are plain;
// `createLive` owns them and closes the socket when the session ends.
import { createContext, createSignal, onCleanup, useContext, type Accessor } from 'solid-js';
import { SessionContext } from '../auth/session.ts';
import { CLOSE_TOKEN_EXPIRED, makeConnection, makeProjectFeed, type Connection, type ConnectionState, type ProjectFeed, type TokenProvider, type WriteMeta } from '../../../shared/sdk/index.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import type { IEvent } from '../../../shared/proto.ts';
import type { Session } from '../auth/session.ts';
import type { BoardCache } from '../sync/board-cache.ts';
import { makeIdbBoardCache } from '../sync/idb-board-cache.ts';
import { makeIdbOutbox } from '../sync/idb-outbox.ts';
import { createInbox, type InboxSlice } from './inbox.ts';
import { createProjectsSlice, type ProjectsSlice } from './projects.ts';
import { createToasts, type Toasts } from './toasts.ts';
import { makeUndoBook, type UndoBook } from './undo-book.ts';

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

/** Per user and workspace, like the outbox: another account on this browser must never see these. */
const deviceStoreName = (kind: 'outbox' | 'boards', session: Session) => `tandem-${kind}-${session.tenantId}-${session.user.id}`;

/** This page load. Every write is tagged with it, so a reply can tell a write of this page from one an earlier page left in the outbox. */
const PAGE_ID = randomId();

/** True for a write replayed from an earlier page's outbox: no promise on this page waits for its reply. */
export const fromEarlierPage = (meta: WriteMeta | null): boolean => meta !== null && meta['page'] !== PAGE_ID;

/** The connection, with this page's id in the meta of every write it queues. */
function tagWrites(connection: Connection): Connection {
  return {
    get state() {
      return connection.state;
    },
    request: (command, options = {}) => connection.request(command, { ...options, meta: { ...options.meta, page: PAGE_ID } }),
    onState: connection.onState,
    onEvent: connection.onEvent,
    onReply: connection.onReply,
    onServerError: connection.onServerError,
    onNotification: connection.onNotification,
    pending: connection.pending,
    storing: connection.storing,
    reconnectNow: connection.reconnectNow,
    close: connection.close,
  };
}

export function makeTandemConnection(session: Session, options: LiveOptions & { token: TokenProvider }): Connection {
  return tagWrites(makeConnection({
    url: options.url ?? socketUrl(window.location),
    token: options.token,
    WebSocketImpl: WebSocket,
    // Per user and workspace: a shared device must not replay someone else's edits.
    outbox: makeIdbOutbox({ databaseName: deviceStoreName('outbox', session) }),
  }));
}

export interface FeedHandlers {
  onEvent(event: IEvent): void;
  onResync(): void;
  /**
   * The server took the subscription: the events missed since the watch's
   * seq follow this reply on the socket, so from here the board is live.
   */
  onSubscribed?(): void;
}

/** One feed for the connection; each watched project's events go to the board that asked. */
export interface SharedFeed {
  watch(projectId: string, fromSeq: number, handlers: FeedHandlers): () => void;
  /** The seq a watched project's events have been handed on up to (what a saved board is at). */
  lastSeq(projectId: string): number | undefined;
  /** The board cannot apply an event (a partial item it does not hold): its onResync runs, as on RESYNC_REQUIRED. */
  resync(projectId: string): void;
}

export function makeSharedFeed(connection: Connection): SharedFeed & { dispose(): void } {
  const handlers = new Map<string, FeedHandlers>();
  const feed: ProjectFeed = makeProjectFeed(connection, {
    // A title edit then costs its title, not the whole card with its description and ids.
    changedFieldsOnly: true,
    onEvent: (event) => handlers.get(event.projectId ?? '')?.onEvent(event),
    onResync: (projectId) => handlers.get(projectId)?.onResync(),
    onError: (projectId) => handlers.get(projectId)?.onResync(),
  });
  // The feed makes its subscribes' message ids itself; a subscribe's Result names its projects.
  const offReply = connection.onReply((reply) => {
    if (!reply.ok || reply.command !== 'subscribe') return;
    for (const p of reply.result.subscribed?.projects ?? []) handlers.get(p.projectId ?? '')?.onSubscribed?.();
  });
  return {
    lastSeq: (projectId) => feed.lastSeq(projectId),
    resync: (projectId) => feed.resync(projectId),
    watch(projectId, fromSeq, h) {
      handlers.set(projectId, h);
      feed.watch(projectId, fromSeq);
      return () => {
        if (handlers.get(projectId) !== h) return; // a newer watch of the same project took over
        handlers.delete(projectId);
        feed.unwatch(projectId);
      };
    },
    dispose: () => {
      offReply();
      feed.dispose();
    },
  };
}

export interface Live {
  session: Session;
  /** A current token for HTTP calls (the session's token is short-lived); the socket asks the same provider. */
  token: TokenProvider;
  connection: Connection;
  status: Accessor<LinkStatus>;
  /** True while the socket is open: reads (list_projects, get_board) need it. */
  open: Accessor<boolean>;
  /** Writes kept in the outbox and not yet answered (this page's and a previous page's). */
  pendingWrites: Accessor<number>;
  feed: SharedFeed;
  /** The last state of each board opened here, for a reload without a network. */
  boardCache: BoardCache;
  toasts: Toasts;
  /** Each project's undo history: the person's own changes, for Ctrl-Z and Ctrl-Shift-Z on any of its pages. */
  undo: UndoBook;
  projects: ProjectsSlice;
  /** The person's notifications, for the top bar's count and the Inbox. */
  inbox: InboxSlice;
}

export function createLive(session: Session, options: LiveOptions = {}): Live {
  // Absent in the embed, whose host owns signing in and out (and its tokens).
  const signedIn = useContext(SessionContext);
  const endedBy = signedIn?.endedBy;
  // After a 4001 the token ran out or its session was revoked: the next attempt asks for a new one either way.
  let renew = false;
  const token: TokenProvider = options.token ?? (signedIn
    ? async () => {
        const renewing = renew;
        renew = false;
        return signedIn.token({ renew: renewing });
      }
    : async () => session.token);
  const connection = makeTandemConnection(session, { ...options, token });
  const offRenew = connection.onState((s) => {
    if (s.state === 'offline' && s.closeCode === CLOSE_TOKEN_EXPIRED) renew = true;
  });
  const feed = makeSharedFeed(connection);
  const boardCache = makeIdbBoardCache({ databaseName: deviceStoreName('boards', session) });
  const [state, setState] = createSignal<ConnectionState>(connection.state);
  const [browserOnline, setBrowserOnline] = createSignal(navigator.onLine);
  const offState = connection.onState(setState);
  const wentOnline = () => {
    setBrowserOnline(true);
    // Skip the backoff wait: the network is back now.
    connection.reconnectNow();
  };
  const wentOffline = () => setBrowserOnline(false);
  // An edit shows at once but is sent only once the outbox holds it: closing
  // or reloading the page before then would lose it, so the browser asks first.
  const leaving = (event: BeforeUnloadEvent) => {
    if (connection.storing() === 0) return;
    event.preventDefault();
    event.returnValue = '';
  };
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
  window.addEventListener('beforeunload', leaving);
  onCleanup(() => {
    window.removeEventListener('online', wentOnline);
    window.removeEventListener('offline', wentOffline);
    window.removeEventListener('beforeunload', leaving);
    offState();
    offRenew();
    offReplyCount();
    offStateCount();
    clearInterval(pendingTimer);
    feed.dispose();
    connection.close();
    // Logging out leaves no board on the device; a token that merely expired keeps it for the same person's next sign-in.
    if (endedBy?.() === 'logout') boardCache.clear().catch(() => undefined);
  });

  const open = () => state().state === 'open';
  const toasts = createToasts();
  const base = { session, token, connection, status: () => linkStatus(state(), browserOnline()), open, pendingWrites, feed, boardCache, toasts, undo: makeUndoBook() };
  return { ...base, projects: createProjectsSlice(base), inbox: createInbox(base) };
}

export const LiveContext = createContext<Live>();

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive needs a <LiveContext.Provider> above it (RequireSession provides one)');
  return live;
}
