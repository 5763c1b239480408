// The life of a log-in (docs/PROTOCOL.md §2, §3): a session starts at sign-up
// or log-in with a refresh token, which only the HttpOnly cookie carries and
// which lasts days, and short-lived access tokens minted from it, which the
// page hands to the socket. A log-out revokes the session in the account
// directory, which every instance on the data folder reads: the upgrade and
// every HTTP route check it, and each socket server's sweep closes the
// session's open sockets.
import { randomUUID } from 'node:crypto';
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import type { AccountDirectory } from './account-directory.ts';
import type { Credential } from './credentials.ts';
import { readUnverified } from './jwt-verify.ts';
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

export class Sessions {
  /** The last revocation this instance has read (revokedSinceLastCall). */
  private revocationCursor: number;

  constructor(
    private readonly tokens: TokenService,
    private readonly directory: AccountDirectory,
    readonly lifetimes: SessionLifetimes,
  ) {
    // Revocations made before this instance started need no sweep: no socket of theirs is open here.
    this.revocationCursor = directory.lastRevocationId();
  }

  async start(who: { userId: string; tenantId: string; tenantRole: TenantRole; name: string; email: string }, nowMs = Date.now()): Promise<StartedSession> {
    const sessionId = randomUUID();
    const refreshToken = await this.tokens.issueRefresh({ userId: who.userId, tenantId: who.tenantId, sessionId }, this.lifetimes.refreshSeconds);
    const accessToken = await this.tokens.issue({ ...who, sessionId }, this.lifetimes.accessSeconds);
    return { accessToken, refreshToken, sessionExpiresAtMs: this.tokens.verifyRefresh(refreshToken, nowMs).expiresAtMs };
  }

  /** An access token, valid and of a session still open. Throws TokenError otherwise. */
  verify(token: string, nowMs = Date.now()): VerifiedToken {
    const claims = this.tokens.verify(token, nowMs);
    if (claims.sessionId !== null && this.directory.isRevoked(claims.sessionId)) throw new TokenError('the session was revoked');
    return claims;
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

  /** Sessions revoked since the last call, on any instance sharing the data folder. */
  revokedSinceLastCall(): string[] {
    const { lastId, sessionIds } = this.directory.revokedAfter(this.revocationCursor);
    this.revocationCursor = lastId;
    return sessionIds;
  }

  private fromRefresh(refreshToken: string, nowMs: number): { claims: VerifiedToken; refresh: VerifiedRefresh } {
    const refresh = this.tokens.verifyRefresh(refreshToken, nowMs);
    if (this.directory.isRevoked(refresh.sessionId)) throw new TokenError('the session was revoked');
    const account = this.directory.findById(refresh.userId);
    // Read now, not from the log-in: someone taken out of the workspace gets no new token.
    const membership = account && this.directory.membership(account.id, refresh.tenantId);
    if (!account || !membership) throw new TokenError('the account is no longer in that workspace');
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

/** Which kind a token claims to be; only the signature check that follows trusts it. */
export function isRefreshToken(token: string): boolean {
  try {
    const aud = readUnverified(token).payload['aud'];
    return aud === REFRESH_AUDIENCE;
  } catch {
    return false;
  }
}
