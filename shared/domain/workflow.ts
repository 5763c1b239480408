import { StatusCategory } from '../proto.ts';
import { invalidArgument } from './errors.ts';
import { checkText } from './validation.ts';

export interface StatusTemplate {
  name: string;
  category: StatusCategory;
}

/** docs/PROTOCOL.md §6: what a new project starts with. */
export const DEFAULT_WORKFLOW: readonly StatusTemplate[] = [
  { name: 'Backlog', category: StatusCategory.STATUS_CATEGORY_BACKLOG },
  { name: 'To Do', category: StatusCategory.STATUS_CATEGORY_UNSTARTED },
  { name: 'In Progress', category: StatusCategory.STATUS_CATEGORY_STARTED },
  { name: 'In Review', category: StatusCategory.STATUS_CATEGORY_STARTED },
  { name: 'Done', category: StatusCategory.STATUS_CATEGORY_COMPLETED },
];

/** docs/PROTOCOL.md §6: what set_workflow accepts. */
export const WORKFLOW_LIMITS = {
  statusesMax: 20,
  statusNameMax: 40,
  wipLimitMax: 999,
} as const;

/** Finished work stays in a completed sprint; the rest moves on. */
export function isFinished(category: StatusCategory): boolean {
  return category === StatusCategory.STATUS_CATEGORY_COMPLETED || category === StatusCategory.STATUS_CATEGORY_CANCELED;
}

// set_workflow's rules (docs/PROTOCOL.md §5, v16), shared so the client can say
// no before sending. Errors name the repeated field, as the parser's do: a
// client shows them on the list, not on one entry of it.

/** One column as set_workflow names it: an id keeps a status, none adds one. Shaped like WorkflowStatusSpec. */
export interface StatusSpecInput {
  id?: string | null;
  name?: string | null;
  category?: StatusCategory | null;
  wipLimit?: number | null;
}

/** Shaped like StatusRemoval. */
export interface StatusRemovalInput {
  statusId?: string | null;
  moveToStatusId?: string | null;
}

/** A status of the workflow as it is now (a live one). */
export interface CurrentStatus {
  id: string;
  name: string;
  category: StatusCategory;
  position: number;
  wipLimit: number;
}

/** A status as it will be; `id` is '' for one the change adds. */
export type PlannedStatus = CurrentStatus;

export interface WorkflowPlan {
  /** The workflow after the change, in board order (position = index). */
  statuses: PlannedStatus[];
  added: PlannedStatus[];
  /** Kept statuses whose name, category, WIP limit or position changes. */
  changed: PlannedStatus[];
  /** Statuses left out, each with the kept status its items go to. */
  removed: Array<{ status: CurrentStatus; moveTo: CurrentStatus }>;
}

const CATEGORY_WORDS = 'backlog, unstarted, started, completed or canceled';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function checkStatusName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalidArgument('statuses', 'A status needs a name');
  // Code points, counted only when the length cannot tell (a code point is 1-2 units).
  if (trimmed.length > WORKFLOW_LIMITS.statusNameMax * 2 || (trimmed.length > WORKFLOW_LIMITS.statusNameMax && [...trimmed].length > WORKFLOW_LIMITS.statusNameMax)) {
    throw invalidArgument('statuses', `A status name is at most ${WORKFLOW_LIMITS.statusNameMax} characters`);
  }
  return checkText(trimmed, 'statuses', `The status name '${trimmed}'`, true);
}

export function checkStatusCategory(category: StatusCategory | null | undefined, name: string): StatusCategory {
  // UNSPECIFIED is 0: an unset category.
  if (!category || !(category in StatusCategory)) {
    throw invalidArgument('statuses', `Choose a category for '${name}': ${CATEGORY_WORDS}`);
  }
  return category;
}

export function checkWipLimit(limit: number | null | undefined, name: string): number {
  const n = limit ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > WORKFLOW_LIMITS.wipLimitMax) {
    throw invalidArgument('statuses', `The WIP limit of '${name}' is a whole number from 0 (none) to ${WORKFLOW_LIMITS.wipLimitMax}`);
  }
  return n;
}

