// A refusal of an account request, with the HTTP status it is answered with
// (docs/PROTOCOL.md §2). HTTP-free: the routes turn it into a response.
export type AccountErrorStatus = 400 | 401 | 403 | 404 | 409 | 429 | 503;

export class AccountError extends Error {
  constructor(
    readonly status: AccountErrorStatus,
    readonly code: string,
    message: string,
    readonly field = '',
    /** On 429 and 503: when to try again (sent as Retry-After). */
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}
