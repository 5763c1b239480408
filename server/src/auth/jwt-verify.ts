// Synchronous JWT signature and claim checks on node:crypto. Synchronous on
// purpose: the socket upgrade then completes inside uWS's own upgrade handler.
// Finishing an upgrade after an await needs res.cork(), which in this uWS
// build can close the new socket at random (uNetworking/uWebSockets#1583,
// fixed upstream in a release that needs a newer glibc than ours).
import { verify as verifySignature, type KeyObject } from 'node:crypto';

/** docs/PROTOCOL.md §3: asymmetric algorithms only, each bound to its key type. */
const ALGORITHMS = {
  RS256: { digest: 'sha256', keyType: 'rsa', curve: null },
  ES256: { digest: 'sha256', keyType: 'ec', curve: 'prime256v1' },
  EdDSA: { digest: null, keyType: 'ed25519', curve: null },
} as const;

export type Algorithm = keyof typeof ALGORITHMS;

export class TokenError extends Error {}

export interface JwtHeader {
  alg: Algorithm;
  kid?: string;
}

export interface Expected {
  issuer: string;
  audience: string;
  nowMs: number;
}

function decodePart(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new TokenError(`the token's ${what} is not a JSON object`);
}

export function isAlgorithm(alg: unknown): alg is Algorithm {
  return typeof alg === 'string' && Object.hasOwn(ALGORITHMS, alg);
}

/** The key type an algorithm needs, for choosing among configured keys. */
export function algorithmFits(alg: Algorithm, key: KeyObject): boolean {
  const spec = ALGORITHMS[alg];
  if (key.type !== 'public' || key.asymmetricKeyType !== spec.keyType) return false;
  return spec.curve === null || key.asymmetricKeyDetails?.namedCurve === spec.curve;
}

/** The header and claims of a compact JWT, read without trusting them yet. */
export function readUnverified(token: string): { header: JwtHeader; payload: Record<string, unknown> } {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenError('the token is not a compact JWT');
  const header = decodePart(parts[0]!, 'header');
  if (!isAlgorithm(header['alg'])) throw new TokenError(`algorithm ${String(header['alg'])} is not accepted`);
  if (header['crit'] !== undefined) throw new TokenError('critical header parameters are not supported');
  const kid = typeof header['kid'] === 'string' ? header['kid'] : undefined;
  return { header: { alg: header['alg'], kid }, payload: decodePart(parts[1]!, 'payload') };
}

/**
 * Checks the signature with `key` and the registered claims: exp (required),
 * nbf, iss, aud, and a non-empty sub. Returns the claims.
 */
export function verifyJwt(token: string, key: KeyObject, expected: Expected): Record<string, unknown> {
  const { header, payload } = readUnverified(token);
  if (!algorithmFits(header.alg, key)) throw new TokenError(`the key does not fit algorithm ${header.alg}`);
  const [head, body, signature] = token.split('.') as [string, string, string];
  const spec = ALGORITHMS[header.alg];
  const valid = verifySignature(
    spec.digest,
    Buffer.from(`${head}.${body}`),
    spec.keyType === 'ec' ? { key, dsaEncoding: 'ieee-p1363' } : key,
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new TokenError('signature verification failed');

  const { exp, nbf, iss, aud, sub } = payload;
  if (typeof exp !== 'number') throw new TokenError('the token has no exp');
  if (expected.nowMs >= exp * 1000) throw new TokenError('the token has expired');
  if (nbf !== undefined && (typeof nbf !== 'number' || expected.nowMs < nbf * 1000)) {
    throw new TokenError('the token is not valid yet');
  }
  if (iss !== expected.issuer) throw new TokenError('unexpected iss');
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(expected.audience)) throw new TokenError('unexpected aud');
  if (typeof sub !== 'string' || sub === '') throw new TokenError('the token has no sub');
  return payload;
}
