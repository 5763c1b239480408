// Every POST must be a JSON request from our own page (or an allowed origin)
// when a browser sends it. A cross-site form can send a cookie with
// `text/plain` or `application/x-www-form-urlencoded`, never `application/json`
// without a CORS preflight that the server does not grant; and a browser
// always names the page's origin on a POST. Login, logout and sign-up too: a
// forged login would sign a person into the attacker's account.
import { originAllowed } from '../auth/credentials.ts';
import { sendError } from './respond.ts';
import type { HttpRequest, HttpResponse } from './router.ts';

export interface WriteGuardOptions {
  allowedOrigins: readonly string[];
  secure: boolean;
}

/**
 * True when the request may go on; otherwise the refusal is sent (and the body drained).
 * `accepts`: the one media type the route reads; none a plain form can send (text/csv
 * needs a CORS preflight, as JSON does).
 */
export function guardWrite(req: HttpRequest, res: HttpResponse, options: WriteGuardOptions, accepts = 'application/json'): boolean {
  const type = req.header('content-type').split(';')[0]!.trim().toLowerCase();
  const refuse = (status: string, code: string, message: string) => {
    res.onData(() => undefined);
    sendError(res, status, code, message);
    return false;
  };
  if (type !== accepts) {
    return refuse('415 Unsupported Media Type', 'INVALID_ARGUMENT', `Send the request as ${accepts}`);
  }
  if (!originAllowed(req.header('origin'), req.header('host'), options.allowedOrigins, options.secure)) {
    return refuse('403 Forbidden', 'PERMISSION_DENIED', 'Requests from that page are not allowed');
  }
  return true;
}
