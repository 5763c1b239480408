import { notFound, permissionDenied } from '../../../shared/domain/errors.ts';
import { atLeast } from '../../../shared/domain/permissions.ts';
import { Role } from '../../../shared/proto.ts';
import type { WorkItemRow, WorkLogRow } from '../storage/tables.ts';
import { findWorkLog } from '../storage/work-logs.ts';
import type { ReadContext } from './context.ts';
import { workItemAccess } from './entity-access.ts';

const AS = { what: 'Work log', field: 'work_log_id' };

/** A live log of a live item: the person who logged it changes it, or an admin of the project. */
export function ownWorkLog(ctx: ReadContext, workLogId: string): { log: WorkLogRow; item: WorkItemRow } {
  const log = findWorkLog(ctx.db, workLogId);
  if (!log || log.deleted_at_ms !== null) throw notFound('Work log', 'work_log_id');
  const { item, role } = workItemAccess(ctx, log.work_item_id, Role.ROLE_EDITOR, true, AS);
  if (log.user_id !== ctx.caller.userId && !atLeast(role, Role.ROLE_ADMIN)) throw permissionDenied('Only who logged the time, or an admin of the project, may change it');
  return { log, item };
}
