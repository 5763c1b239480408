import { describe, expect, it } from 'vitest';
import { pb } from '../proto.ts';
import { mergePartialItem, toPartialItem } from './partial-work-item.ts';
import { WORK_ITEM_FIELDS, WORK_ITEM_FIELD_NAMES, wireKeysOf } from './work-item-fields.ts';

describe('FIELD work item field table', () => {
  it('FIELD-1 every field names WorkItem fields that exist on the wire', () => {
    for (const f of WORK_ITEM_FIELD_NAMES) for (const key of wireKeysOf(f)) expect(key in pb.WorkItem.prototype, `${f} -> ${key}`).toBe(true);
  });

  it('FIELD-2 every updatable field can be set by update_work_item under its wire key', () => {
    for (const f of WORK_ITEM_FIELD_NAMES) {
      if (WORK_ITEM_FIELDS[f].updatable) expect(WORK_ITEM_FIELDS[f].key in pb.UpdateWorkItem.prototype, f).toBe(true);
    }
  });

  it('FIELD-3 a partial item carries exactly what the table marks, and merges back onto the version before', () => {
    const held = { id: 'i', projectId: 'p', key: 'WEB-1', number: 1, version: 3, title: 'Old', storyPoints: 2, hasStoryPoints: true };
    const after = { ...held, version: 4, title: 'New', storyPoints: 0, hasStoryPoints: false };
    const partial = toPartialItem(after, ['title', 'story_points'])!;
    expect(partial).toEqual({ id: 'i', projectId: 'p', key: 'WEB-1', number: 1, version: 4, title: 'New' });
    expect(mergePartialItem(held, partial, ['title', 'story_points'])).toEqual(after);
  });
});
