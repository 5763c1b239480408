// Who is signed in: {user, tenantId, token}, kept in memory and in
// sessionStorage so a reload keeps the tab signed in. The server also sets an
// HttpOnly cookie, which this page cannot read; the token kept here is what
// the socket will offer as its bearer subprotocol.
import { batch, createContext, createSignal, onCleanup, useContext, type Accessor } from 'solid-js';
import * as api from './auth-api.ts';
import type { SessionGrant, SessionUser } from './auth-api.ts';

export interface Session {
  user: SessionUser;
  tenantId: string;
  token: string;
  /** When the token stops being accepted (epoch ms), from its `exp` claim; null if it has none. */
  expiresAtMs: number | null;
}

const STORAGE_KEY = 'tandem.session';

/** The token's `exp` in ms. Read without verifying: the server verifies; this only avoids using a dead token. */
export function tokenExpiryMs(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(json);
    const exp = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>)['exp'] : undefined;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

function fromGrant(grant: SessionGrant): Session {
  return { user: grant.user, tenantId: grant.tenantId, token: grant.token, expiresAtMs: tokenExpiryMs(grant.token) };
}

function isLive(session: Session, now: number): boolean {
  return session.expiresAtMs === null || session.expiresAtMs > now;
}

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
        const session = fromGrant(p as SessionGrant);
        return isLive(session, now()) ? session : null;
      } catch {
        return null;
      }
    },
    save(session) {
      const grant: SessionGrant = { token: session.token, user: session.user, tenantId: session.tenantId };
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
  signIn(grant: SessionGrant): void;
  /** Clears the cookie on the server (best effort) and forgets the token here. */
  signOut(): Promise<void>;
}

function browserSessionStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

// setTimeout takes at most 2^31-1 ms (~24.8 days); longer waits re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The reactive session for the app. Owns its expiry timer; call inside a component or root. */
export function createSession(store: SessionStore = makeSessionStore(browserSessionStorage())): SessionContextValue {
  const [session, setSession] = createSignal<Session | null>(store.load());
  const [endedBy, setEndedBy] = createSignal<SessionEnd | null>(null);
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  const forget = (reason: SessionEnd) => {
    clearTimeout(expiryTimer);
    store.clear();
    batch(() => {
      setEndedBy(reason);
      setSession(null);
    });
  };

  // Signs the tab out when the token expires, so the guard sends the person
  // to the login page instead of leaving them on a page the server refuses.
  const armExpiry = (current: Session | null) => {
    clearTimeout(expiryTimer);
    if (!current || current.expiresAtMs === null) return;
    const wait = current.expiresAtMs - Date.now();
    if (wait <= 0) return forget('expired');
    expiryTimer = setTimeout(() => armExpiry(session()), Math.min(wait, MAX_TIMER_MS));
  };
  armExpiry(session());
  onCleanup(() => clearTimeout(expiryTimer));

  return {
    session,
    endedBy,
    signIn(grant) {
      const next = fromGrant(grant);
      store.save(next);
      batch(() => {
        setEndedBy(null);
        setSession(next);
      });
      armExpiry(next);
    },
    async signOut() {
      // Forget first: the person asked to leave, and a slow or failed request
      // must not keep the page signed in. The cookie is the server's to clear.
      forget('logout');
      try {
        await api.logout();
      } catch {
        // Offline or the server is down: the cookie expires on its own.
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
