// The HTTP half of standalone accounts (docs/PROTOCOL.md §2). Plain functions, no
// Solid: the session module decides what a grant means for the page.
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import { isTenantRole } from '../../../shared/domain/workspace-people.ts';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
}

/** What signup, login and refresh answer: the token, who it is for, and their workspace. */
export interface SessionGrant {
  /** Short-lived (SESSION_TTL_MINUTES): refresh() gets the next one from the HttpOnly cookie. */
  token: string;
  user: SessionUser;
  tenantId: string;
  /** The workspace's name, null for a tenant the server's directory did not make; absent from grants a page saved before it was kept. */
  workspace?: { name: string | null };
  /** Until when refresh() can succeed (the cookie's end), epoch ms; absent from servers before refresh. */
  sessionExpiresAtMs?: number;
  /** The person's role in the workspace as of this grant (a refresh brings a changed one); absent from grants a page saved before it was kept. */
  role?: TenantRole;
}

export interface SignupInput {
  email: string;
  password: string;
  displayName: string;
  workspaceName: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

/**
 * A refusal to show the person: the server's `{error:{code,message,field}}`,
 * or one made here when the server could not be reached or answered nonsense.
 * `field` is the wire name of the input at fault ('' for the whole form).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string = '',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const UNREACHABLE = 'Tandem could not reach the server. Check your connection and try again.';
export const GARBLED = 'The server sent an answer Tandem did not understand. Try again in a moment.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toGrant(body: unknown): SessionGrant | null {
  if (!isRecord(body) || !isRecord(body['user'])) return null;
  const { token, tenantId } = body;
  const { id, email, displayName } = body['user'];
  if (typeof token !== 'string' || typeof tenantId !== 'string') return null;
  if (typeof id !== 'string' || typeof email !== 'string' || typeof displayName !== 'string') return null;
  const ends = body['sessionExpiresAtMs'];
  const workspace = isRecord(body['workspace']) && typeof body['workspace']['name'] === 'string' ? body['workspace']['name'] : null;
  const role = body['role'];
  return {
    token,
    tenantId,
    user: { id, email, displayName },
    workspace: { name: workspace },
    ...(typeof ends === 'number' ? { sessionExpiresAtMs: ends } : {}),
    ...(isTenantRole(role) ? { role } : {}),
  };
}

/** A refusal body (or none) as an ApiError. */
export function toError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body['error']) ? body['error'] : null;
  if (error && typeof error['message'] === 'string' && error['message']) {
    const code = typeof error['code'] === 'string' ? error['code'] : 'UNKNOWN';
    const field = typeof error['field'] === 'string' ? error['field'] : '';
    return new ApiError(status, code, error['message'], field);
  }
  // A proxy's 502 page or a crash: nothing the person can act on but retrying.
  return new ApiError(status, status >= 500 ? 'UNAVAILABLE' : 'UNKNOWN', status >= 500 ? UNREACHABLE : GARBLED);
}

/**
 * An authenticated JSON call of the app's own HTTP API (People, Webhooks):
 * GET, or with a body a JSON POST; a refusal becomes an ApiError in the
 * server's words. The session's bearer token goes with it (the cookie may be
 * another tab's log-in).
 */
export async function callJson(path: string, token: string | null, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', UNREACHABLE);
  }
  const answer: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toError(res.status, answer);
  return answer;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return await fetch(path, {
      method: 'POST',
      // same-origin: the server also sets the HttpOnly session cookie, which
      // refreshes the token (and opens a socket when no bearer token is offered).
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', UNREACHABLE);
  }
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

async function grantFrom(res: Response): Promise<SessionGrant> {
  const body = await readJson(res);
  if (!res.ok) throw toError(res.status, body);
  const grant = toGrant(body);
  if (!grant) throw new ApiError(res.status, 'UNKNOWN', GARBLED);
  return grant;
}

export async function signup(input: SignupInput): Promise<SessionGrant> {
  return grantFrom(await post('/api/auth/signup', input));
}

export async function login(input: LoginInput): Promise<SessionGrant> {
  return grantFrom(await post('/api/auth/login', input));
}

/**
 * A new access token for the session the HttpOnly cookie holds. An ApiError
 * with status 401 means the session is over (logged out elsewhere, expired,
 * no longer in the workspace); status 0 or 5xx, that the server could not say.
 */
export async function refresh(): Promise<SessionGrant> {
  return grantFrom(await post('/api/auth/refresh', {}));
}

/** The session the HttpOnly cookie holds, for a tab that opened without one (a 401: none, or it is over). */
export async function resume(): Promise<SessionGrant> {
  try {
    return await grantFrom(await fetch('/api/auth/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } }));
  } catch (err) {
    throw err instanceof ApiError ? err : new ApiError(0, 'UNAVAILABLE', UNREACHABLE);
  }
}

/**
 * Ends the session on the server: the cookie's, and the token's when it is
 * given (another tab's log-in may have replaced the cookie since this tab's).
 * Failing is not fatal: the page forgets the token anyway.
 */
export async function logout(token?: string): Promise<void> {
  const res = await post('/api/auth/logout', {}, token ? { Authorization: `Bearer ${token}` } : {});
  if (!res.ok) throw toError(res.status, await readJson(res));
}

/** Changes the signed-in person's password (`token`: their access token; the cookie without one). Their other sessions end; this one stays. */
export async function changePassword(token: string | null, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const res = await post('/api/account/password', input, token ? { Authorization: `Bearer ${token}` } : {});
  if (!res.ok) throw toError(res.status, await readJson(res));
}

/** Sets a new password through a one-time link's token; answers whose account it was. */
export async function completePasswordReset(input: { token: string; password: string }): Promise<{ email: string }> {
  const res = await post('/api/auth/password-reset', input);
  const body = await readJson(res);
  if (!res.ok) throw toError(res.status, body);
  return { email: isRecord(body) && typeof body['email'] === 'string' ? body['email'] : '' };
}
