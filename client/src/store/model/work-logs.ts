// One item's work logs as the server has them, the reducer that keeps them
// (the project feed's work_log events, the Results of our log writes), the
// list a person sees with our unanswered writes on it, and a refused log
// write in words. A log's CONFLICT carries no current version (PROTOCOL.md
// §5), so the list is read again instead.
import { ErrorCode, type IEvent, type IWorkLog } from '../../../../shared/proto.ts';
import { RequestError } from '../../../../shared/sdk/errors.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';
import { plainError } from './plain-error.ts';

export type ItemWorkLog = IWorkLog & { id: string; pending?: boolean };

export type WorkLogsById = ReadonlyMap<string, ItemWorkLog>;

/** What an edit may change; a field left out stays as it is. */
export interface WorkLogChange {
  startedAt?: number;
  minutes?: number;
  note?: string;
}

export type WorkLogOp =
  | { kind: 'add'; messageId: string; log: ItemWorkLog }
  | { kind: 'edit'; messageId: string; id: string; change: WorkLogChange }
  | { kind: 'delete'; messageId: string; id: string };

const isDeleted = (log: IWorkLog) => Number(log.deletedAt ?? 0) > 0;

/** get_work_logs' answer. */
export function fromWorkLogs(list: readonly IWorkLog[]): WorkLogsById {
  return new Map(list.filter((l) => !isDeleted(l)).map((l) => [l.id ?? '', { ...l, id: l.id ?? '' }]));
}

/** One log as the server now has it, when it is on item `itemId`; an older version than the one held is ignored. */
export function applyWorkLog(confirmed: WorkLogsById, log: IWorkLog, itemId: string): WorkLogsById {
  const id = log.id;
  if (!id || log.workItemId !== itemId) return confirmed;
  const known = confirmed.get(id);
  if (known && Number(known.version ?? 0) > Number(log.version ?? 0)) return confirmed;
  const next = new Map(confirmed);
  if (isDeleted(log)) next.delete(id);
  else next.set(id, { ...log, id });
  return next;
}

export const workLogsReducer = {
  event: (confirmed: WorkLogsById, event: IEvent, itemId: string): WorkLogsById =>
    event.workLog?.workLog ? applyWorkLog(confirmed, event.workLog.workLog, itemId) : confirmed,
  reply: (confirmed: WorkLogsById, reply: Reply, itemId: string): WorkLogsById =>
    reply.ok && reply.result.workLog ? applyWorkLog(confirmed, reply.result.workLog, itemId) : confirmed,
};

/** The logs a person sees, the latest start first, with our unanswered writes laid on them. */
export function workLogView(confirmed: WorkLogsById, ops: readonly WorkLogOp[]): ItemWorkLog[] {
  const view = new Map(confirmed);
  for (const op of ops) {
    if (op.kind === 'add') view.set(op.log.id, op.log);
    else if (op.kind === 'edit') {
      const log = view.get(op.id);
      if (log) view.set(op.id, { ...log, ...op.change, pending: true });
    } else view.delete(op.id);
  }
  return [...view.values()].sort((a, b) => Number(b.startedAt ?? 0) - Number(a.startedAt ?? 0) || (a.id < b.id ? -1 : 1));
}

/** A refused log write in words: a log's own CONFLICT and NOT_FOUND are not an item's. */
export function workLogRefusal(action: string, error: unknown): string {
  if (error instanceof RequestError && error.code === ErrorCode.ERROR_CODE_CONFLICT) {
    return `Could not ${action}: someone changed this work log a moment ago. The list now shows their version.`;
  }
  if (error instanceof RequestError && error.code === ErrorCode.ERROR_CODE_NOT_FOUND && error.field === 'work_log_id') {
    return `Could not ${action}: the work log was deleted meanwhile.`;
  }
  return plainError(action, error);
}
