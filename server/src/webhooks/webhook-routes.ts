// The webhook routes (docs/PROTOCOL.md §2): a credential as on the other
// /api routes (bearer or the session cookie), the POST guard of §2.3 on every
// POST, then WebhookAdmin. Writes are POSTs, as everywhere in this API:
// `POST /api/webhooks/<id>` changes one, `.../delete` deletes it.
import { AppError } from '../../../shared/domain/errors.ts';
import { ErrorCode } from '../../../shared/proto.ts';
import { errorCodeName } from '../../../shared/protocol/error-codes.ts';
import { admitCaller, type Caller } from '../auth/caller.ts';
import { httpCredential } from '../auth/credentials.ts';
import type { Sessions } from '../auth/sessions.ts';
import { TokenError } from '../auth/tokens.ts';
import { readJsonBody, sendError, sendJson } from '../http/respond.ts';
import type { HttpRequest, HttpResponse, Router } from '../http/router.ts';
import { guardWrite, type WriteGuardOptions } from '../http/write-guard.ts';
import type { Logger } from '../log.ts';
import { isStorageFault } from '../tenancy/storage-fault.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import { LOG_DEFAULT, type WebhookAdmin } from './webhook-admin.ts';

export interface WebhookRouteDeps {
  admin: WebhookAdmin;
  sessions: Pick<Sessions, 'authenticate'>;
  databases: TenantDatabases;
  log: Logger;
  guard: WriteGuardOptions;
}

const STATUS: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.ERROR_CODE_INVALID_ARGUMENT]: '400 Bad Request',
  [ErrorCode.ERROR_CODE_PERMISSION_DENIED]: '403 Forbidden',
  [ErrorCode.ERROR_CODE_NOT_FOUND]: '404 Not Found',
};

/** The path's segments after /api/webhooks/: the webhook id, then `deliveries` and a delivery id. */
const segments = (url: string) => url.split('/').slice(3);

const limitOf = (query: string) => {
  const asked = Number(new URLSearchParams(query).get('limit') ?? LOG_DEFAULT);
  return Number.isInteger(asked) ? asked : LOG_DEFAULT;
};

export function registerWebhookRoutes(routes: Router, deps: WebhookRouteDeps): void {
  const fail = (res: HttpResponse, route: string, err: unknown) => {
    if (err instanceof AppError && STATUS[err.code]) return sendError(res, STATUS[err.code]!, errorCodeName(err.code), err.message, err.field);
    if (err instanceof TokenError) return sendError(res, '401 Unauthorized', 'UNAUTHENTICATED', 'Your session is not valid; log in again');
    if (isStorageFault(err)) return sendError(res, '503 Service Unavailable', 'UNAVAILABLE', 'The server cannot save changes right now; nothing was changed');
    if (err instanceof Error && !(err instanceof TypeError) && /body/.test(err.message)) return sendError(res, '400 Bad Request', 'INVALID_ARGUMENT', err.message);
    deps.log.error('http_route_failed', { route }, err);
    sendError(res, '500 Internal Server Error', 'INTERNAL', 'Something went wrong on the server');
  };

  /** The caller, or null once the 401 is sent. */
  const callerOf = (req: HttpRequest, res: HttpResponse): Caller | null => {
    const credential = httpCredential(req.header('authorization'), req.header('cookie'));
    if (!credential) {
      sendError(res, '401 Unauthorized', 'UNAUTHENTICATED', 'Log in first');
      return null;
    }
    return admitCaller(deps.databases, deps.sessions.authenticate(credential));
  };

  /** A GET answered from the caller at once. */
  const read = (route: string, answer: (caller: Caller, req: HttpRequest) => unknown) => (req: HttpRequest, res: HttpResponse) => {
    try {
      const caller = callerOf(req, res);
      if (caller) sendJson(res, '200 OK', answer(caller, req));
    } catch (err) {
      fail(res, route, err);
    }
  };

  /** A guarded POST whose JSON body (an empty object when none is needed) goes to `run`. */
  const write = (route: string, status: string, run: (caller: Caller, req: HttpRequest, body: Record<string, unknown>) => unknown) =>
    (req: HttpRequest, res: HttpResponse) => {
      if (!guardWrite(req, res, deps.guard)) return;
      const body = readJsonBody(res);
      let caller: Caller | null;
      try {
        caller = callerOf(req, res);
      } catch (err) {
        caller = null;
        fail(res, route, err);
      }
      if (!caller) return void body.catch(() => undefined);
      const who = caller;
      body
        .then((fields) => run(who, req, fields))
        .then((answer) => sendJson(res, status, answer))
        .catch((err) => fail(res, route, err));
    };

  routes.get('/api/webhooks', read('webhooks', (caller) => ({ webhooks: deps.admin.list(caller) })));
  routes.post('/api/webhooks', write('webhook_create', '201 Created', (caller, _req, body) => deps.admin.create(caller, body)));
  routes.post('/api/webhooks/:id', write('webhook_update', '200 OK', (caller, req, body) => deps.admin.update(caller, segments(req.url)[0]!, body)));
  routes.post('/api/webhooks/:id/delete', write('webhook_delete', '204 No Content', (caller, req) => void deps.admin.delete(caller, segments(req.url)[0]!)));
  routes.get(
    '/api/webhooks/:id/deliveries',
    read('webhook_deliveries', (caller, req) => ({ deliveries: deps.admin.deliveries(caller, segments(req.url)[0]!, limitOf(req.query)) })),
  );
  routes.post(
    '/api/webhooks/:id/deliveries/:deliveryId/resend',
    write('webhook_resend', '202 Accepted', (caller, req) => {
      const [id, , deliveryId] = segments(req.url);
      return { delivery: deps.admin.resend(caller, id!, deliveryId!) };
    }),
  );
}
