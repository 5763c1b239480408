// Where a request's token comes from: the session cookie or a bearer token
// (Authorization for HTTP, Sec-WebSocket-Protocol for the socket). Never the URL.
import { isValidTenantId } from '../../../shared/domain/tenant-id.ts';
import { BEARER_PROTOCOL_PREFIX } from '../../../shared/protocol/wire.ts';
import { readUnverified } from './jwt-verify.ts';

export const SESSION_COOKIE = 'tandem_session';

export interface Credential {
  token: string;
  via: 'cookie' | 'bearer';
}

export function cookieToken(cookieHeader: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export function subprotocols(header: string): string[] {
  return header.split(',').map((p) => p.trim()).filter(Boolean);
}

/** The socket's credential: a bearer subprotocol wins over the cookie. */
export function socketCredential(protocolHeader: string, cookieHeader: string): Credential | null {
  const bearer = subprotocols(protocolHeader).find((p) => p.startsWith(BEARER_PROTOCOL_PREFIX));
  if (bearer) return { token: bearer.slice(BEARER_PROTOCOL_PREFIX.length), via: 'bearer' };
  const cookie = cookieToken(cookieHeader);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

export function httpCredential(authorization: string, cookieHeader: string): Credential | null {
  const m = /^Bearer\s+(.+)$/i.exec(authorization);
  if (m) return { token: m[1]!.trim(), via: 'bearer' };
  const cookie = cookieToken(cookieHeader);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * The tenant a token names, unchecked, or null when it names none that could
 * be: where a tenant is served is asked before its signature (a cell cannot
 * check another cell's tokens, and the answer grants nothing).
 */
export function tenantNamed(token: string): string | null {
  try {
    const tenantId = readUnverified(token).payload['tenant_id'];
    return isValidTenantId(tenantId) ? tenantId : null;
  } catch {
    return null;
  }
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

/**
 * Cookie-authenticated requests must come from our own page or an allowed one
 * (cross-site WebSocket hijacking, CSRF): scheme, host and port. Our own
 * scheme is https behind HTTPS (COOKIE_SECURE), http otherwise.
 */
export function originAllowed(origin: string, host: string, allowed: readonly string[], secure: boolean): boolean {
  if (!origin) return true; // not a browser: browsers always send Origin on an upgrade and on a POST
  if (allowed.includes(origin)) return true;
  try {
    const url = new URL(origin);
    const scheme = secure ? 'https:' : 'http:';
    // Through URL both ways, so case and a spelled-out default port (example.com:443) compare equal.
    return url.protocol === scheme && url.host === new URL(`${scheme}//${host}`).host;
  } catch {
    return false;
  }
}
