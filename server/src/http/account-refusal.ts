// How the account routes answer a failure (docs/PROTOCOL.md §2.1): an
// AccountError with its status and words, a workspace served by another cell
// as 421 naming it (§2.10), a body that could not be read as a 400, anything
// else a logged 500 that tells nothing.
import { CELL_HEADER } from '../../../shared/protocol/wire.ts';
import { AccountError, type AccountErrorStatus } from '../auth/account-error.ts';
import { PlacementUnavailable, TenantElsewhere } from '../cells/refusals.ts';
import type { Logger } from '../log.ts';
import { sendError, sendJson } from './respond.ts';
import type { HttpResponse } from './router.ts';

export const STATUS: Record<AccountErrorStatus, string> = {
  400: '400 Bad Request',
  401: '401 Unauthorized',
  403: '403 Forbidden',
  404: '404 Not Found',
  409: '409 Conflict',
  429: '429 Too Many Requests',
  503: '503 Service Unavailable',
};

export function sendRefusal(res: HttpResponse, log: Logger, route: string, err: unknown): void {
  if (err instanceof AccountError) {
    const body = { error: { code: err.code, message: err.message, field: err.field } };
    const wait = err.retryAfterMs > 0 ? { 'Retry-After': String(Math.ceil(err.retryAfterMs / 1000)) } : undefined;
    return sendJson(res, STATUS[err.status], body, wait);
  }
  if (err instanceof TenantElsewhere) {
    const body = { error: { code: 'UNAVAILABLE', message: err.message, field: '' }, cell: err.cell };
    return sendJson(res, '421 Misdirected Request', body, { [CELL_HEADER]: err.cell });
  }
  if (err instanceof PlacementUnavailable) {
    const body = { error: { code: 'UNAVAILABLE', message: err.message, field: '' } };
    return sendJson(res, STATUS[503], body, { 'Retry-After': String(Math.ceil(err.retryAfterMs / 1000)) });
  }
  if (err instanceof Error && !(err instanceof TypeError) && /body/.test(err.message)) {
    return sendError(res, STATUS[400], 'INVALID_ARGUMENT', err.message);
  }
  log.error('http_route_failed', { route }, err);
  sendError(res, '500 Internal Server Error', 'INTERNAL', 'Something went wrong on the server');
}
