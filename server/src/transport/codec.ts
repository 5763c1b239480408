// Bytes to typed frames and back: the only place the socket layer touches the
// wire format. Handlers never see bytes.
import { AppError } from '../../../shared/domain/errors.ts';
import { pb, ErrorCode, type ClientFrame, type IError, type IResult } from '../../../shared/proto.ts';
import { Writer } from '../../../shared/protobuf-runtime.js';

export function decodeClientFrame(bytes: Uint8Array): ClientFrame {
  return pb.ClientFrame.decode(bytes);
}

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

/**
 * Wraps a stored Event's bytes in a ServerFrame without decoding it:
 * field 2 (server_time_ms, varint) then field 12 (event, length-delimited).
 */
export function eventFrame(eventBytes: Uint8Array, now: number): Uint8Array {
  return Writer.create().uint32((2 << 3) | 0).int64(now).uint32((12 << 3) | 2).bytes(eventBytes).finish();
}

export const internalError = () =>
  new AppError(ErrorCode.ERROR_CODE_INTERNAL, 'Something went wrong on the server; nothing was changed');
