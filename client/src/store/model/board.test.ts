// The board's pure rules (items.ts, item-ops.ts, columns.ts, plain-error.ts): no DOM, runs under Node.
import { describe, expect, it } from 'vitest';
import { rankBetween } from '../../../../shared/domain/rank.ts';
import { toPartialItem } from '../../../../shared/protocol/partial-work-item.ts';
import { ErrorCode, pb, type IWorkItem } from '../../../../shared/proto.ts';
import { RequestError } from '../../../../shared/sdk/errors.ts';
import { columnCards, indexColumns, keyboardTarget, neighboursAt } from './columns.ts';
import { applyOps, renameCard, type Op } from './item-ops.ts';
import { applyItem, applyPartialItem, fromItems, toCard, type Card } from './items.ts';
import { plainError } from './plain-error.ts';

const item = (id: string, statusId: string, rank: string, version = 1, extra: Partial<IWorkItem> = {}): IWorkItem => ({
  id,
  statusId,
  rank,
  version,
  title: id,
  key: `WEB-${id}`,
  ...extra,
});

const ids = (cards: Card[]) => cards.map((c) => c.id);

describe('board logic', () => {
  it('STORE-1 orders a column by rank, then id for equal ranks', () => {
    const confirmed = fromItems([item('c', 'todo', 'M'), item('b', 'todo', 'A'), item('a', 'todo', 'M'), item('x', 'done', '0')]);
    expect(ids(columnCards(confirmed.values(), 'todo'))).toEqual(['b', 'a', 'c']);
    expect(ids(columnCards(confirmed.values(), 'done'))).toEqual(['x']);
    expect(columnCards(confirmed.values(), 'none')).toEqual([]);
  });

  it('STORE-2 an event replaces the item by id, drops a deleted one, ignores an older version', () => {
    let confirmed = fromItems([item('a', 'todo', 'A', 2), item('b', 'todo', 'B', 1)]);
    const before = confirmed;
    confirmed = applyItem(confirmed, item('a', 'done', 'C', 3));
    expect(confirmed.get('a')).toMatchObject({ statusId: 'done', rank: 'C', version: 3 });
    expect(before.get('a')?.statusId).toBe('todo'); // never mutated
    expect(applyItem(confirmed, item('a', 'todo', 'A', 2))).toBe(confirmed);
    confirmed = applyItem(confirmed, item('b', 'todo', 'B', 2, { deletedAt: 1700000000000 }));
    expect(confirmed.has('b')).toBe(false);
    confirmed = applyItem(confirmed, item('n', 'todo', 'Z', 1));
    expect(ids(columnCards(confirmed.values(), 'todo'))).toEqual(['n']);
  });

  it('STORE-3 an optimistic move lands between its neighbours, marked pending, and the server state is untouched', () => {
    const confirmed = fromItems([item('a', 'todo', rankBetween(null, null)), item('b', 'doing', 'A'), item('c', 'doing', 'M')]);
    const op: Op = { kind: 'move', messageId: 'm1', itemId: 'a', statusId: 'doing', afterId: 'b', beforeId: 'c' };
    const view = applyOps(confirmed, [op]);
    expect(ids(columnCards(view.values(), 'doing'))).toEqual(['b', 'a', 'c']);
    expect(view.get('a')?.pending).toBe(true);
    expect(view.get('b')?.pending).toBeUndefined();
    expect(columnCards(view.values(), 'todo')).toEqual([]);
    // Rollback is dropping the op: the column is as the server has it.
    expect(ids(columnCards(applyOps(confirmed, []).values(), 'todo'))).toEqual(['a']);
  });

  it('STORE-4 moves to the top and bottom of a column, and into an empty one', () => {
    const confirmed = fromItems([item('a', 'todo', 'A'), item('b', 'todo', 'M'), item('c', 'todo', 'T')]);
    const top = applyOps(confirmed, [{ kind: 'move', messageId: 'm', itemId: 'c', statusId: 'todo', afterId: '', beforeId: 'a' }]);
    expect(ids(columnCards(top.values(), 'todo'))).toEqual(['c', 'a', 'b']);
    const bottom = applyOps(confirmed, [{ kind: 'move', messageId: 'm', itemId: 'a', statusId: 'todo', afterId: 'c', beforeId: '' }]);
    expect(ids(columnCards(bottom.values(), 'todo'))).toEqual(['b', 'c', 'a']);
    const empty = applyOps(confirmed, [{ kind: 'move', messageId: 'm', itemId: 'b', statusId: 'done', afterId: '', beforeId: '' }]);
    expect(ids(columnCards(empty.values(), 'done'))).toEqual(['b']);
  });

  it('STORE-5 a pending move stays on top of a newer server version of the same item until its reply', () => {
    let confirmed = fromItems([item('a', 'todo', 'A'), item('b', 'done', 'M')]);
    const ops: Op[] = [{ kind: 'move', messageId: 'm', itemId: 'a', statusId: 'done', afterId: 'b', beforeId: '' }];
    // Someone renames it meanwhile: the rename shows, the card stays where we dropped it.
    confirmed = applyItem(confirmed, item('a', 'todo', 'A', 2, { title: 'renamed' }));
    const view = applyOps(confirmed, ops);
    expect(view.get('a')).toMatchObject({ statusId: 'done', title: 'renamed', pending: true });
    expect(ids(columnCards(view.values(), 'done'))).toEqual(['b', 'a']);
  });

  it('STORE-6 an optimistic create goes above the first card, and an update shows at once', () => {
    const confirmed = fromItems([item('a', 'todo', 'A'), item('b', 'todo', 'M')]);
    const card = toCard(item('tmp', 'todo', '', 0, { title: 'New' }));
    const ops: Op[] = [
      { kind: 'create', messageId: 'tmp', card, afterId: '', beforeId: 'a' },
      { kind: 'update', messageId: 'u', itemId: 'b', fields: { title: 'Edited' } },
    ];
    const view = applyOps(confirmed, ops);
    expect(ids(columnCards(view.values(), 'todo'))).toEqual(['tmp', 'a', 'b']);
    expect(view.get('tmp')?.pending).toBe(true);
    expect(view.get('b')).toMatchObject({ title: 'Edited', pending: true });
    expect(confirmed.get('b')?.title).toBe('b');
  });

  it('STORE-13 a card placed below one still pending stays below it once the server names that one', () => {
    const first = toCard(item('local-1', 'todo', '', 0, { title: 'First' }));
    const second = toCard(item('local-2', 'todo', '', 0, { title: 'Second' }));
    const ops: Op[] = [
      { kind: 'create', messageId: '1', card: first, afterId: '', beforeId: 'a' },
      { kind: 'create', messageId: '2', card: second, afterId: 'local-1', beforeId: 'a' },
      { kind: 'update', messageId: 'u', itemId: 'a', fields: { title: 'Edited' } },
    ];
    // The first is answered: its op goes, the server's card is confirmed, and the second follows it by its new id.
    const confirmed = fromItems([item('a', 'todo', 'M'), item('s1', 'todo', rankBetween(null, 'M'), 1, { title: 'First' })]);
    const renamed = renameCard(ops.slice(1), 'local-1', 's1');
    expect(renamed[0]).toMatchObject({ afterId: 's1', beforeId: 'a' });
    expect(renamed[1]).toBe(ops[2]);
    expect(ids(columnCards(applyOps(confirmed, renamed).values(), 'todo'))).toEqual(['s1', 'local-2', 'a']);
    // Nothing names the card: the very same list.
    expect(renameCard(renamed, 'local-9', 'x')).toBe(renamed);
  });

  it('STORE-7 a drop position becomes before/after neighbours, not counting the card itself', () => {
    const column = [...fromItems([item('a', 's', 'A'), item('b', 's', 'B'), item('c', 's', 'C')]).values()];
    expect(neighboursAt(column, 'x', 0)).toEqual({ afterId: '', beforeId: 'a' });
    expect(neighboursAt(column, 'x', 3)).toEqual({ afterId: 'c', beforeId: '' });
    expect(neighboursAt(column, 'a', 1)).toEqual({ afterId: 'b', beforeId: 'c' });
    expect(neighboursAt(column, 'b', 9)).toEqual({ afterId: 'c', beforeId: '' });
    expect(neighboursAt([], 'a', 0)).toEqual({ afterId: '', beforeId: '' });
  });

  it('STORE-8 arrow keys move a picked-up card between positions and columns, stopping at the edges', () => {
    const confirmed = fromItems([item('a', 's1', 'A'), item('b', 's1', 'B'), item('c', 's2', 'A')]);
    const columns = ['s1', 's2', 's3'].map((statusId) => ({ statusId, cards: columnCards(confirmed.values(), statusId) }));
    expect(keyboardTarget(columns, { column: 0, index: 0 }, 'a', 'ArrowDown')).toEqual({ column: 0, index: 1 });
    expect(keyboardTarget(columns, { column: 0, index: 1 }, 'a', 'ArrowDown')).toBeNull();
    expect(keyboardTarget(columns, { column: 0, index: 0 }, 'a', 'ArrowUp')).toBeNull();
    expect(keyboardTarget(columns, { column: 0, index: 1 }, 'a', 'ArrowRight')).toEqual({ column: 1, index: 1 });
    expect(keyboardTarget(columns, { column: 1, index: 1 }, 'a', 'ArrowRight')).toEqual({ column: 2, index: 0 });
    expect(keyboardTarget(columns, { column: 2, index: 0 }, 'a', 'ArrowRight')).toBeNull();
    expect(keyboardTarget(columns, { column: 0, index: 0 }, 'a', 'ArrowLeft')).toBeNull();
    expect(keyboardTarget(columns, { column: 0, index: 0 }, 'a', 'Enter')).toBeNull();
  });

  it('STORE-9 refusals read as plain words', () => {
    expect(plainError('move WEB-1', new RequestError(ErrorCode.ERROR_CODE_PERMISSION_DENIED, 'Your role does not allow'))).toBe(
      'Could not move WEB-1: your role in this project does not allow it.',
    );
    expect(plainError('move WEB-1', new RequestError(ErrorCode.ERROR_CODE_CONFLICT, 'stale'))).toMatch(/someone changed this item/);
    expect(plainError('add the card', new RequestError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, 'A title is 1-500 characters', 'title'))).toBe(
      'Could not add the card: A title is 1-500 characters.',
    );
    expect(plainError('move WEB-1', new Error('boom'))).toBe('Could not move WEB-1. The server said: boom');
  });
});

