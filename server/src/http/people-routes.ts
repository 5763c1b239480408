// Workspace admin and passwords over HTTP (docs/PROTOCOL.md §2.6): the
// people of a workspace, a role, deactivation and reactivation, a one-time
// password link; a person's own password change; a link's use. The caller's
// credential as on the other /api routes (bearer or the session cookie), and
// every POST behind the guard of §2.3.
import { AccountDeactivated, type Sessions } from '../auth/sessions.ts';
import { httpCredential } from '../auth/credentials.ts';
import type { PasswordChanges } from '../auth/password-changes.ts';
import { TokenError, type VerifiedToken } from '../auth/tokens.ts';
import type { WorkspacePeople } from '../auth/workspace-people.ts';
import type { Logger } from '../log.ts';
import { STATUS, sendRefusal } from './account-refusal.ts';
import { readJsonBody, sendError, sendJson } from './respond.ts';
import type { HttpRequest, HttpResponse, Route, Router } from './router.ts';
import { guardWrite, type WriteGuardOptions } from './write-guard.ts';

export interface PeopleRouteDeps {
  people: WorkspacePeople;
  passwords: PasswordChanges;
  sessions: Pick<Sessions, 'authenticate'>;
  log: Logger;
  guard: WriteGuardOptions;
}

/** An account id as written in the path; one that needed decoding names nobody anyway. */
const personIdOf = (url: string) => /^\/api\/workspace\/people\/([^/]+)\//.exec(url)?.[1] ?? '';

type PersonChange = (caller: VerifiedToken, personId: string, body: Record<string, unknown>) => unknown;

export function registerPeopleRoutes(routes: Router, deps: PeopleRouteDeps): void {
  const post = (pattern: string, route: Route) => routes.post(pattern, (req, res) => guardWrite(req, res, deps.guard) && route(req, res));

  /** Who is asking, or null once the 401 is sent. A deactivated person is told so. */
  const callerOf = (req: HttpRequest, res: HttpResponse, route: string): VerifiedToken | null => {
    const credential = httpCredential(req.header('authorization'), req.header('cookie'));
    if (!credential) {
      sendError(res, STATUS[401], 'UNAUTHENTICATED', 'Log in first');
      return null;
    }
    try {
      return deps.sessions.authenticate(credential);
    } catch (err) {
      if (!(err instanceof TokenError)) sendRefusal(res, deps.log, route, err);
      else sendError(res, STATUS[401], 'UNAUTHENTICATED', err instanceof AccountDeactivated ? err.message : 'Your session is not valid; log in again');
      return null;
    }
  };

  /** A POST whose JSON body goes, with the caller, to `run`; its value is the answer. */
  const postAsCaller = (pattern: string, route: string, status: string, run: (caller: VerifiedToken, req: HttpRequest, body: Record<string, unknown>) => unknown) =>
    post(pattern, (req, res) => {
      // Read from the start, refused or not: uWS needs the body taken before the answer ends.
      const body = readJsonBody(res);
      const caller = callerOf(req, res, route);
      if (!caller) return void body.catch(() => undefined);
      body
        .then((fields) => run(caller, req, fields))
        .then((answer) => sendJson(res, status, answer))
        .catch((err) => sendRefusal(res, deps.log, route, err));
    });

  const onPerson = (action: string, status: string, change: PersonChange) =>
    postAsCaller(`/api/workspace/people/:id/${action}`, `people/${action}`, status, (caller, req, body) => change(caller, personIdOf(req.url), body));

  routes.get('/api/workspace/people', (req, res) => {
    const caller = callerOf(req, res, 'people');
    if (!caller) return;
    try {
      sendJson(res, '200 OK', { people: deps.people.list(caller) });
    } catch (err) {
      sendRefusal(res, deps.log, 'people', err);
    }
  });
  onPerson('role', '200 OK', (caller, id, body) => ({ people: deps.people.setRole(caller, id, body['role']) }));
  onPerson('deactivate', '200 OK', (caller, id) => ({ people: deps.people.setActive(caller, id, false) }));
  onPerson('reactivate', '200 OK', (caller, id) => ({ people: deps.people.setActive(caller, id, true) }));
  onPerson('password-reset', '201 Created', (caller, id) => deps.people.passwordLink(caller, id));

  postAsCaller('/api/account/password', 'account/password', '204 No Content', async (caller, req, body) => {
    await deps.passwords.changeOwn(caller, body, req.remoteAddress);
    return undefined;
  });

  // No credential: the link stands for one, and whoever needs it is usually locked out.
  post('/api/auth/password-reset', (_req, res) => {
    readJsonBody(res)
      .then((body) => deps.passwords.useLink(body))
      .then((answer) => sendJson(res, '200 OK', answer))
      .catch((err) => sendRefusal(res, deps.log, 'password-reset', err));
  });
}
