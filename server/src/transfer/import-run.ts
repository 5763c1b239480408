// Carries out an import plan in ONE transaction, through the handlers the
// create_sprint and create_work_item commands run: the same checks, the same
// activity rows and events. Each row runs in a savepoint, so a row the create
// refuses is reported and the rest still run; at the end any problem (or a dry
// run) rolls everything back. A dry run is thus the real run undone: it finds
// every refusal the real run would meet and the keys the items would get.
import { AppError } from '../../../shared/domain/errors.ts';
import type { IWorkItem } from '../../../shared/proto.ts';
import type { Caller } from '../auth/caller.ts';
import type { Commands } from '../commands/parsers.ts';
import { createSprint } from '../handlers/create-sprint.ts';
import { createWorkItem } from '../handlers/create-work-item.ts';
import { retryWhileBusy } from '../pipeline/write.ts';
import { WriteRecorder } from '../pipeline/write-recorder.ts';
import { itemTypes, priorities } from '../storage/enums.ts';
import type { AppendedEvent } from '../storage/events.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import type { ImportedItem, ImportReport, RowIssue } from '../../../shared/protocol/import-report.ts';
import type { ImportPlan, PlannedItem } from './import-plan.ts';
import { ITEM_TYPES, PRIORITIES, columnOf, type ImportField } from './jira-vocabulary.ts';

export interface ImportRun {
  report: ImportReport;
  /** The stored events, for the fan-out; none unless the import was committed. */
  events: AppendedEvent[];
}

/** The column a create's refusal is about, by the wire field it names. */
const FIELD_COLUMNS: Readonly<Record<string, ImportField>> = {
  title: 'summary',
  description: 'description',
  item_type: 'type',
  parent_id: 'parent',
  status_id: 'status',
  priority: 'priority',
  story_points: 'storyPoints',
  labels: 'labels',
  assignee_id: 'assignee',
  sprint_id: 'sprint',
  start_date: 'startDate',
  due_date: 'dueDate',
  // create_sprint's: the sprint's name comes from the Sprint column.
  name: 'sprint',
};

const undo = Symbol('undo the import');

export function runImport(db: TenantDb, caller: Caller, projectId: string, plan: ImportPlan, dryRun: boolean, now = Date.now()): ImportRun {
  let run: ImportRun | null = null;
  try {
    retryWhileBusy(() =>
      db.transaction(() => {
        run = applyPlan(new WriteRecorder(db, caller, now), projectId, plan, dryRun);
        if (dryRun || run.report.problems.length > 0) throw undo;
      }),
    );
  } catch (err) {
    if (err !== undo) throw err;
  }
  const { report, events } = run!;
  return { report, events: report.problems.length > 0 || dryRun ? [] : events };
}

function applyPlan(ctx: WriteRecorder, projectId: string, plan: ImportPlan, dryRun: boolean): ImportRun {
  const problems = [...plan.problems];
  const items: ImportedItem[] = [];
  const madeSprints = new Map<string, string>();
  const created = new Map<number, { id: string; key: string }>();

  for (const item of plan.items) {
    const issue = (column: string, message: string) => problems.push({ row: item.row, line: item.line, column, message });
    const parentRow = item.parent !== null && 'row' in item.parent ? item.parent.row : null;
    const parent = parentRow === null ? (item.parent as { id: string; key: string } | null) : created.get(parentRow);
    if (parent === undefined) {
      problems.push({ row: item.row, line: item.line, column: columnOf('parent'), message: `Its parent, row ${parentRow}, cannot be imported`, becauseOfRow: parentRow! });
      continue;
    }
    try {
      // A savepoint: a refused row leaves nothing behind, not even the sprint it made.
      const made = ctx.db.transaction(() => {
        const sprint = item.sprint === null ? null : (item.sprint.id ?? madeSprints.get(item.sprint.name) ?? newSprint(ctx, projectId, item.sprint.name));
        const { workItem } = createWorkItem(ctx, createCommand(projectId, item, parent?.id ?? '', sprint ?? ''));
        return { workItem: workItem!, sprint };
      });
      if (item.sprint && made.sprint) madeSprints.set(item.sprint.name, made.sprint);
      created.set(item.row, { id: made.workItem.id!, key: made.workItem.key! });
      items.push(reported(item, made.workItem, parent?.key ?? ''));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const field = FIELD_COLUMNS[err.field];
      issue(field ? columnOf(field) : '', err.message);
    }
  }
  problems.sort((a, b) => a.row - b.row);
  const report: ImportReport = { dryRun, rows: plan.rows, items, sprints: [...madeSprints.keys()], problems, notes: plan.notes };
  return { report, events: ctx.events };
}

function newSprint(ctx: WriteRecorder, projectId: string, name: string): string {
  const { sprint } = createSprint(ctx, { projectId, name, goal: '', startDate: '', endDate: '' });
  return sprint!.id!;
}

function createCommand(projectId: string, item: PlannedItem, parentId: string, sprintId: string): Commands['createWorkItem'] {
  return {
    projectId,
    itemType: itemTypes.fromName(item.type),
    title: item.title,
    description: item.description,
    parentId,
    statusId: item.status.id,
    priority: priorities.fromName(item.priority),
    storyPoints: item.storyPoints ?? undefined,
    assigneeId: item.assignee?.id ?? '',
    sprintId,
    labels: item.labels,
    afterId: '',
    beforeId: '',
    startDate: item.startDate,
    dueDate: item.dueDate,
    originalEstimateMinutes: undefined,
    remainingEstimateMinutes: undefined,
    customFields: [],
    customTypeId: '',
  };
}

/** The row as created: the create trims the title and sorts the labels. */
function reported(item: PlannedItem, created: IWorkItem, parentKey: string): ImportedItem {
  return {
    row: item.row,
    sourceKey: item.sourceKey,
    key: created.key!,
    type: ITEM_TYPES[item.type].jira,
    title: created.title!,
    status: item.status.name,
    priority: PRIORITIES[item.priority].jira,
    parent: parentKey,
    sprint: item.sprint?.name ?? '',
    storyPoints: item.storyPoints,
    startDate: item.startDate,
    dueDate: item.dueDate,
    labels: created.labels ?? [],
    assignee: item.assignee?.name ?? '',
  };
}