describe('partial items (changed fields only)', () => {
  const held = () =>
    fromItems([
      item('a', 'todo', 'A', 4, { description: 'kept', assigneeId: 'bob', labels: ['x'], sprintId: 's1', storyPoints: 3, hasStoryPoints: true }),
      item('b', 'todo', 'B', 1),
    ]);
  /** What a changed-fields-only subscriber decodes for a write that left `after` (defaults off the wire, read back as defaults). */
  const partial = (after: IWorkItem, changed: string[]) => pb.WorkItem.decode(pb.WorkItem.encode(toPartialItem(after, changed)!).finish());

  it('STORE-10 lays only the named fields over the card: a title, a cleared assignee, a new label list, points of 0', () => {
    const confirmed = held();
    const titled = applyPartialItem(confirmed, partial(item('a', 'todo', 'A', 5, { title: 'Renamed' }), ['title']), ['title'])!;
    expect(titled.get('a')).toMatchObject({ title: 'Renamed', version: 5, description: 'kept', assigneeId: 'bob', labels: ['x'], statusId: 'todo' });
    expect(titled.get('b')).toBe(confirmed.get('b'));
    expect(confirmed.get('a')?.title).toBe('a'); // never mutated

    const unassigned = applyPartialItem(titled, partial(item('a', 'todo', 'A', 6, { assigneeId: '' }), ['assignee_id']), ['assignee_id'])!;
    expect(unassigned.get('a')).toMatchObject({ assigneeId: '', title: 'Renamed', sprintId: 's1' });

    const labelled = applyPartialItem(unassigned, partial(item('a', 'todo', 'A', 7, { labels: ['y', 'z'] }), ['labels']), ['labels'])!;
    expect(labelled.get('a')?.labels).toEqual(['y', 'z']);
    const cleared = applyPartialItem(labelled, partial(item('a', 'todo', 'A', 8, { labels: [] }), ['labels']), ['labels'])!;
    expect(cleared.get('a')?.labels).toEqual([]);

    const zero = applyPartialItem(cleared, partial(item('a', 'todo', 'A', 9, { storyPoints: 0, hasStoryPoints: true }), ['story_points']), ['story_points'])!;
    expect(zero.get('a')).toMatchObject({ storyPoints: 0, hasStoryPoints: true });
    // A plain object (not a decoded message) that leaves a named field out means it was cleared too.
    const none = applyPartialItem(zero, { id: 'a', version: 10 }, ['story_points', 'sprint_id'])!;
    expect(none.get('a')).toMatchObject({ storyPoints: 0, hasStoryPoints: false, sprintId: '', title: 'Renamed', key: 'WEB-a' });
  });

  it('STORE-11 a move comes as status and rank and re-places the card; a pending edit of ours stays on top of it', () => {
    const confirmed = held();
    const ops: Op[] = [{ kind: 'update', messageId: 'u', itemId: 'a', fields: { title: 'Mine' } }];
    const moved = applyPartialItem(confirmed, partial(item('a', 'done', 'M', 5), ['status_id', 'rank']), ['status_id', 'rank'])!;
    const view = applyOps(moved, ops);
    expect(view.get('a')).toMatchObject({ statusId: 'done', rank: 'M', title: 'Mine', pending: true, description: 'kept' });
    expect(ids(columnCards(view.values(), 'done'))).toEqual(['a']);
    expect(ids(columnCards(view.values(), 'todo'))).toEqual(['b']);
  });

  it('STORE-12 ignores one no newer than the card; refuses (null) one it cannot lay on: no card, a version skipped, a name it cannot carry', () => {
    const confirmed = held();
    expect(applyPartialItem(confirmed, partial(item('a', 'todo', 'A', 4, { title: 'Old' }), ['title']), ['title'])).toBe(confirmed);
    expect(applyPartialItem(confirmed, partial(item('n', 'todo', 'A', 2, { title: 'New' }), ['title']), ['title'])).toBeNull();
    expect(applyPartialItem(confirmed, partial(item('a', 'todo', 'A', 6, { title: 'Later' }), ['title']), ['title'])).toBeNull();
    expect(applyPartialItem(confirmed, { id: 'a', version: 5 }, ['restored'])).toBeNull();
  });
});

