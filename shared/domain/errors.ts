import { ErrorCode, type IComment, type IProject, type ISprint, type IWorkItem } from '../proto.ts';

/** The entity a CONFLICT carries: the server's current version of it. */
export type CurrentEntity =
  | { workItem: IWorkItem }
  | { comment: IComment }
  | { sprint: ISprint }
  | { project: IProject };

/**
 * An error the client should see, with a docs/PROTOCOL.md code. Thrown by domain
 * rules and handlers; transport turns it into an Error frame in one place.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field = '',
    readonly current?: CurrentEntity,
    readonly retryAfterMs = 0,
    readonly projectId = '',
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalidArgument = (field: string, message: string) =>
  new AppError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, message, field);

export const notFound = (what: string, field = '') =>
  new AppError(ErrorCode.ERROR_CODE_NOT_FOUND, `${what} not found`, field);

export const permissionDenied = (message: string) =>
  new AppError(ErrorCode.ERROR_CODE_PERMISSION_DENIED, message);

export const failedPrecondition = (message: string, field = '') =>
  new AppError(ErrorCode.ERROR_CODE_FAILED_PRECONDITION, message, field);

export const conflict = (message: string, current: CurrentEntity) =>
  new AppError(ErrorCode.ERROR_CODE_CONFLICT, message, 'expected_version', current);
