// The active sprint's progress and days left (sprint-progress.ts).
import { describe, expect, it } from 'vitest';
import { StatusCategory } from '../../../../shared/proto.ts';
import type { Card } from './items.ts';
import { daysLeftText, doneShare, sprintProgress } from './sprint-progress.ts';

const card = (id: string, statusId: string, points: number | null, sprintId = 's1'): Card => ({
  id, statusId, rank: id, sprintId, storyPoints: points ?? 0, hasStoryPoints: points !== null,
});
const categories: Record<string, StatusCategory> = { todo: StatusCategory.STATUS_CATEGORY_UNSTARTED, done: StatusCategory.STATUS_CATEGORY_COMPLETED };
const categoryOf = (id: string) => categories[id];

describe('sprint progress', () => {
  it('SPRINT-1 counts the sprint\'s cards and points, done ones apart, and the days to its end', () => {
    const cards = [card('a', 'done', 3), card('b', 'todo', 5), card('c', 'todo', null), card('x', 'done', 8, 's2')];
    const p = sprintProgress({ id: 's1', endDate: '2026-12-10' }, cards, categoryOf, '2026-12-07');
    expect(p).toEqual({ items: 3, doneItems: 1, points: 8, donePoints: 3, daysLeft: 3 });
    expect(doneShare(p)).toBeCloseTo(3 / 8);
  });

  it('SPRINT-1 without estimates the share is by items; days left read in words', () => {
    const p = sprintProgress({ id: 's1' }, [card('a', 'done', null), card('b', 'todo', null)], categoryOf, '2026-12-07');
    expect([p.daysLeft, doneShare(p)]).toEqual([null, 0.5]);
    expect([daysLeftText(3), daysLeftText(1), daysLeftText(0), daysLeftText(-2), daysLeftText(null)]).toEqual(['3 days left', '1 day left', 'Last day', '2 days over', null]);
  });
});
