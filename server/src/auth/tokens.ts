// Issuing (standalone accounts) and verifying the JWTs that carry a user into
// a tenant. docs/PROTOCOL.md §3: asymmetric algorithms only; sub, tenant_id, exp,
// iss and aud are required and checked. jose signs; jwt-verify.ts verifies,
// synchronously (see there why).
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { isValidTenantId } from '../../../shared/domain/tenant-id.ts';
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import { TokenError, algorithmFits, readUnverified, verifyJwt, type JwtHeader } from './jwt-verify.ts';
import type { SigningKeys } from './keys.ts';

export { TokenError } from './jwt-verify.ts';

export const SESSION_ISSUER = 'tandem';
export const SESSION_AUDIENCE = 'tandem';
export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

export interface VerifiedToken {
  userId: string;
  tenantId: string;
  tenantRole: TenantRole;
  displayName: string;
  email: string;
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
  ) {
    this.host = host ? loadHostKeys(host) : null;
  }

  issue(
    claims: { userId: string; tenantId: string; tenantRole: TenantRole; name: string; email: string },
    ttlSeconds = SESSION_TTL_SECONDS,
  ): Promise<string> {
    return new SignJWT({ tenant_id: claims.tenantId, roles: [claims.tenantRole], name: claims.name, email: claims.email })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(SESSION_ISSUER)
      .setAudience(SESSION_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.own.privateKey);
  }

  /** Throws TokenError for anything but a valid token; its message is safe to log. */
  verify(token: string, nowMs = Date.now()): VerifiedToken {
    const { header, payload } = readUnverified(token);
    // The claimed issuer picks the key; the signature check is what trusts it.
    const host = this.host !== null && payload['iss'] === this.host.issuer ? this.host : null;
    const claims = host
      ? verifyJwt(token, hostKeyFor(host, header), { issuer: host.issuer, audience: host.audience, nowMs })
      : verifyJwt(token, this.own.publicKey, { issuer: SESSION_ISSUER, audience: SESSION_AUDIENCE, nowMs });
    return claimsOf(claims);
  }
}

function claimsOf(payload: Record<string, unknown>): VerifiedToken {
  const tenantId = payload['tenant_id'];
  if (!isValidTenantId(tenantId)) throw new TokenError('tenant_id is missing or not a valid tenant id');
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
  };
}
