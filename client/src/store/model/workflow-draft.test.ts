// The workflow editor's draft (workflow-draft.ts): edits, removals with where
// the items go, the rebase over someone else's save, the checks before
// sending, the one set_workflow, and a column's WIP mark. No Solid, no DOM.
import { describe, expect, it } from 'vitest';
import { StatusCategory, type IWorkflowStatus } from '../../../../shared/proto.ts';
import {
  addStatus,
  categoryName,
  destinations,
  draftOf,
  draftProblems,
  isChanged,
  keepStatus,
  moveStatus,
  rebaseDraft,
  redirectRemoval,
  removeStatus,
  setWorkflowCommand,
  updateStatus,
  wipMark,
  type WorkflowDraft,
} from './workflow-draft.ts';

const C = StatusCategory;
const server = (): IWorkflowStatus[] => [
  // Out of order on purpose: the draft follows `position`.
  { id: 'doing', name: 'In Progress', category: C.STATUS_CATEGORY_STARTED, position: 2, wipLimit: 3 },
  { id: 'backlog', name: 'Backlog', category: C.STATUS_CATEGORY_BACKLOG, position: 0 },
  { id: 'todo', name: 'To Do', category: C.STATUS_CATEGORY_UNSTARTED, position: 1 },
  { id: 'done', name: 'Done', category: C.STATUS_CATEGORY_COMPLETED, position: 3 },
];
const names = (d: WorkflowDraft) => d.statuses.map((s) => s.name);

