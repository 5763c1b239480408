import { failedPrecondition, notFound } from '../../../shared/domain/errors.ts';
import { checkReportKind, checkReportRange, checkSprintCount, checkUtcOffset } from '../../../shared/domain/report-rules.ts';
import { ReportKind, Role, type IReport, type StatusCategory } from '../../../shared/proto.ts';
import { burndown, type SprintFacts } from '../reports/burndown.ts';
import { dayOf, endOfDay, startOfDay } from '../reports/calendar.ts';
import { cumulativeFlow } from '../reports/cumulative-flow.ts';
import { cycleTime } from '../reports/cycle-time.ts';
import { TRACKED_FIELDS, type ItemChange, type ItemFacts, type TrackedField } from '../reports/timeline.ts';
import { velocity } from '../reports/velocity.ts';
import type { Commands } from '../commands/parsers.ts';
import { statusCategories } from '../storage/enums.ts';
import { toStatus } from '../storage/mappers.ts';
import { allStatusesOf, statusesOf } from '../storage/projects.ts';
import { itemChangesOf, itemsNowOf, lastCompletedSprints } from '../storage/reports.ts';
import { activeSprint, findSprint, sprintMessage } from '../storage/sprints.ts';
import type { SprintRow } from '../storage/tables.ts';
import { projectAccess } from './access.ts';
import type { ReadContext, ResultValue } from './context.ts';

const isTracked = (field: string): field is TrackedField => (TRACKED_FIELDS as readonly string[]).includes(field);

/**
 * A report of one project, computed from its items and their history in one
 * read transaction; `seq` says which of the project's events it reflects, so
 * a client that gets a later one asks again.
 */
export function getReport(ctx: ReadContext, cmd: Commands['getReport']): ResultValue {
  const kind = checkReportKind(cmd.kind);
  const offsetMinutes = checkUtcOffset(cmd.utcOffsetMinutes);
  const sprintCount = kind === ReportKind.REPORT_KIND_VELOCITY ? checkSprintCount(cmd.sprints) : 0;
  const range = checkReportRange(cmd.fromDate, cmd.toDate, dayOf(ctx.now, offsetMinutes));
  return ctx.db.readTransaction(() => {
    const { project } = projectAccess(ctx, cmd.projectId, Role.ROLE_VIEWER);
    // The columns are the live statuses; categories come from every status
    // the project ever had, so history through a removed one still means what it did.
    const statuses = statusesOf(ctx.db, project.id);
    const categories = new Map<string, StatusCategory>(
      allStatusesOf(ctx.db, project.id).map((s) => [s.id, statusCategories.fromName(s.category)]),
    );
    const items: ItemFacts[] = itemsNowOf(ctx.db, project.id).map((row) => ({
      id: row.id,
      key: row.key,
      title: row.title,
      createdAt: row.created_at_ms,
      statusId: row.status_id,
      sprintId: row.sprint_id,
      points: row.story_points,
      deleted: row.deleted_at_ms !== null,
    }));
    const changes: ItemChange[] = itemChangesOf(ctx.db, project.id).flatMap((row) =>
      isTracked(row.field) ? [{ itemId: row.work_item_id, field: row.field, old: row.old_value, new: row.new_value, at: row.occurred_at_ms }] : [],
    );
    const report: IReport = { kind, seq: project.last_event_seq };
    switch (kind) {
      case ReportKind.REPORT_KIND_BURNDOWN: {
        const sprint = reportSprint(ctx, project.id, cmd.sprintId);
        report.burndown = burndown({ sprint: sprintFacts(sprint), message: sprintMessage(ctx.db, sprint), items, changes, categories, offsetMinutes, now: ctx.now });
        break;
      }
      case ReportKind.REPORT_KIND_VELOCITY: {
        const sprints = lastCompletedSprints(ctx.db, project.id, sprintCount).reverse();
        report.velocity = velocity({
          sprints: sprints.map((s) => ({ ...sprintFacts(s), name: s.name, completedAt: s.completed_at_ms! })),
          items,
          changes,
          categories,
        });
        break;
      }
      case ReportKind.REPORT_KIND_CUMULATIVE_FLOW:
        report.cumulativeFlow = cumulativeFlow({ statuses: statuses.map(toStatus), items, changes, ...range, offsetMinutes, now: ctx.now });
        break;
      case ReportKind.REPORT_KIND_CYCLE_TIME: {
        const byItem = new Map<string, ItemChange[]>();
        for (const change of changes) {
          const list = byItem.get(change.itemId);
          if (list) list.push(change);
          else byItem.set(change.itemId, [change]);
        }
        report.cycleTime = cycleTime({
          items,
          changesOf: (id) => byItem.get(id) ?? [],
          categories,
          from: startOfDay(range.from, offsetMinutes),
          to: endOfDay(range.to, offsetMinutes),
        });
        break;
      }
    }
    return { report };
  });
}

/** The sprint asked for, or the active one; it must have started. */
function reportSprint(ctx: ReadContext, projectId: string, sprintId: string): SprintRow {
  const sprint = sprintId ? findSprint(ctx.db, sprintId) : activeSprint(ctx.db, projectId);
  if (sprintId && (!sprint || sprint.project_id !== projectId)) throw notFound('Sprint', 'sprint_id');
  if (!sprint) throw failedPrecondition('The project has no active sprint; name a sprint for its burndown', 'sprint_id');
  if (sprint.started_at_ms === null) throw failedPrecondition('The sprint has not started yet: a burndown begins when it does', 'sprint_id');
  return sprint;
}

const sprintFacts = (row: SprintRow): SprintFacts => ({
  id: row.id,
  startDate: row.start_date,
  endDate: row.end_date,
  startedAt: row.started_at_ms!,
  completedAt: row.completed_at_ms,
});
