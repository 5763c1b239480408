// Verifying (and, for standalone accounts, issuing) the JWTs that carry a
// user into a tenant. PROTOCOL.md §3: asymmetric algorithms only; sub,
// tenant_id, exp, iss and aud are required and checked.
import { readFileSync } from 'node:fs';
import {
  SignJWT, createLocalJWKSet, decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify,
  type CryptoKey, type JWTPayload, type JWTVerifyGetKey,
} from 'jose';
import { isValidTenantId } from '../../../shared/domain/tenant-id.ts';
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import type { SigningKeys } from './keys.ts';

export const SESSION_ISSUER = 'tandem';
export const SESSION_AUDIENCE = 'tandem';
export const SESSION_TTL_SECONDS = 7 * 24 * 3600;
const ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

export interface VerifiedToken {
  userId: string;
  tenantId: string;
  tenantRole: TenantRole;
  displayName: string;
  email: string;
  expiresAtMs: number;
}

export class TokenError extends Error {}

export interface HostKeyConfig {
  publicKeyFile: string | null;
  jwksFile: string | null;
  issuer: string;
  audience: string;
}

type KeyInput = CryptoKey | JWTVerifyGetKey;

export class TokenService {
  private constructor(
    private readonly own: SigningKeys,
    private readonly host: { key: KeyInput; issuer: string; audience: string } | null,
  ) {}

  static async create(own: SigningKeys, host: HostKeyConfig | null): Promise<TokenService> {
    if (!host) return new TokenService(own, null);
    let key: KeyInput;
    if (host.jwksFile) {
      key = createLocalJWKSet(JSON.parse(readFileSync(host.jwksFile, 'utf8')));
    } else {
      const pem = readFileSync(host.publicKeyFile!, 'utf8');
      key = await importPemForAnyAlgorithm(pem);
    }
    return new TokenService(own, { key, issuer: host.issuer, audience: host.audience });
  }

  async issue(
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

  /** Throws TokenError for anything but a valid token; the message is safe to log. */
  async verify(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      const alg = decodeProtectedHeader(token).alg;
      if (!alg || !ALGORITHMS.includes(alg)) throw new TokenError(`algorithm ${String(alg)} is not accepted`);
      // The issuer picks the key; the signature check below is what trusts it.
      const claimedIssuer = decodeJwt(token).iss;
      const useHost = this.host !== null && claimedIssuer === this.host.issuer;
      const options = {
        algorithms: ALGORITHMS,
        issuer: useHost ? this.host!.issuer : SESSION_ISSUER,
        audience: useHost ? this.host!.audience : SESSION_AUDIENCE,
        requiredClaims: ['sub', 'exp'],
      };
      const key = useHost ? this.host!.key : this.own.publicKey;
      payload = (
        typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options)
      ).payload;
    } catch (err) {
      if (err instanceof TokenError) throw err;
      throw new TokenError(err instanceof Error ? err.message : 'invalid token');
    }
    return claimsOf(payload);
  }
}

function claimsOf(payload: JWTPayload): VerifiedToken {
  const tenantId = payload['tenant_id'];
  if (!isValidTenantId(tenantId)) throw new TokenError('tenant_id is missing or not a valid tenant id');
  const sub = payload.sub!;
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
    expiresAtMs: payload.exp! * 1000,
  };
}

/** A PEM public key does not say its algorithm; try the accepted ones in turn. */
async function importPemForAnyAlgorithm(pem: string): Promise<CryptoKey> {
  for (const alg of ALGORITHMS) {
    try {
      return await importSPKI(pem, alg);
    } catch {
      // not this algorithm's key type; try the next
    }
  }
  throw new Error('JWT_PUBLIC_KEY_FILE holds no RSA, P-256 or Ed25519 public key');
}
