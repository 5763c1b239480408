import { Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { toWorkLog, workLogsOf } from '../storage/work-logs.ts';
import type { ReadContext, ResultValue } from './context.ts';
import { workItemAccess } from './entity-access.ts';

export function getWorkLogs(ctx: ReadContext, cmd: Commands['getWorkLogs']): ResultValue {
  return ctx.db.readTransaction(() => {
    const { item } = workItemAccess(ctx, cmd.workItemId, Role.ROLE_VIEWER, false);
    return { workLogs: { workLogs: workLogsOf(ctx.db, item.id).map(toWorkLog) } };
  });
}
