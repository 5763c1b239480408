// The undo history (undo.ts) and item writes as it sees them (undo-writes.ts):
// what is pushed, popped and cleared, the bound, and the versions an undo
// or redo is checked against as the person's own writes land.
import { describe, expect, it } from 'vitest';
import { type IWorkItem } from '../../../../shared/proto.ts';
import { applyOps, type Op } from './item-ops.ts';
import { deleteWrite, moveWrite, planWrite, releaseWrite, restoreWrite, updateWrite, claimWrite, type ItemsNow, type ItemWrite } from './item-writes.ts';
import { fromItems } from './items.ts';
import { EMPTY_HISTORY, HISTORY_LIMIT, isItemChange, landed, refused, sent, takeRedo, takeUndo, type Change, type ItemChange, type Taken, type UndoHistory, type Written } from './undo.ts';
import { changeOf, restoreChange, stepWrite, stepWritten } from './undo-writes.ts';

const change = (id: string, itemId = 'a', version = 1): ItemChange => ({
  id,
  itemId,
  action: `save ${itemId}`,
  undo: { kind: 'patch', patch: { title: 'before' } },
  redo: { kind: 'patch', patch: { title: 'after' } },
  version,
});

/** A new change `id` of `itemId` sent from version `from`. */
const made = (id: string, itemId = 'a', from = 1): Written => ({ as: 'change', base: { itemId, from }, change: change(id, itemId, from + 1) });

const at = (c: Change) => (isItemChange(c) ? `${c.id}@${c.version}` : c.id);
const versions = (h: UndoHistory) => ({ done: h.done.map(at), undone: h.undone.map(at) });

/** The write of a taken item change's step, as the history sees it. */
function stepOf(as: 'undo' | 'redo', taken: Taken, items = now()): Written {
  if (!isItemChange(taken.change)) throw new Error('not an item change');
  return stepWritten(items, as, taken.change);
}