describe('workflow draft', () => {
  it('WFUI-1 the draft is the workflow in board order; editing marks it changed, and back to the same values is unchanged', () => {
    const d = draftOf(server());
    expect(names(d)).toEqual(['Backlog', 'To Do', 'In Progress', 'Done']);
    expect(d.statuses[2]).toMatchObject({ id: 'doing', key: 'doing', wipLimit: 3 });
    expect(isChanged(d)).toBe(false);
    const renamed = updateStatus(d, 'todo', { name: 'Ready' });
    expect(isChanged(renamed)).toBe(true);
    expect(isChanged(updateStatus(renamed, 'todo', { name: 'To Do' }))).toBe(false);
    expect(updateStatus(d, 'todo', { name: 'To Do' })).toBe(d);
    expect(updateStatus(d, 'nope', { name: 'X' })).toBe(d);
  });

  it('WFUI-2 a new status goes before the first finished column unless it is finished itself; up and down stop at the ends', () => {
    let d = addStatus(draftOf(server()), 'new:1', '  Review ', C.STATUS_CATEGORY_STARTED);
    expect(names(d)).toEqual(['Backlog', 'To Do', 'In Progress', 'Review', 'Done']);
    expect(d.statuses[3]).toEqual({ key: 'new:1', id: '', name: 'Review', category: C.STATUS_CATEGORY_STARTED, wipLimit: 0 });
    d = addStatus(d, 'new:2', 'Dropped', C.STATUS_CATEGORY_CANCELED);
    expect(names(d).at(-1)).toBe('Dropped');
    d = moveStatus(d, 'new:1', -1);
    expect(names(d).slice(2, 4)).toEqual(['Review', 'In Progress']);
    expect(moveStatus(d, 'backlog', -1)).toBe(d);
    expect(moveStatus(d, 'new:2', 1)).toBe(d);
  });

  it('WFUI-3 removing a saved status records where its items go; one that was a destination passes its items on; a new one just goes; Keep brings it back in place', () => {
    let d = addStatus(draftOf(server()), 'new:1', 'Review', C.STATUS_CATEGORY_STARTED);
    // A new status holds no items and may not be a destination (the server has no id for it).
    expect(destinations(d).map((s) => s.id)).toEqual(['backlog', 'todo', 'doing', 'done']);
    expect(destinations(d, 'todo').map((s) => s.id)).toEqual(['backlog', 'doing', 'done']);
    d = removeStatus(d, 'new:1', '');
    expect(d.removals).toEqual([]);
    d = removeStatus(d, 'doing', 'todo');
    expect(d.removals).toEqual([{ statusId: 'doing', name: 'In Progress', moveTo: 'todo' }]);
    d = removeStatus(d, 'todo', 'backlog');
    expect(d.removals).toEqual([
      { statusId: 'doing', name: 'In Progress', moveTo: 'backlog' },
      { statusId: 'todo', name: 'To Do', moveTo: 'backlog' },
    ]);
    d = redirectRemoval(d, 'todo', 'done');
    expect(d.removals[1]!.moveTo).toBe('done');
    d = keepStatus(d, 'doing');
    expect(names(d)).toEqual(['Backlog', 'In Progress', 'Done']);
    expect(d.removals.map((r) => r.statusId)).toEqual(['todo']);
  });

  it('WFUI-4 the draft becomes one set_workflow: the whole list in order (new ones without id) and each removal with its destination', () => {
    let d = addStatus(draftOf(server()), 'new:1', 'Review', C.STATUS_CATEGORY_STARTED);
    d = updateStatus(d, 'new:1', { wipLimit: 2 });
    d = removeStatus(d, 'backlog', 'todo');
    expect(setWorkflowCommand(d, 'p1', 7)).toEqual({
      setWorkflow: {
        projectId: 'p1',
        expectedVersion: 7,
        statuses: [
          { id: 'todo', name: 'To Do', category: C.STATUS_CATEGORY_UNSTARTED, wipLimit: 0 },
          { id: 'doing', name: 'In Progress', category: C.STATUS_CATEGORY_STARTED, wipLimit: 3 },
          { id: '', name: 'Review', category: C.STATUS_CATEGORY_STARTED, wipLimit: 2 },
          { id: 'done', name: 'Done', category: C.STATUS_CATEGORY_COMPLETED, wipLimit: 0 },
        ],
        removals: [{ statusId: 'backlog', moveToStatusId: 'todo' }],
      },
    });
  });

  it("WFUI-5 the checks before sending are the server's (shared/domain/workflow.ts), every row's at once: names, duplicates, lengths, WIP limits; then the whole list's", () => {
    expect(draftProblems(draftOf(server()))).toEqual([]);
    let d = updateStatus(draftOf(server()), 'todo', { name: ' ' });
    d = updateStatus(d, 'doing', { name: 'done', wipLimit: 1.5 });
    d = updateStatus(d, 'backlog', { name: 'x'.repeat(41) });
    expect(draftProblems(d)).toEqual([
      'A status name is at most 40 characters.',
      'A status needs a name.',
      "The WIP limit of 'done' is a whole number from 0 (none) to 999.",
      "Two statuses are named 'Done'.",
    ]);
    expect(draftProblems(updateStatus(draftOf(server()), 'todo', { wipLimit: 1000 }))).toHaveLength(1);
    let many = draftOf(server());
    for (let i = 0; i < 17; i++) many = addStatus(many, `new:${i}`, `S${i}`, C.STATUS_CATEGORY_STARTED);
    expect(draftProblems(many)).toEqual(['A workflow has at most 20 statuses.']);
    expect(draftProblems(updateStatus(draftOf(server()), 'done', { category: C.STATUS_CATEGORY_CANCELED }))).toEqual([
      'A workflow needs a completed status, where finished work goes.',
    ]);
    expect(draftProblems(removeStatus(draftOf(server()), 'todo', ''))).toEqual(["Say where the items of 'To Do' go."]);
  });

  it("WFUI-6 a rebase over someone else's save keeps the person's fields and takes theirs elsewhere; their new status joins after the one it follows", () => {
    let d = draftOf(server());
    d = updateStatus(d, 'todo', { name: 'Ready' });
    d = addStatus(d, 'new:1', 'Review', C.STATUS_CATEGORY_STARTED);
    // Meanwhile: To Do and In Progress renamed, In Progress limited, QA added after it.
    const theirs: IWorkflowStatus[] = [
      { id: 'backlog', name: 'Backlog', category: C.STATUS_CATEGORY_BACKLOG, position: 0 },
      { id: 'todo', name: 'Selected', category: C.STATUS_CATEGORY_UNSTARTED, position: 1 },
      { id: 'doing', name: 'Doing', category: C.STATUS_CATEGORY_STARTED, position: 2, wipLimit: 5 },
      { id: 'qa', name: 'QA', category: C.STATUS_CATEGORY_STARTED, position: 3 },
      { id: 'done', name: 'Done', category: C.STATUS_CATEGORY_COMPLETED, position: 4 },
    ];
    const r = rebaseDraft(d, theirs);
    expect(names(r)).toEqual(['Backlog', 'Ready', 'Doing', 'Review', 'QA', 'Done']);
    expect(r.statuses.find((s) => s.id === 'doing')?.wipLimit).toBe(5);
    expect(r.base.map((s) => s.id)).toEqual(['backlog', 'todo', 'doing', 'qa', 'done']);
    // Rebasing an unchanged draft is the server's workflow.
    expect(rebaseDraft(draftOf(server()), theirs)).toEqual(draftOf(theirs));
  });

  it('WFUI-7 a rebase drops what someone else removed (and removals of it); a destination that went asks again; a reordered draft keeps its order', () => {
    let d = draftOf(server());
    d = removeStatus(d, 'backlog', 'doing');
    d = moveStatus(d, 'done', -1);
    const theirs: IWorkflowStatus[] = [
      { id: 'backlog', name: 'Backlog', category: C.STATUS_CATEGORY_BACKLOG, position: 0 },
      { id: 'todo', name: 'To Do', category: C.STATUS_CATEGORY_UNSTARTED, position: 1 },
      { id: 'done', name: 'Done', category: C.STATUS_CATEGORY_COMPLETED, position: 2 },
      { id: 'later', name: 'Later', category: C.STATUS_CATEGORY_BACKLOG, position: 3 },
    ];
    const r = rebaseDraft(d, theirs);
    // In Progress went; the person's order (Done before it) stays; Later joins after Done, its place there.
    expect(names(r)).toEqual(['To Do', 'Done', 'Later']);
    expect(r.removals).toEqual([{ statusId: 'backlog', name: 'Backlog', moveTo: '' }]);
    expect(draftProblems(r)).toEqual(["Say where the items of 'Backlog' go."]);
    // A removal of a status someone else removed too is dropped.
    const gone = rebaseDraft(removeStatus(draftOf(server()), 'doing', 'todo'), theirs);
    expect(gone.removals).toEqual([]);
  });

  it("WFUI-8 a column's WIP mark: none without a limit, the count against it, over only past it, in words", () => {
    expect(wipMark(5, 0)).toBeNull();
    expect(wipMark(5, undefined)).toBeNull();
    expect(wipMark(3, 3)).toEqual({ over: false, short: '3 / 3', words: '3 cards of a WIP limit of 3' });
    expect(wipMark(4, 3)).toEqual({ over: true, short: '4 / 3', words: '4 cards, over the WIP limit of 3' });
    expect(wipMark(1, 1)?.words).toBe('1 card of a WIP limit of 1');
    expect(categoryName(C.STATUS_CATEGORY_STARTED)).toBe('In progress');
    expect(categoryName(C.STATUS_CATEGORY_UNSPECIFIED)).toBe('No category');
  });
});
