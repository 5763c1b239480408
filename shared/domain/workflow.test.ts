// set_workflow's rules (shared/domain/workflow.ts), which the server applies and
// the client can check before sending. The server's side: server/test/workflow.test.ts.
import { describe, expect, it } from 'vitest';
import { ErrorCode, StatusCategory } from '../proto.ts';
import { AppError } from './errors.ts';
import { changesNothing, planWorkflow, WORKFLOW_LIMITS, type CurrentStatus, type StatusSpecInput } from './workflow.ts';

const { STATUS_CATEGORY_BACKLOG: BACKLOG, STATUS_CATEGORY_UNSTARTED: UNSTARTED, STATUS_CATEGORY_STARTED: STARTED,
  STATUS_CATEGORY_COMPLETED: COMPLETED, STATUS_CATEGORY_CANCELED: CANCELED } = StatusCategory;

const current: CurrentStatus[] = [
  { id: 'b', name: 'Backlog', category: BACKLOG, position: 0, wipLimit: 0 },
  { id: 't', name: 'To Do', category: UNSTARTED, position: 1, wipLimit: 0 },
  { id: 'p', name: 'In Progress', category: STARTED, position: 2, wipLimit: 0 },
  { id: 'r', name: 'In Review', category: STARTED, position: 3, wipLimit: 0 },
  { id: 'd', name: 'Done', category: COMPLETED, position: 4, wipLimit: 0 },
];
const same: StatusSpecInput[] = current.map(({ id, name, category, wipLimit }) => ({ id, name, category, wipLimit }));

/** The refusal planWorkflow throws: its field and message. */
function refusal(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(ErrorCode.ERROR_CODE_INVALID_ARGUMENT);
    return { field: (err as AppError).field, message: (err as AppError).message };
  }
  throw new Error('expected a refusal');
}

