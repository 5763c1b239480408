import { invalidArgument, permissionDenied } from '../../../shared/domain/errors.ts';
import { effectiveRole, isTenantAdmin } from '../../../shared/domain/permissions.ts';
import { checkUtcOffset } from '../../../shared/domain/report-rules.ts';
import { checkDate } from '../../../shared/domain/validation.ts';
import type { ITimesheetDay } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { addDays, dayOf, startOfDay } from '../reports/calendar.ts';
import { memberRole } from '../storage/members.ts';
import { logsBetween } from '../storage/work-logs.ts';
import type { ReadContext, ResultValue } from './context.ts';

const WEEK = 7;

/** A person's logged time per day for a week, of the projects the caller may read; another person's for workspace owners and admins. */
export function getTimesheet(ctx: ReadContext, cmd: Commands['getTimesheet']): ResultValue {
  const userId = cmd.userId || ctx.caller.userId;
  if (userId !== ctx.caller.userId && !isTenantAdmin(ctx.caller.tenantRole)) throw permissionDenied("Only workspace owners and admins read another person's timesheet");
  if (!cmd.weekStart) throw invalidArgument('week_start', 'week_start is the first day of the week, YYYY-MM-DD');
  const first = checkDate(cmd.weekStart, 'week_start');
  const offset = checkUtcOffset(cmd.utcOffsetMinutes);
  const dates = Array.from({ length: WEEK }, (_, i) => addDays(first, i));
  return ctx.db.readTransaction(() => {
    const readable = new Map<string, boolean>();
    const canRead = (projectId: string) => {
      if (!readable.has(projectId)) readable.set(projectId, effectiveRole(ctx.caller.tenantRole, memberRole(ctx.db, projectId, ctx.caller.userId)) !== null);
      return readable.get(projectId)!;
    };
    const days: ITimesheetDay[] = dates.map((date) => ({ date, entries: [], totalMinutes: 0 }));
    const byDay = new Map(days.map((d) => [d.date!, d]));
    for (const log of logsBetween(ctx.db, userId, startOfDay(first, offset), startOfDay(addDays(first, WEEK), offset))) {
      if (!canRead(log.project_id)) continue;
      const day = byDay.get(dayOf(log.started_at_ms, offset))!;
      const entry = day.entries!.find((e) => e.workItemId === log.work_item_id);
      if (entry) entry.minutes = Number(entry.minutes) + log.minutes;
      else day.entries!.push({ workItemId: log.work_item_id, key: log.key, title: log.title, minutes: log.minutes });
      day.totalMinutes = Number(day.totalMinutes) + log.minutes;
    }
    const total = days.reduce((sum, d) => sum + Number(d.totalMinutes), 0);
    return { timesheet: { userId, days, totalMinutes: total } };
  });
}
