// The life of a log-in (docs/PROTOCOL.md §2, §3): a session starts at sign-up
// or log-in with a refresh token, which only the HttpOnly cookie carries and
// which lasts days, and short-lived access tokens minted from it, which the
// page hands to the socket. A log-out revokes the session in the account
// directory, which every instance on the data folder reads: the upgrade and
// every HTTP route check it, and each socket server's sweep closes the
// session's open sockets. Ending a person's access (a deactivation, a changed
// password) revokes every session they hold; a new role makes their sockets
// reconnect, and every access token is read with the role the directory
// gives now (docs/DESIGN.md decision 48).
import { randomUUID } from 'node:crypto';
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import type { AccountDirectory } from './account-directory.ts';
import type { Credential } from './credentials.ts';
import { readUnverified } from './jwt-verify.ts';
import { SessionRecords } from './session-records.ts';
import { REFRESH_AUDIENCE, TokenError, isHostSession, type TokenService, type VerifiedRefresh, type VerifiedToken } from './tokens.ts';

export interface SessionLifetimes {
  /** SESSION_TTL_MINUTES: an access token's life. */
  accessSeconds: number;
  /** REFRESH_TTL_DAYS: the cookie's, and so the whole session's. */
  refreshSeconds: number;
}

/** A new session: the cookie's refresh token and a first access token. */
export interface StartedSession {
  accessToken: string;
  refreshToken: string;
  /** When the refresh token, and with it the session, ends. */
  sessionExpiresAtMs: number;
}

/** An access token minted from a refresh token, for the person as the directory has them now. */
export interface RefreshedSession {
  accessToken: string;
  claims: VerifiedToken;
  sessionExpiresAtMs: number;
}

export const DEACTIVATED = 'This account has been deactivated in this workspace; ask its owner or an admin';

/** A token of someone deactivated in its workspace: refused with words they can act on. */
export class AccountDeactivated extends TokenError {
  constructor() {
    super(DEACTIVATED);
  }
}

export class Sessions {
  /** The last revocation and reset this instance has read (revokedSinceLastCall). */
  private revocationCursor: number;
  private resetCursor: number;
  private readonly records: SessionRecords;

  constructor(
    private readonly tokens: TokenService,
    private readonly directory: AccountDirectory,
    readonly lifetimes: SessionLifetimes,
  ) {
    this.records = new SessionRecords(directory.db);
    // Revocations made before this instance started need no sweep: no socket of theirs is open here.
    this.revocationCursor = directory.lastRevocationId();
    this.resetCursor = this.records.lastResetId();
  }

  async start(who: { userId: string; tenantId: string; tenantRole: TenantRole; name: string; email: string }, nowMs = Date.now()): Promise<StartedSession> {
    const sessionId = randomUUID();
    const refreshToken = await this.tokens.issueRefresh({ userId: who.userId, tenantId: who.tenantId, sessionId }, this.lifetimes.refreshSeconds);
    const accessToken = await this.tokens.issue({ ...who, sessionId }, this.lifetimes.accessSeconds);
    const sessionExpiresAtMs = this.tokens.verifyRefresh(refreshToken, nowMs).expiresAtMs;
    this.records.started({ sessionId, accountId: who.userId, tenantId: who.tenantId, expiresAtMs: sessionExpiresAtMs }, nowMs);
    return { accessToken, refreshToken, sessionExpiresAtMs };
  }

  /**
   * An access token, valid and of a session still open, with the tenant role
   * the directory gives now for one of ours (a host's token says its own).
   * Throws TokenError otherwise, AccountDeactivated for someone deactivated.
   */
  verify(token: string, nowMs = Date.now()): VerifiedToken {
    const claims = this.tokens.verify(token, nowMs);
    const ours = claims.sessionId !== null && !isHostSession(claims.sessionId);
    // Before the revocation: a deactivation revokes too, and its refusal should say which it was.
    const current = ours ? { ...claims, tenantRole: this.standing(claims.userId, claims.tenantId).role } : claims;
    if (claims.sessionId !== null && this.directory.isRevoked(claims.sessionId)) throw new TokenError('the session was revoked');
    return current;
  }

  /**
   * Whoever a credential names. A bearer entry must be an access token; the
   * cookie holds the refresh token (or, from a client that put one there, an
   * access token). Through the refresh token the claims are the directory's
   * now, good for as long as an access token minted now would be. Synchronous:
   * the socket upgrade completes inside uWS's handler (auth/jwt-verify.ts).
   */
  authenticate(credential: Credential, nowMs = Date.now()): VerifiedToken {
    if (credential.via === 'cookie' && isRefreshToken(credential.token)) return this.fromRefresh(credential.token, nowMs).claims;
    return this.verify(credential.token, nowMs);
  }

