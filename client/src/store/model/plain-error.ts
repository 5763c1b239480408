// A refusal in words a person can act on. What the client did about it
// follows from the code's recovery (shared/protocol/error-codes.ts); the
// words for a final refusal say why, by code, with the server's message when
// it helps.
import { ErrorCode } from '../../../../shared/proto.ts';
import { recoveryOf } from '../../../../shared/protocol/error-codes.ts';
import { ConnectionError, RequestError } from '../../../../shared/sdk/errors.ts';

const tryAgain = (action: string, message: string) => `Could not ${action}. ${message ? `The server said: ${message}` : 'Try again in a moment.'}`;

function finalWords(action: string, error: RequestError): string {
  switch (error.code) {
    case ErrorCode.ERROR_CODE_PERMISSION_DENIED:
      // Pull mode's refusals name their rule (shared/domain/pull-mode.ts), which says more than the role would.
      if (/pull mode/i.test(error.message)) return `Could not ${action}: ${error.message}.`;
      return `Could not ${action}: your role in this project does not allow it.`;
    case ErrorCode.ERROR_CODE_NOT_FOUND:
      return `Could not ${action}: the item no longer exists.`;
    case ErrorCode.ERROR_CODE_INVALID_ARGUMENT:
    case ErrorCode.ERROR_CODE_FAILED_PRECONDITION:
      return `Could not ${action}: ${error.message || 'the server refused it'}.`.replace(/\.\.$/, '.');
    default:
      return tryAgain(action, error.message);
  }
}

export function plainError(action: string, error: unknown): string {
  if (error instanceof ConnectionError) return `Could not ${action}: the connection closed. It will be retried when Tandem is back online.`;
  if (!(error instanceof RequestError)) return tryAgain(action, error instanceof Error ? error.message : '');
  switch (recoveryOf(error.code)) {
    case 'conflict':
      // The reply's current version is on the board already (the reducers apply it).
      return `Could not ${action}: someone changed this item a moment ago. The board now shows their version.`;
    case 'final':
      return finalWords(action, error);
    default:
      // The SDK retries, reauthenticates or resyncs by itself; one that still surfaces is said as the server put it.
      return tryAgain(action, error.message);
  }
}
