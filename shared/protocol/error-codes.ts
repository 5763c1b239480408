// Every ErrorCode with what a client does about it (docs/PROTOCOL.md §8, §15). The
// write pipeline, the SDK and the client's stores consult this table instead
// of switching on codes of their own.
import { ErrorCode } from '../proto.ts';

/**
 * final: the same command would be refused again; show the message, drop the write.
 * retry-after: refused before it ran; send the same frame again after retry_after_ms.
 * reauthenticate: the token is no longer good; the socket closes (4001) and the
 *   write stays queued for the next socket, opened with a fresh token.
 * resync: the project cannot be caught up from the log; fetch its board again.
 * conflict: expected_version is stale; rebase on `current` or ask the person.
 * keep-queued: the server cannot store writes just now (its disk is full) and
 *   wrote nothing; the write stays queued and goes again after
 *   retry_after_ms, while reads go on (unlike retry-after, which holds the
 *   whole socket). A read that gets it rejects: reads are never queued.
 */
export type Recovery = 'final' | 'retry-after' | 'reauthenticate' | 'resync' | 'conflict' | 'keep-queued';

export interface ErrorCodeSpec {
  readonly recovery: Recovery;
  /**
   * The server keeps this answer with the message id, so a resend of the same
   * write gets it again. Not for answers that depend on the moment (a rate
   * limit, an expired token, a server fault): a resend should really run.
   */
  readonly remembered: boolean;
}

export const ERROR_CODES: { readonly [C in ErrorCode]: ErrorCodeSpec } = {
  [ErrorCode.ERROR_CODE_UNSPECIFIED]: { recovery: 'final', remembered: true },
  [ErrorCode.ERROR_CODE_INVALID_ARGUMENT]: { recovery: 'final', remembered: true },
  [ErrorCode.ERROR_CODE_UNAUTHENTICATED]: { recovery: 'reauthenticate', remembered: false },
  [ErrorCode.ERROR_CODE_PERMISSION_DENIED]: { recovery: 'final', remembered: true },
  [ErrorCode.ERROR_CODE_NOT_FOUND]: { recovery: 'final', remembered: true },
  [ErrorCode.ERROR_CODE_CONFLICT]: { recovery: 'conflict', remembered: true },
  [ErrorCode.ERROR_CODE_FAILED_PRECONDITION]: { recovery: 'final', remembered: true },
  [ErrorCode.ERROR_CODE_RATE_LIMITED]: { recovery: 'retry-after', remembered: false },
  [ErrorCode.ERROR_CODE_RESYNC_REQUIRED]: { recovery: 'resync', remembered: true },
  // A server fault leaves nothing half-written; the client cannot tell whether
  // a resend would fare better, so the person sees it and may try again.
  [ErrorCode.ERROR_CODE_INTERNAL]: { recovery: 'final', remembered: false },
  // Not the client's fault and it passes (space is freed): a resend must really run.
  [ErrorCode.ERROR_CODE_UNAVAILABLE]: { recovery: 'keep-queued', remembered: false },
};

/** The table's entry for a code, including one a newer server sent that this client does not know (final). */
export function errorCodeSpec(code: number): ErrorCodeSpec {
  return ERROR_CODES[code as ErrorCode] ?? ERROR_CODES[ErrorCode.ERROR_CODE_UNSPECIFIED];
}

export const recoveryOf = (code: number): Recovery => errorCodeSpec(code).recovery;

/** The code's name without its prefix, as logs, metrics and messages spell it: 'CONFLICT'. */
export function errorCodeName(code: number): string {
  return (ErrorCode[code as ErrorCode] ?? 'ERROR_CODE_UNSPECIFIED').replace('ERROR_CODE_', '');
}
