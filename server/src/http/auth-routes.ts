import type { Issued, StandaloneAccounts } from '../auth/standalone-accounts.ts';
import { clearedSessionCookie, cookieToken, httpCredential, sessionCookie } from '../auth/credentials.ts';
import type { Sessions } from '../auth/sessions.ts';
import { TokenError, type VerifiedToken } from '../auth/tokens.ts';
import type { Logger } from '../log.ts';
import { STATUS, sendRefusal as fail } from './account-refusal.ts';
import { readJsonBody, sendError, sendJson } from './respond.ts';
import type { HttpResponse, Route, Router } from './router.ts';
import { guardWrite, type WriteGuardOptions } from './write-guard.ts';

export interface AuthRouteDeps {
  accounts: StandaloneAccounts;
  sessions: Sessions;
  log: Logger;
  signupEnabled: boolean;
  cookieSecure: boolean;
  allowedOrigins: readonly string[];
}

export function registerAuthRoutes(routes: Router, deps: AuthRouteDeps): void {
  // The cookie holds the refresh token and lives as long as the session; the body's token is the short one.
  const withCookie = (issued: Issued): Record<string, string> =>
    issued.refreshToken === null ? {} : { 'Set-Cookie': sessionCookie(issued.refreshToken, deps.sessions.lifetimes.refreshSeconds, deps.cookieSecure) };
  const cleared = () => ({ 'Set-Cookie': clearedSessionCookie(deps.cookieSecure) });
  const ended = (res: HttpResponse) => sendJson(res, STATUS[401], { error: { code: 'UNAUTHENTICATED', message: 'Your session has ended; log in again', field: '' } }, cleared());
  const guard: WriteGuardOptions = { allowedOrigins: deps.allowedOrigins, secure: deps.cookieSecure };
  const post = (pattern: string, route: Route) => routes.post(pattern, (req, res) => guardWrite(req, res, guard) && route(req, res));

  post('/api/auth/signup', (req, res) => {
    if (!deps.signupEnabled) return sendError(res, STATUS[403], 'PERMISSION_DENIED', 'Sign-up is turned off on this server');
    readJsonBody(res)
      .then((body) => deps.accounts.signup(body, req.remoteAddress))
      .then((issued) => sendJson(res, '201 Created', issued.grant, withCookie(issued)))
      .catch((err) => fail(res, deps.log, 'signup', err));
  });

  post('/api/auth/login', (req, res) => {
    readJsonBody(res)
      .then((body) => deps.accounts.login(body, req.remoteAddress))
      .then((issued) => sendJson(res, '200 OK', issued.grant, withCookie(issued)))
      .catch((err) => fail(res, deps.log, 'login', err));
  });

  post('/api/auth/logout', (req, res) => {
    // The body is ignored, but uWS needs it read before the response ends cleanly.
    res.onData(() => undefined);
    // Both, when both come: the page sends its cookie, a tool its bearer token.
    const bearer = httpCredential(req.header('authorization'), '');
    const presented = [bearer?.token, cookieToken(req.header('cookie')) ?? undefined].filter((t): t is string => t !== undefined);
    try {
      deps.sessions.revoke(presented);
    } catch (err) {
      return fail(res, deps.log, 'logout', err);
    }
    sendJson(res, '204 No Content', undefined, cleared());
  });

  // An open page's next access token, from the HttpOnly cookie alone (never from a bearer token,
  // which would let a stolen access token renew itself). Not rotated: one cookie serves every tab.
  post('/api/auth/refresh', (req, res) => {
    res.onData(() => undefined);
    const refreshToken = cookieToken(req.header('cookie'));
    if (!refreshToken) return sendError(res, STATUS[401], 'UNAUTHENTICATED', 'Not logged in');
    deps.accounts
      .refresh(refreshToken)
      .then((grant) => sendJson(res, '200 OK', grant))
      .catch((err) => (err instanceof TokenError ? ended(res) : fail(res, deps.log, 'refresh', err)));
  });

  // A new tab resumes the session its HttpOnly cookie carries (the page cannot read the cookie):
  // the cookie's refresh token gets it a new access token; a bearer token is answered with itself.
  routes.get('/api/auth/session', (req, res) => {
    const credential = httpCredential(req.header('authorization'), req.header('cookie'));
    if (!credential) return sendError(res, STATUS[401], 'UNAUTHENTICATED', 'Not logged in');
    deps.accounts
      .session(credential)
      .then((grant) => sendJson(res, '200 OK', grant))
      .catch((err) => {
        if (!(err instanceof TokenError)) return fail(res, deps.log, 'session', err);
        sendError(res, STATUS[401], 'UNAUTHENTICATED', 'Your session has ended; log in again');
      });
  });

  post('/api/workspace/invitations', (req, res) => {
    const credential = httpCredential(req.header('authorization'), req.header('cookie'));
    const body = readJsonBody(res);
    if (!credential) {
      body.catch(() => undefined);
      return sendError(res, STATUS[401], 'UNAUTHENTICATED', 'Log in first');
    }
    let inviter: VerifiedToken;
    try {
      inviter = deps.sessions.authenticate(credential);
    } catch (err) {
      body.catch(() => undefined);
      if (!(err instanceof TokenError)) return fail(res, deps.log, 'invite', err);
      return sendError(res, STATUS[401], 'UNAUTHENTICATED', 'Your session is not valid; log in again');
    }
    body
      .then((fields) => deps.accounts.invite(inviter, fields))
      .then((invited) => sendJson(res, '201 Created', invited))
      .catch((err) => fail(res, deps.log, 'invite', err));
  });

  // Any other POST: a clear 404, with its body read so the connection stays usable.
  routes.post('/*', (_req, res) => {
    res.onData(() => undefined);
    sendError(res, '404 Not Found', 'NOT_FOUND', 'No such route');
  });
}
