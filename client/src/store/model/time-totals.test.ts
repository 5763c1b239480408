// Time added up over a board's items (time-totals.ts): items, epics with what
// is under them, sprints, and the words a card and a title use.
import { describe, expect, it } from 'vitest';
import { ItemType, StatusCategory, type IWorkItem } from '../../../../shared/proto.ts';
import { epicTimes, hasTime, loggedAgainstEstimate, NO_TIME, sprintTime, timeOf, timeSentence } from './time-totals.ts';

const item = (id: string, fields: Partial<IWorkItem> = {}): IWorkItem => ({ id, itemType: ItemType.ITEM_TYPE_STORY, statusId: 'todo', loggedMinutes: 0, ...fields });
const estimated = (original: number, remaining: number) => ({ originalEstimateMinutes: original, hasOriginalEstimate: true, remainingEstimateMinutes: remaining, hasRemainingEstimate: true });
const board = (...items: IWorkItem[]) => new Map(items.map((i) => [i.id!, i]));

describe('time totals', () => {
  it('TIMEUI-5 an item\'s own time: 0 points of estimate differ from none by the has_ flags', () => {
    expect(timeOf(item('a'))).toEqual(NO_TIME);
    expect(timeOf(item('a', { loggedMinutes: 90, ...estimated(240, 150) }))).toEqual({ logged: 90, estimate: 240, remaining: 150 });
    expect(timeOf(item('a', { originalEstimateMinutes: 0, hasOriginalEstimate: true }))).toEqual({ logged: 0, estimate: 0, remaining: null });
    expect(hasTime(NO_TIME)).toBe(false);
    expect(hasTime({ logged: 0, estimate: 0, remaining: null })).toBe(true);
  });

  it('TIMEUI-6 an epic adds up itself, its children and their sub-tasks on the board; items under no epic, or another, stay out', () => {
    const totals = epicTimes(
      board(
        item('epic', { itemType: ItemType.ITEM_TYPE_EPIC, loggedMinutes: 10 }),
        item('story', { parentId: 'epic', loggedMinutes: 60, ...estimated(120, 60) }),
        item('sub', { itemType: ItemType.ITEM_TYPE_SUBTASK, parentId: 'story', loggedMinutes: 30, ...estimated(60, 30) }),
        item('bug', { itemType: ItemType.ITEM_TYPE_BUG, parentId: 'epic' }),
        item('loose', { loggedMinutes: 500 }),
        item('other', { itemType: ItemType.ITEM_TYPE_EPIC }),
        item('orphan', { itemType: ItemType.ITEM_TYPE_SUBTASK, parentId: 'not-on-board', loggedMinutes: 7 }),
      ),
    );
    expect(totals.get('epic')).toEqual({ logged: 100, estimate: 180, remaining: 90 });
    expect(totals.get('other')).toEqual(NO_TIME);
    expect([...totals.keys()].sort()).toEqual(['epic', 'other']);
    // A parent loop in bad data ends rather than spins.
    expect(epicTimes(board(item('x', { parentId: 'y' }), item('y', { parentId: 'x' })))).toEqual(new Map());
  });

  it('TIMEUI-7 a sprint adds up its cards: all the time logged, and the remaining estimates of the unfinished ones', () => {
    const category = (statusId: string) => ({ todo: StatusCategory.STATUS_CATEGORY_UNSTARTED, done: StatusCategory.STATUS_CATEGORY_COMPLETED })[statusId];
    const cards = [
      item('a', { sprintId: 's1', loggedMinutes: 60, ...estimated(240, 180) }),
      item('b', { sprintId: 's1', statusId: 'done', loggedMinutes: 120, ...estimated(120, 30) }),
      item('c', { sprintId: 's1', loggedMinutes: 15 }),
      item('d', { sprintId: 's2', loggedMinutes: 999, ...estimated(60, 60) }),
    ];
    expect(sprintTime('s1', cards, category)).toEqual({ logged: 195, estimate: 360, remaining: 180 });
    expect(sprintTime('s3', cards, category)).toEqual(NO_TIME);
  });

  it('TIMEUI-8 a card says its logged time against the estimate, in the device\'s days', () => {
    expect(loggedAgainstEstimate({ logged: 90, estimate: 240, remaining: 150 }, 8)).toBe('1h 30m / 4h');
    expect(loggedAgainstEstimate({ logged: 90, estimate: null, remaining: null }, 8)).toBe('1h 30m');
    expect(loggedAgainstEstimate({ logged: 0, estimate: 600, remaining: 600 }, 8)).toBe('0m / 1d 2h');
    expect(loggedAgainstEstimate({ logged: 0, estimate: 600, remaining: 600 }, 6)).toBe('0m / 1d 4h');
    expect(timeSentence({ logged: 90, estimate: 240, remaining: 150 }, 8)).toBe('1h 30m logged of 4h estimated, 2h 30m remaining');
    expect(timeSentence({ logged: 30, estimate: null, remaining: null }, 8)).toBe('30m logged');
  });
});
