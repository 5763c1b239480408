import { describe, expect, it } from 'vitest';
import { ItemType, Priority } from '../../../shared/proto.ts';
import { conflictRows, effectivePatch, mergedPatch, parseLabels, patchToCard, updateCommand } from './item-logic.ts';
import { commentView, type ItemComment } from './item.ts';

const item = {
  id: 'i1',
  title: 'Old',
  description: 'd',
  itemType: ItemType.ITEM_TYPE_TASK,
  priority: Priority.PRIORITY_LOW,
  storyPoints: 3,
  hasStoryPoints: true,
  assigneeId: 'u1',
  parentId: '',
  labels: ['b', 'a'],
  version: 4,
};

describe('item patches', () => {
  it('turns a patch into update_work_item with optional fields, set_labels and clear', () => {
    const cmd = updateCommand('i1', 4, { title: 'New', storyPoints: null, assigneeId: null, labels: ['x'], priority: Priority.PRIORITY_NONE });
    expect(cmd).toEqual({
      updateWorkItem: {
        workItemId: 'i1',
        expectedVersion: 4,
        title: 'New',
        priority: Priority.PRIORITY_NONE,
        labels: ['x'],
        setLabels: true,
        clear: ['story_points', 'assignee_id'],
      },
    });
  });

  it('drops fields the item already has and lays the rest on the card', () => {
    expect(effectivePatch(item, { title: 'Old', labels: ['a', 'b'], storyPoints: 5 })).toEqual({ storyPoints: 5 });
    expect(patchToCard({ storyPoints: null, assigneeId: null })).toEqual({ storyPoints: 0, hasStoryPoints: false, assigneeId: '' });
  });

  it('conflict rows put theirs beside yours; a merge resends only the fields chosen as mine', () => {
    const theirs = { ...item, title: 'Theirs', priority: Priority.PRIORITY_HIGH, version: 5 };
    const mine = { title: 'Mine', priority: Priority.PRIORITY_URGENT, description: 'd' };
    const rows = conflictRows(mine, theirs);
    expect(rows.map((r) => [r.field, r.theirs, r.yours, r.same])).toEqual([
      ['title', 'Theirs', 'Mine', false],
      ['description', 'd', 'd', true],
      ['priority', Priority.PRIORITY_HIGH, Priority.PRIORITY_URGENT, false],
    ]);
    expect(mergedPatch(mine, theirs, {})).toEqual({ title: 'Mine', priority: Priority.PRIORITY_URGENT });
    expect(mergedPatch(mine, theirs, { title: 'theirs' })).toEqual({ priority: Priority.PRIORITY_URGENT });
    expect(mergedPatch(mine, theirs, { title: 'theirs', priority: 'theirs' })).toEqual({});
  });

  it('parses labels', () => {
    expect(parseLabels(' b, a ,, b ')).toEqual(['a', 'b']);
  });
});

describe('comment view', () => {
  it('lays pending adds, edits and deletes over the server comments, oldest first', () => {
    const c = (id: string, at: number): ItemComment => ({ id, body: id, createdAt: at, version: 1 });
    const confirmed = new Map([
      ['a', c('a', 1)],
      ['b', c('b', 2)],
    ]);
    const view = commentView(confirmed, [
      { kind: 'add', messageId: 'm1', comment: { ...c('local-1', 3), pending: true } },
      { kind: 'edit', messageId: 'm2', id: 'a', body: 'edited' },
      { kind: 'delete', messageId: 'm3', id: 'b' },
    ]);
    expect(view.map((x) => [x.id, x.body, !!x.pending])).toEqual([
      ['a', 'edited', true],
      ['local-1', 'local-1', true],
    ]);
  });
});
