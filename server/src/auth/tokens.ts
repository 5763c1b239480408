// Issuing (standalone accounts) and verifying the JWTs that carry a user into
// a tenant. docs/PROTOCOL.md §3: asymmetric algorithms only; sub, tenant_id, exp,
// iss and aud are required and checked. jose signs; jwt-verify.ts verifies,
// synchronously (see there why).
import { createPublicKey, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { isHostTenantId, isValidTenantId } from '../../../shared/domain/tenant-id.ts';
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import { TokenError, algorithmFits, readUnverified, verifyJwt, type JwtHeader } from './jwt-verify.ts';
import type { SigningKeys } from './keys.ts';

export { TokenError } from './jwt-verify.ts';

export const SESSION_ISSUER = 'tandem';
export const SESSION_AUDIENCE = 'tandem';
/**
 * The refresh token's audience. Only the HttpOnly cookie carries it, and
 * only the routes that take the cookie accept it: an access token is checked
 * for SESSION_AUDIENCE, so a refresh token is never one.
 */
export const REFRESH_AUDIENCE = 'tandem-refresh';
/** A host's jti is kept in the revocation list; one past this is refused rather than stored. */
const MAX_JTI_LENGTH = 128;

export interface VerifiedToken {
  userId: string;
  tenantId: string;
  tenantRole: TenantRole;
  displayName: string;
  email: string;
  expiresAtMs: number;
  /**
   * What a log-out revokes: the log-in this token came from (its `sid`, shared
   * by every access token refreshed from one cookie), or `host:<jti>` for a
   * host token; null for a host token without a jti, which cannot be revoked.
   */
  sessionId: string | null;
}

/** A refresh token's claims: who, where, which session, until when. */
export interface VerifiedRefresh {
  userId: string;
  tenantId: string;
  sessionId: string;
  expiresAtMs: number;
}

export interface HostKeyConfig {
  publicKeyFile: string | null;
  jwksFile: string | null;
  issuer: string;
  audience: string;
}

interface HostKeys {
  /** Keys with a kid, and the ones without (used only when the token names none). */
  byKid: Map<string, KeyObject>;
  unnamed: KeyObject[];
  issuer: string;
  audience: string;
}

function loadHostKeys(config: HostKeyConfig): HostKeys {
  const byKid = new Map<string, KeyObject>();
  const unnamed: KeyObject[] = [];
  if (config.jwksFile) {
    const jwks = JSON.parse(readFileSync(config.jwksFile, 'utf8')) as { keys?: Array<JsonWebKey & { kid?: string }> };
    if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error('JWKS_FILE holds no "keys"');
    for (const jwk of jwks.keys) {
      const key = createPublicKey({ key: jwk, format: 'jwk' });
      if (jwk.kid) byKid.set(jwk.kid, key);
      else unnamed.push(key);
    }
  } else {
    unnamed.push(createPublicKey(readFileSync(config.publicKeyFile!, 'utf8')));
  }
  return { byKid, unnamed, issuer: config.issuer, audience: config.audience };
}

function hostKeyFor(keys: HostKeys, header: JwtHeader): KeyObject {
  if (header.kid !== undefined) {
    const key = keys.byKid.get(header.kid);
    if (!key) throw new TokenError('no host key has that kid');
    return key;
  }
  const fitting = [...keys.unnamed, ...keys.byKid.values()].filter((k) => algorithmFits(header.alg, k));
  if (fitting.length !== 1) throw new TokenError('the token names no kid and no single host key fits it');
  return fitting[0]!;
}

export class TokenService {
  private readonly host: HostKeys | null;

  constructor(
    private readonly own: SigningKeys,
    host: HostKeyConfig | null,
    /** HOST_TENANT_PREFIX: host tokens name only tenants with it, our own only tenants without it. */
    private readonly hostTenantPrefix: string,
  ) {
    this.host = host ? loadHostKeys(host) : null;
  }

  /**
   * An access token. `sessionId` ties it to the log-in (the refresh cookie)
   * it was minted for, so revoking that session revokes it too; a token made
   * without one is a session of its own.
   */
  issue(
    claims: { userId: string; tenantId: string; tenantRole: TenantRole; name: string; email: string; sessionId?: string },
    ttlSeconds: number,
  ): Promise<string> {
    return new SignJWT({
      tenant_id: claims.tenantId, roles: [claims.tenantRole], name: claims.name, email: claims.email, sid: claims.sessionId ?? randomUUID(),
    })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(SESSION_ISSUER)
      .setAudience(SESSION_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.own.privateKey);
  }

  /**
   * The refresh token the HttpOnly cookie holds: no name or role (those are
   * read from the account directory at each refresh, so a changed role or a
   * lost membership shows); its jti is the session id.
   */
  issueRefresh(claims: { userId: string; tenantId: string; sessionId: string }, ttlSeconds: number): Promise<string> {
    return new SignJWT({ tenant_id: claims.tenantId })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(SESSION_ISSUER)
      .setAudience(REFRESH_AUDIENCE)
      .setJti(claims.sessionId)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.own.privateKey);
  }

  /** An access token. Throws TokenError for anything but a valid one; its message is safe to log. */
  verify(token: string, nowMs = Date.now()): VerifiedToken {
    const { header, payload } = readUnverified(token);
    // The claimed issuer picks the key; the signature check is what trusts it.
    const host = this.host !== null && payload['iss'] === this.host.issuer ? this.host : null;
    if (host) {
      const claims = verifyJwt(token, hostKeyFor(host, header), { issuer: host.issuer, audience: host.audience, nowMs });
      return claimsOf(claims, this.tenantOf(claims, true), hostSessionOf(claims));
    }
    const claims = verifyJwt(token, this.own.publicKey, { issuer: SESSION_ISSUER, audience: SESSION_AUDIENCE, nowMs });
    // Every token this server issues names its session; one without is from before sessions could be revoked.
    if (typeof claims['sid'] !== 'string' || claims['sid'] === '') throw new TokenError('the token names no session');
    return claimsOf(claims, this.tenantOf(claims, false), claims['sid']);
  }

  /** A refresh token (the cookie). Throws TokenError for anything else, an access token included. */
  verifyRefresh(token: string, nowMs = Date.now()): VerifiedRefresh {
    const claims = verifyJwt(token, this.own.publicKey, { issuer: SESSION_ISSUER, audience: REFRESH_AUDIENCE, nowMs });
    if (typeof claims['jti'] !== 'string' || claims['jti'] === '') throw new TokenError('the refresh token has no jti');
    return {
      userId: claims['sub'] as string,
      tenantId: this.tenantOf(claims, false),
      sessionId: claims['jti'],
      expiresAtMs: (claims['exp'] as number) * 1000,
    };
  }

  /** The tenant a verified token names, if it is on its side of HOST_TENANT_PREFIX. */
  private tenantOf(payload: Record<string, unknown>, fromHost: boolean): string {
    const tenantId = payload['tenant_id'];
    if (!isValidTenantId(tenantId)) throw new TokenError('tenant_id is missing or not a valid tenant id');
    if (isHostTenantId(tenantId, this.hostTenantPrefix) !== fromHost) {
      throw new TokenError(fromHost ? 'a host token names a tenant outside the host prefix' : 'a session token names a host tenant');
    }
    return tenantId;
  }
}

