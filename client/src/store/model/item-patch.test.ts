import { describe, expect, it } from 'vitest';
import { ItemType, Priority } from '../../../../shared/proto.ts';
import { conflictRows, mergedPatch } from './conflicts.ts';
import { WORK_ITEM_FIELDS } from '../../../../shared/protocol/work-item-fields.ts';
import { effectivePatch, fieldLabel, parseLabels, PATCH_FIELDS, patchBack, patchToCard, typePatch, updateCommand, valueOf } from './item-patch.ts';

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

  it('MODEL-20 the patch fields are the updatable fields of the shared table, by wire key, in its order, with its labels', () => {
    const updatable = Object.values(WORK_ITEM_FIELDS).filter((f) => f.updatable);
    expect(PATCH_FIELDS).toEqual(updatable.map((f) => f.key));
    expect(PATCH_FIELDS).not.toContain('rank');
    for (const f of updatable) expect(fieldLabel(f.key)).toBe(f.label);
  });

  it("MODEL-21 a cleared field goes in `clear` under the table's name; a value of none reads as null, a cleared overlay as the wire's default", () => {
    expect(updateCommand('i1', 4, { sprintId: null, parentId: null })).toEqual({
      updateWorkItem: { workItemId: 'i1', expectedVersion: 4, clear: ['parent_id', 'sprint_id'] },
    });
    expect(updateCommand('i1', 4, { sprintId: 's2' })).toEqual({ updateWorkItem: { workItemId: 'i1', expectedVersion: 4, sprintId: 's2' } });
    expect(valueOf({ storyPoints: 0, hasStoryPoints: false }, 'storyPoints')).toBeNull();
    expect(valueOf({ storyPoints: 0, hasStoryPoints: true }, 'storyPoints')).toBe(0);
    expect(valueOf({ sprintId: '' }, 'sprintId')).toBeNull();
    expect(valueOf({}, 'title')).toBe('');
    expect(patchToCard({ labels: null, sprintId: null })).toEqual({ labels: [], sprintId: '' });
    expect(effectivePatch({ description: '', assigneeId: '' }, { description: '', assigneeId: null })).toEqual({});
  });

  it("ITYPEUI-6 a type change: to an own type a task naming it, back to a built-in type with custom_type_id cleared; only what changes is sent, laid on the card and undone", () => {
    const bug = { ...item, itemType: ItemType.ITEM_TYPE_BUG, customTypeId: '' };
    const toRisk = effectivePatch(bug, typePatch({ ownTypeId: 'risk-id' }));
    expect(toRisk).toEqual({ itemType: ItemType.ITEM_TYPE_TASK, customTypeId: 'risk-id' });
    expect(updateCommand('i1', 4, toRisk)).toEqual({
      updateWorkItem: { workItemId: 'i1', expectedVersion: 4, itemType: ItemType.ITEM_TYPE_TASK, customTypeId: 'risk-id' },
    });
    expect(patchToCard(toRisk)).toEqual({ itemType: ItemType.ITEM_TYPE_TASK, customTypeId: 'risk-id' });
    expect(patchBack(bug, toRisk)).toEqual({ itemType: ItemType.ITEM_TYPE_BUG, customTypeId: null });

    const risk = { ...item, itemType: ItemType.ITEM_TYPE_TASK, customTypeId: 'risk-id' };
    // A Risk made a Task is already a task on the wire: only the own type goes.
    const toTask = effectivePatch(risk, typePatch({ builtIn: ItemType.ITEM_TYPE_TASK }));
    expect(toTask).toEqual({ customTypeId: null });
    expect(updateCommand('i1', 5, toTask)).toEqual({ updateWorkItem: { workItemId: 'i1', expectedVersion: 5, clear: ['custom_type_id'] } });
    expect(patchToCard(toTask)).toEqual({ customTypeId: '' });
    const toStory = effectivePatch(risk, typePatch({ builtIn: ItemType.ITEM_TYPE_STORY }));
    expect(updateCommand('i1', 5, toStory)).toEqual({
      updateWorkItem: { workItemId: 'i1', expectedVersion: 5, itemType: ItemType.ITEM_TYPE_STORY, clear: ['custom_type_id'] },
    });
    expect(patchBack(risk, toStory)).toEqual({ itemType: ItemType.ITEM_TYPE_TASK, customTypeId: 'risk-id' });
    // The same type again sends nothing.
    expect(effectivePatch(risk, typePatch({ ownTypeId: 'risk-id' }))).toEqual({});
    expect(effectivePatch(bug, typePatch({ builtIn: ItemType.ITEM_TYPE_BUG }))).toEqual({});
  });

  it('parses labels', () => {
    expect(parseLabels(' b, a ,, b ')).toEqual(['a', 'b']);
  });
});