describe('the undo history', () => {
  it('UNDO-1 a change sent goes on top at the version it leaves; undo takes the latest, redo the one undone last', () => {
    let h = sent(EMPTY_HISTORY, made('c1', 'a', 1));
    h = sent(h, made('c2', 'b', 4));
    expect(versions(h)).toEqual({ done: ['c1@2', 'c2@5'], undone: [] });

    const undo = takeUndo(h)!;
    expect(undo.change.id).toBe('c2');
    // The undo is a write from the version c2 left; once sent, c2 waits to be redone at the version the undo leaves.
    h = sent(undo.history, stepOf('undo', undo));
    expect(versions(h)).toEqual({ done: ['c1@2'], undone: ['c2@6'] });

    const redo = takeRedo(h)!;
    expect(redo.change.id).toBe('c2');
    h = sent(redo.history, stepOf('redo', redo));
    expect(versions(h)).toEqual({ done: ['c1@2', 'c2@7'], undone: [] });
    expect(takeRedo(h)).toBeNull();
    expect(takeUndo(EMPTY_HISTORY)).toBeNull();
  });

  it('UNDO-2 a new change clears what could be redone, even one that cannot itself be undone (a new card)', () => {
    const undone = (() => {
      const h = sent(EMPTY_HISTORY, made('c1'));
      const t = takeUndo(h)!;
      return sent(t.history, stepOf('undo', t));
    })();
    expect(undone.undone).toHaveLength(1);
    expect(sent(undone, made('c2', 'b')).undone).toEqual([]);
    expect(sent(undone, { as: 'change', base: null, change: null })).toEqual({ done: [], undone: [] });
  });

  it(`UNDO-3 a project keeps its last ${HISTORY_LIMIT} changes; older ones fall off`, () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = sent(h, made(`c${i}`, `item${i}`));
    expect(h.done).toHaveLength(HISTORY_LIMIT);
    expect(h.done[0]!.id).toBe('c5');
    expect(h.done.at(-1)!.id).toBe(`c${HISTORY_LIMIT + 4}`);
  });

  it("UNDO-4 the person's own later writes to an item move its changes on; someone else's version leaves them behind", () => {
    // Two edits of a in a row, one of b: undoing both of a's checks each against what the person's last write left.
    let h = sent(EMPTY_HISTORY, made('c1', 'a', 1));
    h = sent(h, made('c2', 'b', 7));
    h = sent(h, made('c3', 'a', 2));
    expect(versions(h).done).toEqual(['c1@3', 'c2@8', 'c3@3']);
    const t = takeUndo(h)!;
    h = sent(t.history, stepOf('undo', t));
    expect(versions(h)).toEqual({ done: ['c1@4', 'c2@8'], undone: ['c3@4'] });

    // Someone else took a to version 10; the person then edits it from 10: c1 stays at 4, so its undo is a CONFLICT.
    h = sent(h, made('c4', 'a', 10));
    expect(versions(h).done).toEqual(['c1@4', 'c2@8', 'c4@11']);
  });

  it('UNDO-5 a refused write takes its change off and puts the versions back; a write that changed nothing keeps the version', () => {
    const first = made('c1', 'a', 1);
    const second = made('c2', 'a', 2);
    let h = sent(sent(EMPTY_HISTORY, first), second);
    expect(versions(h).done).toEqual(['c1@3', 'c2@3']);
    h = refused(h, second);
    expect(versions(h)).toEqual({ done: ['c1@2'], undone: [] });

    // An undo refused: the change is gone from both stacks (the dialog or a toast has it now).
    const t = takeUndo(h)!;
    const undo = stepOf('undo', t);
    h = refused(sent(t.history, undo), undo);
    expect(h).toEqual({ done: [], undone: [] });

    // The server answered with the version it kept: the changes follow it.
    const noop = made('c3', 'b', 5);
    expect(versions(landed(sent(EMPTY_HISTORY, noop), noop, 5)).done).toEqual(['c3@5']);
    expect(versions(landed(sent(EMPTY_HISTORY, noop), noop, 6)).done).toEqual(['c3@6']);
  });

  it("UNDO-6 a toast's Undo takes its own change while it is still done, wherever it is in the stack", () => {
    const h = sent(sent(sent(EMPTY_HISTORY, made('c1', 'a')), made('c2', 'b')), made('c3', 'c'));
    const t = takeUndo(h, 'c2')!;
    expect(t.change.id).toBe('c2');
    expect(t.history.done.map((c) => c.id)).toEqual(['c1', 'c3']);
    expect(takeUndo(t.history, 'c2')).toBeNull();
  });
});

const item = (id: string, statusId: string, rank: string, extra: Partial<IWorkItem> = {}): IWorkItem => ({
  id,
  projectId: 'p1',
  key: `WEB-${id}`,
  statusId,
  rank,
  title: `Title ${id}`,
  version: 3,
  ...extra,
});

const now = (ops: Op[] = []): ItemsNow => {
  const confirmed = fromItems([
    item('a', 'todo', 'A', { sprintId: 's1' }),
    item('b', 'todo', 'B', { assigneeId: 'bob' }),
    item('c', 'todo', 'C', { sprintId: 's1' }),
    item('d', 'done', 'A'),
    item('e', 'review', 'A', { assigneeId: 'ada' }),
  ]);
  return { confirmed, view: applyOps(confirmed, ops), ops, projectId: 'p1' };
};

function itemChangeOf(w: Written): ItemChange {
  if (!w.change || !isItemChange(w.change)) throw new Error('no item change');
  return w.change;
}

const madeBy = (w: ItemWrite | 'unchanged' | null, items = now()): ItemChange => {
  if (!w || w === 'unchanged') throw new Error('no write');
  return itemChangeOf(changeOf(items, w, 'ada'));
};

