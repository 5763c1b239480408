// Work logs and running timers (tenancy/schema-v9-time.ts).
import type { IWorkLog } from '../../../shared/proto.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { TimerRow, WorkLogRow } from './tables.ts';

export function toWorkLog(row: WorkLogRow): IWorkLog {
  return {
    id: row.id,
    workItemId: row.work_item_id,
    projectId: row.project_id,
    userId: row.user_id,
    startedAt: row.started_at_ms,
    minutes: row.minutes,
    note: row.note,
    version: row.version,
    createdAt: row.created_at_ms,
    deletedAt: row.deleted_at_ms ?? 0,
  };
}

export function insertWorkLog(db: SqlRunner, row: WorkLogRow): void {
  db.run(q.insertInto('pm_work_logs').values(row));
}

const byId = prepared((id: string) => q.selectFrom('pm_work_logs').selectAll().where('id', '=', id));

export function findWorkLog(db: SqlRunner, id: string): WorkLogRow | undefined {
  return db.get(byId(id));
}

/** Writes the log as it now is (a version higher than the row had). */
export function saveWorkLog(db: SqlRunner, row: WorkLogRow): void {
  const { id, ...rest } = row;
  db.run(q.updateTable('pm_work_logs').set(rest).where('id', '=', id));
}

const ofItem = prepared((workItemId: string) =>
  q.selectFrom('pm_work_logs').selectAll().where('work_item_id', '=', workItemId).where('deleted_at_ms', 'is', null).orderBy('started_at_ms', 'desc').orderBy('id'),
);

export function workLogsOf(db: SqlRunner, workItemId: string): WorkLogRow[] {
  return db.all(ofItem(workItemId));
}

export interface TimesheetRow {
  work_item_id: string;
  key: string;
  title: string;
  project_id: string;
  started_at_ms: number;
  minutes: number;
}

const inRange = prepared((userId: string, from: number, to: number) =>
  q.selectFrom('pm_work_logs as l')
    .innerJoin('pm_work_items as w', 'w.id', 'l.work_item_id')
    .select(['l.work_item_id', 'w.key', 'w.title', 'l.project_id', 'l.started_at_ms', 'l.minutes'])
    .where('l.user_id', '=', userId)
    .where('l.deleted_at_ms', 'is', null)
    .where('l.started_at_ms', '>=', from)
    .where('l.started_at_ms', '<', to)
    .orderBy('l.started_at_ms'),
);

/** A person's live logs that began in [from, to). */
export function logsBetween(db: SqlRunner, userId: string, from: number, to: number): TimesheetRow[] {
  return db.all(inRange(userId, from, to));
}

const timerOf = prepared((userId: string) => q.selectFrom('pm_timers').selectAll().where('user_id', '=', userId));

export function findTimer(db: SqlRunner, userId: string): TimerRow | undefined {
  return db.get(timerOf(userId));
}

export function saveTimer(db: SqlRunner, row: TimerRow): void {
  db.run(q.insertInto('pm_timers').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet({ work_item_id: row.work_item_id, started_at_ms: row.started_at_ms })));
}

export function dropTimer(db: SqlRunner, userId: string): void {
  db.run(q.deleteFrom('pm_timers').where('user_id', '=', userId));
}
