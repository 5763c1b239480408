import type { Commands } from '../commands/parsers.ts';
import type { WorkLogRow } from '../storage/tables.ts';
import { saveWorkLog } from '../storage/work-logs.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { ownWorkLog } from './work-log-access.ts';
import { reviseWorkLog } from './work-log-changes.ts';

/** A deleted log no longer counts; its row stays for the record. */
export function deleteWorkLog(ctx: WriteContext, cmd: Commands['deleteWorkLog']): ResultValue {
  const { log, item } = ownWorkLog(ctx, cmd.workLogId);
  const next: WorkLogRow = { ...log, deleted_at_ms: ctx.now, version: log.version + 1, updated_at_ms: ctx.now };
  saveWorkLog(ctx.db, next);
  return { workLog: reviseWorkLog(ctx, item, log, next) };
}
