// The item commands as writes (item-writes.ts): the op shown, the command
// sent, the words of a refusal; nothing when there is nothing to send.
import { describe, expect, it } from 'vitest';
import { ItemType, Priority, type IWorkItem } from '../../../../shared/proto.ts';
import { applyOps, type Op } from './item-ops.ts';
import { fromItems } from './items.ts';
import { childWrite, claimWrite, createWrite, moveWrite, planWrite, updateWrite, type ItemsNow } from './item-writes.ts';

const item = (id: string, statusId: string, rank: string, extra: Partial<IWorkItem> = {}): IWorkItem => ({
  id,
  projectId: 'p1',
  key: `WEB-${id}`,
  statusId,
  rank,
  title: id,
  version: 3,
  ...extra,
});

const now = (ops: Op[] = []): ItemsNow => {
  const confirmed = fromItems([item('a', 'todo', 'A', { itemType: ItemType.ITEM_TYPE_TASK }), item('b', 'todo', 'B'), item('c', 'done', 'A'), item('e', 'todo', 'C', { itemType: ItemType.ITEM_TYPE_EPIC })]);
  return { confirmed, view: applyOps(confirmed, ops), ops, projectId: 'p1' };
};

describe('item writes', () => {
  it('MODEL-10 a move expects the version its earlier pending writes will leave, and names its neighbours', () => {
    const first = moveWrite(now(), 'm1', 'a', 'done', 1)!;
    expect(first.op).toEqual({ kind: 'move', messageId: 'm1', itemId: 'a', statusId: 'done', afterId: 'c', beforeId: '' });
    expect(first.command).toEqual({ moveWorkItem: { workItemId: 'a', expectedVersion: 3, statusId: 'done', afterId: 'c', beforeId: '' } });
    expect(first.action).toBe('move WEB-a');
    const second = moveWrite(now([first.op]), 'm2', 'a', 'todo', 0)!;
    expect(second.command).toMatchObject({ moveWorkItem: { expectedVersion: 4 } });
  });

  it('MODEL-11 nothing to send for a drop where the card already is, an unknown card, or a card not answered yet', () => {
    expect(moveWrite(now(), 'm', 'a', 'todo', 0)).toBeNull();
    expect(moveWrite(now(), 'm', 'zz', 'todo', 0)).toBeNull();
    const added = createWrite(now(), 'n1', { title: 'New', statusId: 'todo', itemType: ItemType.ITEM_TYPE_TASK }, 'add the card')!;
    const local = added.op.kind === 'create' ? added.op.card.id : '';
    expect(claimWrite(now([added.op]), 'm', local, 'ada')).toBeNull();
    expect(updateWrite(now([added.op]), 'm', local, { title: 'x' }, 0)).toBeNull();
  });

  it('MODEL-12 a new card goes on top of its column; the server is told to put it before the first card it knows', () => {
    const first = createWrite(now(), 'n1', { title: '  Fix it ', statusId: 'todo', itemType: ItemType.ITEM_TYPE_TASK }, 'add the card')!;
    expect(first.command).toEqual({
      createWorkItem: { projectId: 'p1', title: 'Fix it', statusId: 'todo', itemType: ItemType.ITEM_TYPE_TASK, priority: Priority.PRIORITY_NONE, beforeId: 'a' },
    });
    expect(first.op).toMatchObject({ kind: 'create', afterId: '', beforeId: 'a', card: { id: 'local-n1', title: 'Fix it', key: '', version: 0 } });
    // Above a card still pending: shown above it, placed by the server before the first card it has.
    const second = createWrite(now([first.op]), 'n2', { title: 'Next', statusId: 'todo', itemType: ItemType.ITEM_TYPE_TASK }, 'add the card')!;
    expect(second.op).toMatchObject({ beforeId: 'local-n1' });
    expect(second.command).toMatchObject({ createWorkItem: { beforeId: '' } });
    expect(createWrite(now(), 'n3', { title: '  ', statusId: 'todo', itemType: ItemType.ITEM_TYPE_TASK }, 'add the card')).toBeNull();
  });

  it('MODEL-17 a typed list keeps its order: each card goes right below the one added before it', () => {
    const first = createWrite(now(), 'n1', { title: 'First', statusId: 'todo', itemType: ItemType.ITEM_TYPE_BUG }, 'add the card')!;
    // Below a pending card: shown between it and the card under it; the server is told "before that card".
    const second = createWrite(now([first.op]), 'n2', { title: 'Second', statusId: 'todo', itemType: ItemType.ITEM_TYPE_BUG }, 'add the card', 'local-n1')!;
    expect(second.op).toMatchObject({ afterId: 'local-n1', beforeId: 'a' });
    expect(second.command).toMatchObject({ createWorkItem: { beforeId: 'a', itemType: ItemType.ITEM_TYPE_BUG } });
    expect(second.command).not.toHaveProperty('createWorkItem.afterId');
    const shown = [...applyOps(now().confirmed, [first.op, second.op]).values()].filter((c) => c.statusId === 'todo').sort((x, y) => (x.rank < y.rank ? -1 : 1));
    expect(shown.map((c) => c.title)).toEqual(['First', 'Second', 'a', 'b', 'e']);
    // Below a card the server knows: after it, by its id.
    const third = createWrite(now(), 'n3', { title: 'Third', statusId: 'todo', itemType: ItemType.ITEM_TYPE_TASK }, 'add the card', 'a')!;
    expect(third.op).toMatchObject({ afterId: 'a', beforeId: 'b' });
    expect(third.command).toMatchObject({ createWorkItem: { afterId: 'a' } });
    expect(third.command).not.toHaveProperty('createWorkItem.beforeId');
    // The card above left the column (moved, deleted): the new one goes on top, as a first one would.
    expect(createWrite(now(), 'n4', { title: 'Fourth', statusId: 'todo', itemType: ItemType.ITEM_TYPE_TASK }, 'add the card', 'c')!.op).toMatchObject({ afterId: '', beforeId: 'a' });
  });

  it("MODEL-13 a child is a sub-task under a story or task, a story under an epic, in the parent's column", () => {
    expect(childWrite(now(), 'k1', 'a', 'Part')!.command).toMatchObject({ createWorkItem: { itemType: ItemType.ITEM_TYPE_SUBTASK, parentId: 'a', statusId: 'todo' } });
    expect(childWrite(now(), 'k2', 'e', 'Story')!.command).toMatchObject({ createWorkItem: { itemType: ItemType.ITEM_TYPE_STORY, parentId: 'e' } });
    expect(childWrite(now(), 'k3', 'e', 'Story')!.action).toBe('add the sub-task');
  });

  it('MODEL-14 planning is an update op (sprint and rank) sent as a move; a claim shows the caller as assignee', () => {
    const plan = planWrite(now(), 'p', 'b', 's1', { afterId: '', beforeId: '', rank: 'V' })!;
    expect(plan.op).toEqual({ kind: 'update', messageId: 'p', itemId: 'b', fields: { sprintId: 's1', rank: 'V' } });
    expect(plan.command).toEqual({ moveWorkItem: { workItemId: 'b', expectedVersion: 3, statusId: '', afterId: '', beforeId: '', sprintId: 's1' } });
    const claim = claimWrite(now(), 'c', 'b', 'ada')!;
    expect(claim.op).toEqual({ kind: 'update', messageId: 'c', itemId: 'b', fields: { assigneeId: 'ada' } });
    expect(claim.command).toEqual({ claimWorkItem: { workItemId: 'b' } });
  });

  it('MODEL-15 an update sends only what differs, keeps the patch and key for a conflict, and is "unchanged" when nothing does', () => {
    const w = updateWrite(now(), 'u', 'b', { title: 'b', storyPoints: 5 }, 3);
    expect(w).not.toBe('unchanged');
    if (!w || w === 'unchanged') return;
    expect(w.command).toEqual({ updateWorkItem: { workItemId: 'b', expectedVersion: 3, storyPoints: 5 } });
    expect(w.op).toEqual({ kind: 'update', messageId: 'u', itemId: 'b', fields: { storyPoints: 5, hasStoryPoints: true } });
    expect(w.edit).toEqual({ patch: { storyPoints: 5 }, itemKey: 'WEB-b' });
    expect(w.action).toBe('save WEB-b');
    expect(updateWrite(now(), 'u', 'b', { title: 'b', assigneeId: null }, 3)).toBe('unchanged');
  });
});
