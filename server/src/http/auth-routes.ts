import type { HttpRequest, HttpResponse, TemplatedApp } from 'uWebSockets.js';
import { AccountError, type StandaloneAccounts } from '../auth/standalone-accounts.ts';
import { clearedSessionCookie, httpCredential, sessionCookie } from '../auth/credentials.ts';
import { SESSION_TTL_SECONDS, TokenError, type TokenService, type VerifiedToken } from '../auth/tokens.ts';
import type { Logger } from '../log.ts';
import { readJsonBody, sendError, sendJson, trackAbort, type ResponseState } from './respond.ts';

export interface AuthRouteDeps {
  accounts: StandaloneAccounts;
  tokens: TokenService;
  log: Logger;
  signupEnabled: boolean;
  cookieSecure: boolean;
}

const STATUS = { 400: '400 Bad Request', 401: '401 Unauthorized', 403: '403 Forbidden', 409: '409 Conflict' } as const;

function fail(res: HttpResponse, state: ResponseState, log: Logger, route: string, err: unknown): void {
  if (err instanceof AccountError) return sendError(res, state, STATUS[err.status], err.code, err.message, err.field);
  if (err instanceof Error && !(err instanceof TypeError) && /body/.test(err.message)) {
    return sendError(res, state, STATUS[400], 'INVALID_ARGUMENT', err.message);
  }
  log.error('http_route_failed', { route, error: err instanceof Error ? err.message : String(err) });
  sendError(res, state, '500 Internal Server Error', 'INTERNAL', 'Something went wrong on the server');
}

export function registerAuthRoutes(app: TemplatedApp, deps: AuthRouteDeps): void {
  const cookie = (token: string) => ({ 'Set-Cookie': sessionCookie(token, SESSION_TTL_SECONDS, deps.cookieSecure) });

  app.post('/api/auth/signup', (res) => {
    const state = trackAbort(res);
    if (!deps.signupEnabled) return sendError(res, state, STATUS[403], 'PERMISSION_DENIED', 'Sign-up is turned off on this server');
    readJsonBody(res, state)
      .then((body) => deps.accounts.signup(body))
      .then((grant) => sendJson(res, state, '201 Created', grant, cookie(grant.token)))
      .catch((err) => fail(res, state, deps.log, 'signup', err));
  });

  app.post('/api/auth/login', (res) => {
    const state = trackAbort(res);
    readJsonBody(res, state)
      .then((body) => deps.accounts.login(body))
      .then((grant) => sendJson(res, state, '200 OK', grant, cookie(grant.token)))
      .catch((err) => fail(res, state, deps.log, 'login', err));
  });

  app.post('/api/auth/logout', (res) => {
    const state = trackAbort(res);
    // The body is ignored, but uWS needs it read before the response ends cleanly.
    res.onData(() => undefined);
    sendJson(res, state, '204 No Content', undefined, { 'Set-Cookie': clearedSessionCookie(deps.cookieSecure) });
  });

  // A new tab resumes the session its HttpOnly cookie carries (the page cannot read the cookie).
  app.get('/api/auth/session', (res, req: HttpRequest) => {
    const state = trackAbort(res);
    const credential = httpCredential(req.getHeader('authorization'), req.getHeader('cookie'));
    if (!credential) return sendError(res, state, STATUS[401], 'UNAUTHENTICATED', 'Not logged in');
    try {
      sendJson(res, state, '200 OK', deps.accounts.resume(credential.token, deps.tokens.verify(credential.token)));
    } catch (err) {
      if (!(err instanceof TokenError)) return fail(res, state, deps.log, 'session', err);
      sendError(res, state, STATUS[401], 'UNAUTHENTICATED', 'Your session has ended; log in again');
    }
  });

  app.post('/api/workspace/invitations', (res, req: HttpRequest) => {
    const state = trackAbort(res);
    const credential = httpCredential(req.getHeader('authorization'), req.getHeader('cookie'));
    const body = readJsonBody(res, state);
    if (!credential) {
      body.catch(() => undefined);
      return sendError(res, state, STATUS[401], 'UNAUTHENTICATED', 'Log in first');
    }
    let inviter: VerifiedToken;
    try {
      inviter = deps.tokens.verify(credential.token);
    } catch (err) {
      body.catch(() => undefined);
      if (!(err instanceof TokenError)) return fail(res, state, deps.log, 'invite', err);
      return sendError(res, state, STATUS[401], 'UNAUTHENTICATED', 'Your session is not valid; log in again');
    }
    body
      .then((fields) => deps.accounts.invite(inviter, fields))
      .then((invited) => sendJson(res, state, '201 Created', invited))
      .catch((err) => fail(res, state, deps.log, 'invite', err));
  });
}
