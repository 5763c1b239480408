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

/**
 * The workspace is read-only while it moves to another cell (decision 57): a
 * change of its people's accounts now could be left behind, as a write to
 * its file would be.
 */
export const workspaceMoving = () =>
  new AccountError(503, 'UNAVAILABLE', 'This workspace is moving to another server; try again in a moment', '', 1000);
