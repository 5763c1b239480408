// Who is signed in: {user, tenantId, token}, kept in memory and in
// sessionStorage so a reload keeps the tab signed in. The token kept here is
// what the socket offers as its bearer subprotocol; it is short-lived, and
// the HttpOnly cookie the server set at log-in (which this page cannot read)
// gets the next one (POST /api/auth/refresh) before it runs out.
import { batch, createContext, createSignal, onCleanup, useContext, type Accessor } from 'solid-js';
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import { isTenantRole } from '../../../shared/domain/workspace-people.ts';
import * as api from './auth-api.ts';
import { ApiError, type SessionGrant, type SessionUser } from './auth-api.ts';

export interface Session {
  user: SessionUser;
  tenantId: string;
  /** What people call the workspace; null when the server did not say (embedded mode, or a grant saved before it did). */
  workspaceName: string | null;
  /** The token when this object was made. It is short-lived: the session context's token() gives a current one. */
  token: string;
  /** When the token stops being accepted (epoch ms), from its `exp` claim; null if it has none. */
  expiresAtMs: number | null;
  /** Until when the token can be refreshed (the cookie's end, from the grant); the token's expiry when the server did not say. */
  endsAtMs: number | null;
  /** The workspace role the last grant named; absent in the embed (its host manages people) and from a session saved before roles were kept. */
  role?: TenantRole;
}

const STORAGE_KEY = 'tandem.session';

/** A token has this much life left, at most, when the next one is asked for. */
const REFRESH_MARGIN_MS = 60_000;
/** After a refresh that could not reach the server, the next try. */
const REFRESH_RETRY_MS = 15_000;

/** A time claim of the token (`exp`, `iat`) in ms. Read without verifying: the server verifies; this only avoids using a dead token. */
function tokenTimeMs(token: string, claim: 'exp' | 'iat'): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(json);
    const value = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>)[claim] : undefined;
    return typeof value === 'number' ? value * 1000 : null;
  } catch {
    return null;
  }
}

export const tokenExpiryMs = (token: string): number | null => tokenTimeMs(token, 'exp');

function fromGrant(grant: SessionGrant): Session {
  const expiresAtMs = tokenExpiryMs(grant.token);
  return {
    user: grant.user,
    tenantId: grant.tenantId,
    workspaceName: grant.workspace?.name ?? null,
    token: grant.token,
    expiresAtMs,
    endsAtMs: grant.sessionExpiresAtMs ?? expiresAtMs,
    ...(grant.role ? { role: grant.role } : {}),
  };
}

/** The stored session is good while it can still be refreshed, even if its token has run out (a reload after a while away). */
function isLive(session: Session, now: number): boolean {
  return session.endsAtMs === null || session.endsAtMs > now;
}

/**
 * When to ask for the next token: a minute before `exp`, or a quarter of its
 * life before for a token shorter than four minutes. Never for a session that
 * ends with its token (a server that did not offer a refresh).
 */
function refreshAtMs(session: Session): number | null {
  if (session.expiresAtMs === null || session.endsAtMs === session.expiresAtMs) return null;
  const issuedAt = tokenTimeMs(session.token, 'iat') ?? session.expiresAtMs - 4 * REFRESH_MARGIN_MS;
  return session.expiresAtMs - Math.min(REFRESH_MARGIN_MS, (session.expiresAtMs - issuedAt) / 4);
}

const samePerson = (a: Session, b: Session) => a.user.id === b.user.id && a.tenantId === b.tenantId;

export interface SessionStore {
  load(): Session | null;
  save(session: Session): void;
  clear(): void;
}

/**
 * Non-reactive persistence. Anything unreadable or expired in storage counts
 * as signed out: a stale tab must land on the login page, not on errors.
 */