  /** A fresh access token for the session the cookie's refresh token names. Throws TokenError when it cannot have one. */
  async refresh(refreshToken: string, nowMs = Date.now()): Promise<RefreshedSession> {
    const { claims, refresh } = this.fromRefresh(refreshToken, nowMs);
    // Never past the session's end: a log-out's revocation is kept only until then.
    const untilSessionEnds = Math.max(1, Math.floor((refresh.expiresAtMs - nowMs) / 1000));
    const accessToken = await this.tokens.issue(
      { userId: claims.userId, tenantId: claims.tenantId, tenantRole: claims.tenantRole, name: claims.displayName, email: claims.email, sessionId: refresh.sessionId },
      Math.min(this.lifetimes.accessSeconds, untilSessionEnds),
    );
    return { accessToken, claims: this.tokens.verify(accessToken, nowMs), sessionExpiresAtMs: refresh.expiresAtMs };
  }

  /**
   * A log-out: revokes the session of every valid token presented (the
   * cookie's, a bearer's). An invalid or expired one has nothing left to revoke.
   */
  revoke(presented: readonly string[], nowMs = Date.now()): void {
    for (const token of presented) {
      const ended = this.sessionOf(token, nowMs);
      if (ended) this.directory.revokeSession(ended.sessionId, ended.untilMs, nowMs);
    }
  }

  /**
   * Ends every session the person holds, in one workspace or (null) in all,
   * but `keep`: their tokens are refused from now on, and their open sockets
   * close within a second on every instance sharing the data folder.
   */
  endAll(accountId: string, tenantId: string | null, keep: string | null, nowMs = Date.now()): void {
    for (const held of this.records.held(accountId, tenantId, nowMs)) {
      if (held.sessionId !== keep) this.directory.revokeSession(held.sessionId, held.expiresAtMs, nowMs);
    }
  }

  /**
   * The person's open sockets in the workspace close (4001) and come back,
   * taking their role from the directory again; their sessions go on.
   */
  reconnect(accountId: string, tenantId: string, nowMs = Date.now()): void {
    this.records.reset(this.records.held(accountId, tenantId, nowMs).map((h) => h.sessionId), nowMs);
  }

  /**
   * Sessions whose open sockets must close since the last call, on any
   * instance sharing the data folder: revoked ones, and ones whose person's
   * role changed.
   */
  revokedSinceLastCall(): string[] {
    const revoked = this.directory.revokedAfter(this.revocationCursor);
    const reset = this.records.resetsAfter(this.resetCursor);
    this.revocationCursor = revoked.lastId;
    this.resetCursor = reset.lastId;
    return [...revoked.sessionIds, ...reset.sessionIds];
  }

  /** The person's membership as it is now: someone taken out of the workspace, or deactivated in it, gets nothing. */
  private standing(accountId: string, tenantId: string) {
    const membership = this.directory.membership(accountId, tenantId);
    if (!membership) throw new TokenError('the account is no longer in that workspace');
    if (!membership.active) throw new AccountDeactivated();
    return membership;
  }

  private fromRefresh(refreshToken: string, nowMs: number): { claims: VerifiedToken; refresh: VerifiedRefresh } {
    const refresh = this.tokens.verifyRefresh(refreshToken, nowMs);
    const account = this.directory.findById(refresh.userId);
    if (!account) throw new TokenError('the account is no longer in that workspace');
    // Read now, not from the log-in; before the revocation, as in verify.
    const membership = this.standing(account.id, refresh.tenantId);
    if (this.directory.isRevoked(refresh.sessionId)) throw new TokenError('the session was revoked');
    const claims: VerifiedToken = {
      userId: account.id,
      tenantId: refresh.tenantId,
      tenantRole: membership.role,
      displayName: account.displayName,
      email: account.email,
      expiresAtMs: Math.min(refresh.expiresAtMs, nowMs + this.lifetimes.accessSeconds * 1000),
      sessionId: refresh.sessionId,
    };
    return { claims, refresh };
  }

  /** The session a token belongs to and how long its revocation must be kept. */
  private sessionOf(token: string, nowMs: number): { sessionId: string; untilMs: number } | null {
    try {
      if (isRefreshToken(token)) {
        const refresh = this.tokens.verifyRefresh(token, nowMs);
        return { sessionId: refresh.sessionId, untilMs: refresh.expiresAtMs };
      }
      const claims = this.tokens.verify(token, nowMs);
      if (claims.sessionId === null) return null;
      // A host token is its own session. One of ours may have been refreshed
      // from a cookie that lasts longer than it: kept as long as any cookie could.
      const untilMs = isHostSession(claims.sessionId) ? claims.expiresAtMs : nowMs + this.lifetimes.refreshSeconds * 1000;
      return { sessionId: claims.sessionId, untilMs };
    } catch (err) {
      if (err instanceof TokenError) return null;
      throw err;
    }
  }
}

/** Whether a credential checks out, for callers that only need to know (a placement claim; the route says why not). */
export function authenticates(sessions: Pick<Sessions, 'authenticate'>, credential: Credential): boolean {
  try {
    sessions.authenticate(credential);
    return true;
  } catch {
    return false;
  }
}

/** Which kind a token claims to be; only the signature check that follows trusts it. */
export function isRefreshToken(token: string): boolean {
  try {
    const aud = readUnverified(token).payload['aud'];
    return aud === REFRESH_AUDIENCE;
  } catch {
    return false;
  }
}