/** Host tokens are revocable by their jti, kept apart from our own session ids (UUIDs) by this prefix. */
const HOST_SESSION_PREFIX = 'host:';

export function isHostSession(sessionId: string): boolean {
  return sessionId.startsWith(HOST_SESSION_PREFIX);
}

function hostSessionOf(payload: Record<string, unknown>): string | null {
  const jti = payload['jti'];
  if (typeof jti !== 'string' || jti === '') return null;
  if (jti.length > MAX_JTI_LENGTH) throw new TokenError('jti is too long');
  return HOST_SESSION_PREFIX + jti;
}

function claimsOf(payload: Record<string, unknown>, tenantId: string, sessionId: string | null): VerifiedToken {
  const sub = payload['sub'] as string;
  if (sub.length > 128) throw new TokenError('sub is too long');
  const roles = Array.isArray(payload['roles']) ? (payload['roles'] as unknown[]) : [];
  const tenantRole: TenantRole = roles.includes('owner') ? 'owner' : roles.includes('admin') ? 'admin' : 'member';
  const name = typeof payload['name'] === 'string' ? payload['name'].slice(0, 200) : '';
  const email = typeof payload['email'] === 'string' ? payload['email'].slice(0, 320) : '';
  return {
    userId: sub,
    tenantId,
    tenantRole,
    displayName: name || email || sub,
    email,
    expiresAtMs: (payload['exp'] as number) * 1000,
    sessionId,
  };
}