export function makeSessionStore(storage: Storage | null, now: () => number = Date.now): SessionStore {
  return {
    load() {
      let raw: string | null = null;
      try {
        raw = storage?.getItem(STORAGE_KEY) ?? null;
      } catch {
        return null; // storage blocked (privacy settings): memory only
      }
      if (!raw) return null;
      try {
        const parsed: unknown = JSON.parse(raw);
        const p = parsed as Partial<SessionGrant>;
        if (typeof p?.token !== 'string' || typeof p.tenantId !== 'string' || typeof p.user?.id !== 'string') return null;
        if (typeof p.user.email !== 'string' || typeof p.user.displayName !== 'string') return null;
        if (typeof p.workspace?.name !== 'string') delete p.workspace;
        if (!isTenantRole(p.role)) delete p.role;
        const session = fromGrant(p as SessionGrant);
        return isLive(session, now()) ? session : null;
      } catch {
        return null;
      }
    },
    save(session) {
      const grant: SessionGrant = {
        token: session.token,
        user: session.user,
        tenantId: session.tenantId,
        workspace: { name: session.workspaceName },
        ...(session.endsAtMs === null ? {} : { sessionExpiresAtMs: session.endsAtMs }),
        ...(session.role ? { role: session.role } : {}),
      };
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(grant));
      } catch {
        // Quota or privacy mode: the session still lives in memory for this page.
      }
    },
    clear() {
      try {
        storage?.removeItem(STORAGE_KEY);
      } catch {
        // nothing stored, nothing to clear
      }
    },
  };
}

/** Why the last session ended: the person logged out, or the token ran out. */
export type SessionEnd = 'logout' | 'expired';

export interface SessionContextValue {
  /** The signed-in session, or null when signed out. Reactive. */
  session: Accessor<Session | null>;
  /** Why the tab is signed out, when it was signed in earlier; null on a fresh load. */
  endedBy: Accessor<SessionEnd | null>;
  /** True while a tab that opened without a session asks the cookie for one (a new tab of a signed-in person). */
  resuming: Accessor<boolean>;
  signIn(grant: SessionGrant): void;
  /** Ends the session on the server (best effort) and forgets the token here. */
  signOut(): Promise<void>;
  /**
   * A token for the socket and HTTP: the one held while it is not due for
   * refreshing, else the next one from the cookie. `renew` asks for the next
   * one anyway (the socket was closed with 4001: the session may have been
   * revoked). Rejects when none can be had; when the server refuses, the tab
   * is signed out too.
   */
  token(options?: { renew?: boolean }): Promise<string>;
}

function browserSessionStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

const TABS_CHANNEL = 'tandem.session';
const LOGGED_OUT = 'logged-out';
/** In localStorage, which tabs share: a tab of this browser signed in (the cookie itself is out of the page's reach). */
const SIGNED_IN_KEY = 'tandem.signed-in';
const signedInHere = {
  get(): boolean {
    try {
      return localStorage.getItem(SIGNED_IN_KEY) !== null;
    } catch {
      return false; // storage blocked: no resume, the log-in page as before
    }
  },
  set(on: boolean): void {
    try {
      if (on) localStorage.setItem(SIGNED_IN_KEY, '1');
      else localStorage.removeItem(SIGNED_IN_KEY);
    } catch {
      // storage blocked: this tab keeps its own session all the same
    }
  },
};

