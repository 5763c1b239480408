// What a partial work item carries (Subscribe.changed_fields_only), as the server makes it.
import { describe, expect, it } from 'vitest';
import { mergePartialItem, toPartialItem } from './partial-work-item.ts';
import type { IWorkItem } from '../proto.ts';

const whole: IWorkItem = {
  id: 'i1', projectId: 'p1', key: 'WEB-7', number: 7, itemType: 2, parentId: 'e1', title: 'Title', description: 'Long text',
  statusId: 's1', priority: 3, storyPoints: 0, hasStoryPoints: true, assigneeId: '', sprintId: 'sp1', labels: ['a', 'b'],
  rank: 'M', version: 9, createdAt: 100, createdBy: 'u1', updatedAt: 200, updatedBy: 'u2', deletedAt: 0,
};
const identity = { id: 'i1', projectId: 'p1', key: 'WEB-7', number: 7, version: 9, updatedAt: 200, updatedBy: 'u2' };

describe('partial work items', () => {
  it('PART-1 carry the identity, version, who and when, and the named fields, leaving default (cleared) values off', () => {
    expect(toPartialItem(whole, ['title'])).toEqual({ ...identity, title: 'Title' });
    expect(toPartialItem(whole, ['assignee_id'])).toEqual(identity);
    expect(toPartialItem(whole, ['labels', 'priority'])).toEqual({ ...identity, labels: ['a', 'b'], priority: 3 });
    expect(toPartialItem(whole, ['story_points'])).toEqual({ ...identity, hasStoryPoints: true });
    expect(toPartialItem(whole, ['status_id', 'rank', 'sprint_id'])).toEqual({ ...identity, statusId: 's1', rank: 'M', sprintId: 'sp1' });
  });

  it('PART-2 are not made for changes a client may not hold the item for, or names they do not know', () => {
    for (const names of [['created'], ['deleted'], ['restored', 'rank'], ['title', 'something_new'], []]) {
      expect(toPartialItem(whole, names)).toBeNull();
    }
  });

  it('PART-3 a card held without its description (GetBoard.omit_descriptions) holds the whole one after a description change, and stays marked after others', () => {
    const card: IWorkItem = { ...whole, version: 8, description: '', descriptionOmitted: true };
    expect(mergePartialItem(card, { ...identity, description: 'New text' }, ['description'])).toMatchObject({
      description: 'New text', descriptionOmitted: false,
    });
    expect(mergePartialItem(card, { ...identity }, ['description'])).toMatchObject({ description: '', descriptionOmitted: false });
    expect(mergePartialItem(card, { ...identity, title: 'Renamed' }, ['title'])).toMatchObject({ title: 'Renamed', descriptionOmitted: true });
  });
});