/**
 * Checks a set_workflow against the workflow as it is and says what it does.
 * `liveItemsIn` counts a status's live items, only to word a refusal.
 * Throws INVALID_ARGUMENT naming `statuses` or `removals`.
 */
export function planWorkflow(
  current: readonly CurrentStatus[],
  specs: readonly StatusSpecInput[],
  removals: readonly StatusRemovalInput[],
  liveItemsIn: (statusId: string) => number = () => 0,
): WorkflowPlan {
  if (specs.length === 0) throw invalidArgument('statuses', 'A workflow needs at least one status');
  if (specs.length > WORKFLOW_LIMITS.statusesMax) {
    throw invalidArgument('statuses', `A workflow has at most ${WORKFLOW_LIMITS.statusesMax} statuses`);
  }
  const byId = new Map(current.map((s) => [s.id, s]));
  const names = new Set<string>();
  const plan: WorkflowPlan = { statuses: [], added: [], changed: [], removed: [] };

  specs.forEach((spec, position) => {
    const id = spec.id ?? '';
    const before = id ? byId.get(id) : undefined;
    if (id && !before) throw invalidArgument('statuses', 'A status to keep must be one of the project\'s current statuses');
    if (id && plan.statuses.some((s) => s.id === id)) throw invalidArgument('statuses', `'${before!.name}' is listed twice`);
    const name = checkStatusName(spec.name ?? '');
    // Case-insensitive: "Done" and "done" would be two columns nobody can tell apart.
    const folded = name.toLowerCase();
    if (names.has(folded)) throw invalidArgument('statuses', `Two statuses are named '${name}'`);
    names.add(folded);
    const status: PlannedStatus = {
      id,
      name,
      category: checkStatusCategory(spec.category, name),
      wipLimit: checkWipLimit(spec.wipLimit, name),
      position,
    };
    plan.statuses.push(status);
    if (!before) plan.added.push(status);
    else if (before.name !== name || before.category !== status.category || before.wipLimit !== status.wipLimit || before.position !== position) {
      plan.changed.push(status);
    }
  });

  // Sprints complete into a finished status and work starts in an unfinished one: a workflow needs both.
  if (plan.statuses.every((s) => isFinished(s.category))) {
    throw invalidArgument('statuses', 'A workflow needs a status for work not done yet (backlog, unstarted or started)');
  }
  if (!plan.statuses.some((s) => s.category === StatusCategory.STATUS_CATEGORY_COMPLETED)) {
    throw invalidArgument('statuses', 'A workflow needs a completed status, where finished work goes');
  }

  const kept = new Map(plan.statuses.filter((s) => s.id).map((s) => [s.id, s]));
  const destinations = new Map<string, CurrentStatus>();
  for (const removal of removals) {
    const status = byId.get(removal.statusId ?? '');
    if (!status) throw invalidArgument('removals', 'Only a current status of the project can be removed');
    if (kept.has(status.id)) throw invalidArgument('removals', `'${status.name}' stays in the workflow, so it cannot be removed`);
    if (destinations.has(status.id)) throw invalidArgument('removals', `'${status.name}' is removed twice`);
    const moveTo = kept.get(removal.moveToStatusId ?? '');
    if (!moveTo) {
      const gone = byId.get(removal.moveToStatusId ?? '');
      throw invalidArgument(
        'removals',
        gone && gone.id !== status.id
          ? `The items of '${status.name}' cannot go to '${gone.name}': it is removed too`
          : `The items of '${status.name}' must go to a status that stays in the workflow`,
      );
    }
    destinations.set(status.id, moveTo);
  }
  for (const status of current) {
    if (kept.has(status.id)) continue;
    const moveTo = destinations.get(status.id);
    if (!moveTo) {
      const n = liveItemsIn(status.id);
      throw invalidArgument(
        'removals',
        n > 0 ? `Say where the ${plural(n, 'item')} of '${status.name}' go` : `Say where the items of '${status.name}' go: name a status that stays`,
      );
    }
    plan.removed.push({ status, moveTo });
  }
  return plan;
}

/** Whether the plan leaves the workflow as it is. */
export function changesNothing(plan: WorkflowPlan): boolean {
  return plan.added.length === 0 && plan.changed.length === 0 && plan.removed.length === 0;
}
