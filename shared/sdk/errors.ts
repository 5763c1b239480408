// The two ways a request fails: the server answered with an Error frame
// (RequestError, carrying docs/PROTOCOL.md §8's fields), or there was no socket to
// answer at all (ConnectionError).
import type { CurrentEntity } from '../domain/errors.ts';
import { ErrorCode, type IError } from '../proto.ts';
import { errorCodeName } from '../protocol/error-codes.ts';

export class RequestError extends Error {
  override readonly name = 'RequestError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The request field that failed validation ('' when none). */
    readonly field = '',
    /** The server's version of the entity, on CONFLICT: what to rebase an optimistic change on. */
    readonly current: CurrentEntity | null = null,
    /** On RATE_LIMITED: how long the server asks us to wait. */
    readonly retryAfterMs = 0,
    /** On RESYNC_REQUIRED: the project whose board must be fetched again. */
    readonly projectId = '',
  ) {
    super(message);
  }

  static fromFrame(error: IError): RequestError {
    return new RequestError(
      error.code ?? ErrorCode.ERROR_CODE_UNSPECIFIED,
      error.message ?? '',
      error.field ?? '',
      currentOf(error),
      error.retryAfterMs ?? 0,
      error.projectId ?? '',
    );
  }

  /** The ErrorCode's name without its prefix: 'CONFLICT'. */
  get codeName(): string {
    return errorCodeName(this.code);
  }
}

function currentOf(error: IError): CurrentEntity | null {
  if (error.workItem) return { workItem: error.workItem };
  if (error.comment) return { comment: error.comment };
  if (error.sprint) return { sprint: error.sprint };
  if (error.project) return { project: error.project };
  return null;
}

export type ConnectionErrorReason =
  /** A read asked for while no socket is open: reads are never queued. */
  | 'offline'
  /** The socket closed before the reply came (a read; writes stay queued). */
  | 'dropped'
  /** close() was called: nothing more will be sent on this connection. */
  | 'closed';

export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';

  constructor(readonly reason: ConnectionErrorReason, message: string) {
    super(message);
  }
}