// setTimeout takes at most 2^31-1 ms (~24.8 days); longer waits re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The reactive session for the app. Owns its refresh timer; call inside a component or root. */
export function createSession(store: SessionStore = makeSessionStore(browserSessionStorage())): SessionContextValue {
  const [session, setSession] = createSignal<Session | null>(store.load());
  const [endedBy, setEndedBy] = createSignal<SessionEnd | null>(null);
  const [resuming, setResuming] = createSignal(false);
  // Tabs of one browser share the cookie but not sessionStorage: a log-out in one is told to the others at once.
  const tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(TABS_CHANNEL);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<Session> | null = null;

  const forget = (reason: SessionEnd) => {
    clearTimeout(timer);
    store.clear();
    batch(() => {
      setEndedBy(reason);
      setSession(null);
    });
  };

  const schedule = (waitMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(tick, Math.max(0, Math.min(waitMs, MAX_TIMER_MS)));
  };

  // Keeps an open page's token fresh, so the socket never offers a dead one,
  // and signs the tab out when the session itself ends (the guard then sends
  // the person to the login page instead of leaving them on a page the
  // server refuses). Offline, a token that ran out is kept: the page still
  // works from its saved board and outbox, and the next refresh catches up.
  function tick() {
    const current = session();
    if (!current) return;
    const now = Date.now();
    if (current.endsAtMs !== null && current.endsAtMs <= now) return forget('expired');
    const refreshAt = refreshAtMs(current);
    if (refreshAt !== null && refreshAt <= now) {
      refresh().catch(() => schedule(REFRESH_RETRY_MS)); // a refusal has signed the tab out already
      return;
    }
    const next = Math.min(refreshAt ?? Infinity, current.endsAtMs ?? Infinity);
    if (next !== Infinity) schedule(next - now);
  }

  const adopt = (next: Session) => {
    store.save(next);
    signedInHere.set(true);
    batch(() => {
      setEndedBy(null);
      setSession(next);
    });
    tick();
  };

  /** One refresh at a time, for the timer and every caller of token(). */
  const refresh = (): Promise<Session> =>
    (refreshing ??= (async () => {
      const asked = session();
      // Still the person the refresh was asked for (not signed out, or in as someone else, meanwhile).
      const stillAsked = () => {
        const held = session();
        return held !== null && asked !== null && samePerson(held, asked);
      };
      try {
        const next = fromGrant(await api.refresh());
        if (!stillAsked()) throw new Error('The session changed while its token was being refreshed');
        // The cookie is the browser's, shared by tabs: another tab may have logged in as someone else since.
        if (!samePerson(asked!, next)) {
          forget('expired');
          throw new Error('Another tab logged in as someone else; log in again');
        }
        adopt(next);
        return next;
      } catch (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403) && stillAsked()) forget('expired');
        throw err;
      } finally {
        refreshing = null;
      }
    })());

  /**
   * A tab opened without a session of its own: the browser's cookie may hold
   * one (a link opened in a new tab). Asked only when a tab of this browser
   * signed in and none has logged out since, so a visitor who never did
   * sends nothing.
   */
  const resume = async () => {
    if (!signedInHere.get()) return;
    setResuming(true);
    try {
      const next = fromGrant(await api.resume());
      if (session() === null && endedBy() === null) adopt(next);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) signedInHere.set(false);
    } finally {
      setResuming(false);
    }
  };

  if (tabs) {
    tabs.onmessage = (e: MessageEvent) => {
      if (e.data === LOGGED_OUT && session()) forget('logout');
    };
  }
  if (session() === null) void resume();
  tick();
  onCleanup(() => {
    clearTimeout(timer);
    tabs?.close();
  });

  return {
    session,
    endedBy,
    resuming,
    signIn(grant) {
      adopt(fromGrant(grant));
    },
    async signOut() {
      // Forget first: the person asked to leave, and a slow or failed request
      // must not keep the page signed in. The server revokes the session.
      const token = session()?.token;
      forget('logout');
      signedInHere.set(false);
      tabs?.postMessage(LOGGED_OUT);
      try {
        await api.logout(token);
      } catch {
        // Offline or the server is down: the cookie and its tokens expire on their own.
      }
    },
    async token({ renew = false } = {}) {
      const current = session();
      if (!current) throw new Error('Signed out');
      const refreshAt = refreshAtMs(current);
      if (!renew && (refreshAt === null || Date.now() < refreshAt)) return current.token;
      try {
        return (await refresh()).token;
      } catch (err) {
        // Could not reach the server: a token not yet expired still serves.
        const usable = !renew && session() === current && (current.expiresAtMs === null || current.expiresAtMs > Date.now());
        if (usable) return current.token;
        throw err;
      }
    },
  };
}

export const SessionContext = createContext<SessionContextValue>();

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionContext.Provider> above it');
  return value;
}