describe('item writes as undoable changes', () => {
  it('UNDO-7 an edit is undone by its fields as they were, sent as update_work_item against the version the edit left', () => {
    const c = madeBy(updateWrite(now(), 'u1', 'b', { title: 'New', assigneeId: null }, 3));
    expect(c).toMatchObject({ id: 'u1', itemId: 'b', version: 4, undo: { kind: 'patch', patch: { title: 'Title b', assigneeId: 'bob' } } });
    const after = now([{ kind: 'update', messageId: 'u1', itemId: 'b', fields: { title: 'New', assigneeId: '' } }]);
    const w = stepWrite(after, 'z1', c, c.undo, 'undo save WEB-b')!;
    expect(w.command).toEqual({ updateWorkItem: { workItemId: 'b', expectedVersion: 4, title: 'Title b', assigneeId: 'bob' } });
    // Its conflict opens the dialog with these fields.
    expect(w.edit).toEqual({ patch: { title: 'Title b', assigneeId: 'bob' }, itemKey: 'WEB-b' });
    // A claim is an edit of the assignee.
    expect(madeBy(claimWrite(now(), 'k1', 'a', 'ada'))).toMatchObject({ undo: { patch: { assigneeId: null } }, redo: { patch: { assigneeId: 'ada' } }, version: 4 });
  });

  it('UNDO-8 a move is undone by moving back between the neighbours it had; one gone since is left out', () => {
    const move = moveWrite(now(), 'm1', 'b', 'done', 1)!;
    const c = madeBy(move);
    expect(c.undo).toEqual({ kind: 'place', statusId: 'todo', afterId: 'a', beforeId: 'c' });
    expect(c.redo).toEqual({ kind: 'place', statusId: 'done', afterId: 'd', beforeId: '' });
    const after = now([move.op]);
    const w = stepWrite(after, 'z1', c, c.undo, 'undo move WEB-b')!;
    expect(w.command).toEqual({ moveWorkItem: { workItemId: 'b', expectedVersion: 4, statusId: 'todo', afterId: 'a', beforeId: 'c' } });
    expect(w.op).toEqual({ kind: 'move', messageId: 'z1', itemId: 'b', statusId: 'todo', afterId: 'a', beforeId: 'c' });
    // Its conflict shows the status it would go back to.
    expect(w.edit).toEqual({ patch: { statusId: 'todo' }, itemKey: 'WEB-b' });
    // c moved to done meanwhile: only a is still a neighbour in To Do.
    const moved = now([move.op, { kind: 'move', messageId: 'o', itemId: 'c', statusId: 'done', afterId: '', beforeId: '' }]);
    expect(stepWrite(moved, 'z2', c, c.undo, 'undo')!.command).toMatchObject({ moveWorkItem: { afterId: 'a', beforeId: '' } });
  });

  it("UNDO-9 a sprint move is undone into the sprint it left, between its neighbours in that sprint's list", () => {
    const plan = planWrite(now(), 'p1', 'a', '', { afterId: 'b', beforeId: '', rank: 'Z' })!;
    const c = madeBy(plan);
    expect(c.undo).toEqual({ kind: 'place', statusId: '', sprintId: 's1', afterId: '', beforeId: 'c' });
    const w = stepWrite(now([plan.op]), 'z1', c, c.undo, 'undo')!;
    expect(w.command).toEqual({ moveWorkItem: { workItemId: 'a', expectedVersion: 4, statusId: '', afterId: '', beforeId: 'c', sprintId: 's1' } });
    expect(w.op).toMatchObject({ kind: 'update', fields: { sprintId: 's1' } });
    expect(w.edit?.patch).toEqual({ sprintId: 's1' });
  });

  it('UNDO-10 a delete is undone by restore_work_item, shown at once; a restore (the Trash) is undone by deleting again', () => {
    const del = deleteWrite(now(), 'd1', 'b')!;
    expect(del.command).toEqual({ deleteWorkItem: { workItemId: 'b', expectedVersion: 3 } });
    expect(applyOps(now().confirmed, [del.op]).has('b')).toBe(false);
    const c = madeBy(del);
    expect(c).toMatchObject({ version: 4, undo: { kind: 'restore' }, redo: { kind: 'delete' } });
    const after = now([del.op]);
    const undo = stepWrite(after, 'z1', c, c.undo, 'undo delete WEB-b')!;
    expect(undo.command).toEqual({ restoreWorkItem: { workItemId: 'b' } });
    const shown = applyOps(after.confirmed, [del.op, undo.op]).get('b');
    expect(shown).toMatchObject({ title: 'Title b', version: 4, pending: true });

    const trashed = { ...item('x', 'todo', 'X'), version: 6, deletedAt: 99 };
    const restore = restoreWrite('r1', trashed)!;
    const back = restoreChange(restore);
    expect(back).toMatchObject({ base: { itemId: 'x', from: 6 }, change: { undo: { kind: 'delete' }, version: 7 } });
    const live = now([restore.op]);
    expect(live.view.get('x')).toMatchObject({ deletedAt: 0, pending: true });
    const deleteAgain = itemChangeOf(back);
    expect(stepWrite(live, 'z2', deleteAgain, deleteAgain.undo, 'undo')!.command).toEqual({ deleteWorkItem: { workItemId: 'x', expectedVersion: 7 } });
  });

  it('UNDO-11 nothing is sent for a step on an item no longer on the board, or a new card', () => {
    const c = madeBy(updateWrite(now(), 'u1', 'b', { title: 'New' }, 3));
    const gone = now([{ kind: 'remove', messageId: 'x', itemId: 'b' }]);
    expect(stepWrite(gone, 'z', c, c.undo, 'undo')).toBeNull();
    const created: ItemWrite = { op: { kind: 'create', messageId: 'n', card: { id: 'local-n', statusId: 'todo', rank: '' }, afterId: '', beforeId: '' }, command: { createWorkItem: {} }, action: 'add' };
    expect(changeOf(now(), created, 'ada')).toEqual({ as: 'change', base: null, change: null });
  });

  it("UNDO-12 a release of my own claim is undone by claiming it back and redone by releasing it; someone else's claim an admin released is not undone", () => {
    const release = releaseWrite(now(), 'r1', 'e')!;
    const c = madeBy(release);
    expect(c).toMatchObject({ id: 'r1', itemId: 'e', version: 4, undo: { kind: 'claim', userId: 'ada' }, redo: { kind: 'release', userId: 'ada' } });
    const after = now([release.op]);
    const undo = stepWrite(after, 'z1', c, c.undo, 'undo release WEB-e')!;
    expect(undo.command).toEqual({ claimWorkItem: { workItemId: 'e' } });
    expect(applyOps(after.confirmed, [release.op, undo.op]).get('e')?.assigneeId).toBe('ada');
    // Mine again already: nothing to send. Bob's by now: the claim still goes, for its CONFLICT to say he has it.
    expect(stepWrite(now(), 'z2', c, c.undo, 'undo')).toBeNull();
    const bobs = now([release.op, { kind: 'update', messageId: 'o', itemId: 'e', fields: { assigneeId: 'bob' } }]);
    expect(stepWrite(bobs, 'z3', c, c.undo, 'undo')?.command).toEqual({ claimWorkItem: { workItemId: 'e' } });
    // The redo releases my claim, never Bob's.
    expect(stepWrite(now(), 'z4', c, c.redo, 'redo')?.command).toEqual({ releaseWorkItem: { workItemId: 'e' } });
    expect(stepWrite(bobs, 'z5', c, c.redo, 'redo')).toBeNull();
    // Ada, an admin, releases Bob's claim on b: claiming is for oneself, so nothing could give it back to him.
    expect(changeOf(now(), releaseWrite(now(), 'r2', 'b')!, 'ada')).toEqual({ as: 'change', base: null, change: null });
  });

  it("UNDO-13 a claim back carries no version, so it goes from the version the board knows: someone else's change before it still leaves the item's other changes behind", () => {
    // Ada retitled e, then released it; Bob then changed it (version 5) and the board has heard.
    let h = sent(EMPTY_HISTORY, made('t1', 'e', 2));
    h = sent(h, changeOf(now(), releaseWrite(now(), 'r1', 'e')!, 'ada'));
    expect(versions(h).done).toEqual(['t1@4', 'r1@4']);
    const confirmed = fromItems([item('e', 'review', 'A', { version: 5 })]);
    const bobChanged: ItemsNow = { confirmed, view: applyOps(confirmed, []), ops: [], projectId: 'p1' };
    const t = takeUndo(h)!;
    const undo = stepOf('undo', t, bobChanged);
    expect(undo.base).toEqual({ itemId: 'e', from: 5 });
    h = landed(sent(t.history, undo), undo, 6);
    // The retitle still expects 4, so its undo is a CONFLICT, not an overwrite of Bob's change.
    expect(versions(h)).toEqual({ done: ['t1@4'], undone: ['r1@6'] });
  });
});
