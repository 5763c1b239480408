// The reply frames, and the one place an error becomes one: an AppError is
// sent as it is, anything else as INTERNAL (logged by the caller, never shown).
import { AppError } from '../../../shared/domain/errors.ts';
import { pb, ErrorCode, type IError, type IResult } from '../../../shared/proto.ts';

export function resultFrame(messageId: string, now: number, result: IResult): Uint8Array {
  return pb.ServerFrame.encode({ messageId, serverTimeMs: now, result }).finish();
}

export function errorFrame(messageId: string, now: number, err: AppError): Uint8Array {
  const error: IError = {
    code: err.code,
    message: err.message,
    field: err.field,
    retryAfterMs: err.retryAfterMs,
    projectId: err.projectId,
    ...err.current,
  };
  return pb.ServerFrame.encode({ messageId, serverTimeMs: now, error }).finish();
}

export const internalError = () =>
  new AppError(ErrorCode.ERROR_CODE_INTERNAL, 'Something went wrong on the server; nothing was changed');