describe('workflow rules', () => {
  it('WF-5a the same workflow again changes nothing', () => {
    expect(changesNothing(planWorkflow(current, same, []))).toBe(true);
  });

  it('WF-5b a plan says what is added, changed and removed, in board order', () => {
    const plan = planWorkflow(
      current,
      [
        { id: 'b', name: 'Backlog', category: BACKLOG },
        { id: 'p', name: ' Doing ', category: STARTED, wipLimit: 3 },
        { id: 't', name: 'To Do', category: UNSTARTED },
        { name: 'QA', category: STARTED },
        { id: 'd', name: 'Done', category: COMPLETED },
        { name: "Won't do", category: CANCELED },
      ],
      [{ statusId: 'r', moveToStatusId: 'd' }],
    );
    expect(plan.statuses.map((s) => [s.id, s.name, s.position, s.wipLimit])).toEqual([
      ['b', 'Backlog', 0, 0], ['p', 'Doing', 1, 3], ['t', 'To Do', 2, 0], ['', 'QA', 3, 0], ['d', 'Done', 4, 0], ['', "Won't do", 5, 0],
    ]);
    expect(plan.added.map((s) => s.name)).toEqual(['QA', "Won't do"]);
    expect(plan.changed.map((s) => s.id)).toEqual(['p', 't']);
    expect(plan.removed.map((r) => [r.status.id, r.moveTo.id])).toEqual([['r', 'd']]);
    expect(changesNothing(plan)).toBe(false);
  });

  it('WF-5c names are trimmed, 1-40 visible characters, unique regardless of case', () => {
    const named = (name: string) => refusal(() => planWorkflow(current, [...same, { name, category: STARTED }], []));
    expect(named('   ')).toEqual({ field: 'statuses', message: 'A status needs a name' });
    expect(named('x'.repeat(WORKFLOW_LIMITS.statusNameMax + 1)).message).toMatch(/at most 40/);
    expect(named('\u200b').message).toMatch(/visible/);
    expect(named('done').message).toBe("Two statuses are named 'done'");
    expect(planWorkflow(current, [...same, { name: 'é'.repeat(40), category: STARTED }], []).added).toHaveLength(1);
  });

  it('WF-5d a category is a known one; a WIP limit a whole number from 0 to 999', () => {
    const spec = (extra: Partial<StatusSpecInput>) =>
      refusal(() => planWorkflow(current, [...same, { name: 'QA', category: STARTED, ...extra }], []));
    expect(spec({ category: StatusCategory.STATUS_CATEGORY_UNSPECIFIED }).message).toMatch(/Choose a category for 'QA'/);
    expect(spec({ category: 42 as StatusCategory }).field).toBe('statuses');
    expect(spec({ wipLimit: 1000 }).message).toMatch(/WIP limit of 'QA'.*999/);
    expect(spec({ wipLimit: -1 }).field).toBe('statuses');
    expect(spec({ wipLimit: 1.5 }).field).toBe('statuses');
    expect(planWorkflow(current, [...same, { name: 'QA', category: STARTED, wipLimit: 999 }], []).added[0]!.wipLimit).toBe(999);
  });

  it('WF-5e at least one status, at most 20; work not done and a completed status must both have a place', () => {
    expect(refusal(() => planWorkflow(current, [], [])).message).toMatch(/at least one status/);
    const many = Array.from({ length: WORKFLOW_LIMITS.statusesMax - 4 }, (_, i) => ({ name: `S${i}`, category: STARTED }));
    expect(planWorkflow(current, [...same.slice(0, 3), same[4]!, ...many], [{ statusId: 'r', moveToStatusId: 'd' }]).statuses).toHaveLength(20);
    expect(refusal(() => planWorkflow(current, [...same, ...many], [])).message).toMatch(/at most 20/);
    const removeAllBut = (keep: string[]) =>
      current.filter((s) => !keep.includes(s.id)).map((s) => ({ statusId: s.id, moveToStatusId: keep[0]! }));
    expect(refusal(() => planWorkflow(current, [same[4]!], removeAllBut(['d']))).message).toMatch(/not done yet/);
    expect(refusal(() => planWorkflow(current, [same[4]!, { name: 'Nope', category: CANCELED }], removeAllBut(['d']))).message)
      .toMatch(/not done yet/);
    expect(refusal(() => planWorkflow(current, same.slice(0, 4), removeAllBut(['b', 't', 'p', 'r']))).message).toMatch(/completed status/);
    expect(planWorkflow(current, [same[1]!, same[4]!], removeAllBut(['t', 'd'])).removed).toHaveLength(3);
  });

  it('WF-5f an id must be a current status, listed once', () => {
    expect(refusal(() => planWorkflow(current, [...same, { id: 'gone', name: 'Gone', category: STARTED }], [])))
      .toEqual({ field: 'statuses', message: "A status to keep must be one of the project's current statuses" });
    expect(refusal(() => planWorkflow(current, [...same, { ...same[2]!, name: 'Again' }], [])).message).toBe("'In Progress' is listed twice");
  });

  it('WF-5g every status left out needs a destination that stays', () => {
    const withoutReview = same.filter((s) => s.id !== 'r');
    const items = (id: string) => (id === 'r' ? 3 : 0);
    expect(refusal(() => planWorkflow(current, withoutReview, [], items)))
      .toEqual({ field: 'removals', message: "Say where the 3 items of 'In Review' go" });
    expect(refusal(() => planWorkflow(current, withoutReview, [], () => 1)).message).toBe("Say where the 1 item of 'In Review' go");
    expect(refusal(() => planWorkflow(current, withoutReview, [])).message).toMatch(/Say where the items of 'In Review' go/);
    // The destination: not the status itself, not another removed one, not unknown, not a new status (it has no id yet).
    const to = (moveToStatusId: string, statuses = withoutReview) =>
      refusal(() => planWorkflow(current, statuses, [{ statusId: 'r', moveToStatusId }], items));
    expect(to('r').message).toMatch(/must go to a status that stays/);
    expect(to('p', withoutReview.filter((s) => s.id !== 'p')).message).toBe("The items of 'In Review' cannot go to 'In Progress': it is removed too");
    expect(to('nowhere').field).toBe('removals');
    expect(to('').field).toBe('removals');
  });

  it('WF-5h a removal names a current status that is left out, once', () => {
    const withoutReview = same.filter((s) => s.id !== 'r');
    expect(refusal(() => planWorkflow(current, same, [{ statusId: 'p', moveToStatusId: 'd' }])).message)
      .toBe("'In Progress' stays in the workflow, so it cannot be removed");
    expect(refusal(() => planWorkflow(current, same, [{ statusId: 'x', moveToStatusId: 'd' }])).field).toBe('removals');
    expect(refusal(() => planWorkflow(current, withoutReview, [{ statusId: 'r', moveToStatusId: 'd' }, { statusId: 'r', moveToStatusId: 'p' }])).message)
      .toBe("'In Review' is removed twice");
  });
});