describe('indexColumns: columns kept between views', () => {
  const statuses = ['todo', 'doing', 'done'];
  const expectSameAsSorting = (view: ReadonlyMap<string, Card>, byStatus: ReadonlyMap<string, readonly Card[]>) => {
    for (const s of statuses) expect(ids([...(byStatus.get(s) ?? [])])).toEqual(ids(columnCards(view.values(), s)));
  };

  it('places changed, new and deleted cards where a full sort would, over a seeded random run', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const ranks = ['a', 'b', 'c', 'd', 'e'];
    let confirmed = fromItems(Array.from({ length: 40 }, (_, i) => item(`i${i}`, pick(statuses), pick(ranks))));
    let index = indexColumns(confirmed, null);
    expectSameAsSorting(confirmed, index.byStatus);
    for (let step = 0; step < 400; step++) {
      const changes = 1 + Math.floor(random() * 3);
      for (let c = 0; c < changes; c++) {
        const id = `i${Math.floor(random() * 50)}`;
        const version = Number(confirmed.get(id)?.version ?? 0) + 1;
        const roll = random();
        if (roll < 0.1) confirmed = applyItem(confirmed, item(id, 'todo', 'a', version, { deletedAt: 5 }));
        else if (roll < 0.5) confirmed = applyItem(confirmed, item(id, confirmed.get(id)?.statusId ?? 'todo', confirmed.get(id)?.rank ?? 'c', version, { title: `t${step}` }));
        else confirmed = applyItem(confirmed, item(id, pick(statuses), pick(ranks), version));
      }
      index = indexColumns(confirmed, index);
      expectSameAsSorting(confirmed, index.byStatus);
    }
  });

  it('keeps the array of a column none of whose cards changed, and the index when nothing did', () => {
    const confirmed = fromItems([item('a', 'todo', 'a'), item('b', 'doing', 'b')]);
    const first = indexColumns(confirmed, null);
    const doing = first.byStatus.get('doing');
    const todo = first.byStatus.get('todo');
    const next = applyItem(confirmed, item('a', 'todo', 'a', 2, { title: 'renamed' }));
    const second = indexColumns(next, first);
    expect(second.byStatus.get('doing')).toBe(doing);
    expect(second.byStatus.get('todo')).not.toBe(todo);
    expect(second.byStatus.get('todo')![0]!.title).toBe('renamed');
    expect(indexColumns(next, second)).toBe(second);
  });

  it('applyOps hands back the confirmed map itself when no write is out', () => {
    const confirmed = fromItems([item('a', 'todo', 'a')]);
    expect(applyOps(confirmed, [])).toBe(confirmed);
  });
});
