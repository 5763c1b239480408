import { checkLoggedMinutes, checkStartedAt, checkWorkNote } from '../../../shared/domain/time-tracking.ts';
import { AppError } from '../../../shared/domain/errors.ts';
import { ErrorCode } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import type { WorkLogRow } from '../storage/tables.ts';
import { saveWorkLog } from '../storage/work-logs.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { ownWorkLog } from './work-log-access.ts';
import { reviseWorkLog } from './work-log-changes.ts';

/** Changes a log's start, length or note against the version the caller saw. */
export function editWorkLog(ctx: WriteContext, cmd: Commands['editWorkLog']): ResultValue {
  const { log, item } = ownWorkLog(ctx, cmd.workLogId);
  // Error.current has no work log: the client reads the item's logs again (get_work_logs).
  if (cmd.expectedVersion !== log.version) {
    throw new AppError(ErrorCode.ERROR_CODE_CONFLICT, `The work log was changed by someone else (now version ${log.version}); reload and try again`, 'expected_version');
  }
  const next: WorkLogRow = {
    ...log,
    started_at_ms: cmd.startedAt === undefined ? log.started_at_ms : checkStartedAt(cmd.startedAt, ctx.now),
    minutes: cmd.minutes === undefined ? log.minutes : checkLoggedMinutes(cmd.minutes),
    note: cmd.note === undefined ? log.note : checkWorkNote(cmd.note),
    version: log.version + 1,
    updated_at_ms: ctx.now,
  };
  saveWorkLog(ctx.db, next);
  return { workLog: reviseWorkLog(ctx, item, log, next) };
}
