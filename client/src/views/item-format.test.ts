import { describe, expect, it } from 'vitest';
import type { Card } from '../store/model/items.ts';
import { changedBy, describeHistory, describeValue, listOf, mentionable, viewedItem, type BoardNames } from './item-format.ts';

const card = (id: string, key: string, title: string) => ({ id, key, title }) as Card;

const board: BoardNames = {
  members: () => [
    { userId: 'u-ada', displayName: 'Ada Lovelace' },
    { userId: 'u-bob', displayName: 'Bob Babbage' },
  ],
  columns: () => [
    { status: { id: 's-todo', name: 'To Do' }, cards: [] },
    { status: { id: 's-done', name: 'Done' }, cards: [] },
  ],
  items: () => new Map([['i-1', card('i-1', 'WEB-1', 'Sign-in page')]]),
  sprints: () => new Map([['sp-1', { id: 'sp-1', name: 'Sprint 4' }]]),
  customFields: () => [{ id: 'f-sev', name: 'Severity', kind: 4, options: ['Low', 'High'], itemTypes: [], required: false, position: 0 }],
  project: () => ({ id: 'p1', itemTypes: [{ id: 'risk-id', name: 'Risk', icon: '⚠️', colour: '#dc2626', position: 0 }] }),
};

const line = (field: string, oldValue: string, newValue: string) => {
  const d = describeHistory(board, field, oldValue, newValue);
  return [d.what, d.from, d.to].filter(Boolean).join(' | ');
};

describe('history in words', () => {
  it('HIST-5 a custom field\'s change by the field\'s name, a removed one as such; the values as the server wrote them', () => {
    expect(line('custom:f-sev', 'Low', 'High')).toBe('changed Severity | Low | High');
    expect(line('custom:f-sev', '', 'Low')).toBe('changed Severity | none | Low');
    expect(line('custom:f-gone', 'Web, API', '')).toBe('changed a removed field | Web, API | none');
  });

  it('HIST-1 labels as what was added and removed, never JSON', () => {
    expect(line('labels', '[]', '["frontend","safari"]')).toBe('added labels frontend, safari');
    expect(line('labels', '["frontend","safari"]', '["frontend"]')).toBe('removed label safari');
    expect(line('labels', '["ios"]', '["frontend"]')).toBe('added label frontend and removed label ios');
    expect(line('labels', '', '["a"]')).toBe('added label a');
  });

  it('HIST-2 ids as names: status, assignee, parent, sprint; an empty sprint is the backlog', () => {
    expect(line('status_id', 's-todo', 's-done')).toBe('changed status | To Do | Done');
    expect(line('assignee_id', '', 'u-bob')).toBe('changed assignee | none | Bob Babbage');
    expect(line('parent_id', 'i-1', '')).toBe('changed parent | WEB-1 Sign-in page | none');
    expect(line('sprint_id', '', 'sp-1')).toBe('changed sprint | backlog | Sprint 4');
    // Gone from the board: still words, never the id.
    expect(line('sprint_id', 'sp-gone', '')).toBe('changed sprint | A sprint not on this board | backlog');
    expect(line('assignee_id', 'u-gone', '')).toBe('changed assignee | Someone | none');
  });

  it('HIST-3 enums by their labels; another list-valued field as words; long text cut', () => {
    expect(line('item_type', 'TASK', 'SUBTASK')).toBe('changed type | Task | Sub-task');
    expect(line('priority', 'NONE', 'HIGH')).toBe('changed priority | No priority | High');
    expect(line('watchers', '[]', '["a","b"]')).toBe('changed watchers | none | a, b');
    expect(line('title', 'Old', '[not json')).toBe('changed title | Old | [not json');
    expect(describeHistory(board, 'description', '', 'x'.repeat(200)).to).toHaveLength(118);
    expect(listOf('["a",1]')).toBeNull();
  });

  it('HIST-4 a link added or removed, from this item\'s side; dates as days', () => {
    expect(line('link', '', 'is blocked by WEB-3 Pick a font')).toBe('added a link | is blocked by WEB-3 Pick a font');
    expect(line('link', 'blocks WEB-2 Sign-in', '')).toBe('removed a link | blocks WEB-2 Sign-in');
    expect(line('due_date', '', '2026-03-05')).toBe('changed due date | none | 2026-03-05');
  });

  it('TIMEUI-16 estimates and logged time as durations (the server writes 8-hour days); the conflict dialog says estimates so too', () => {
    expect(line('original_estimate_minutes', '', '660')).toBe('changed original estimate | none | 1d 3h');
    expect(line('remaining_estimate_minutes', '240', '150')).toBe('changed remaining estimate | 4h | 2h 30m');
    expect(line('work_logged', '', '1d 1h')).toBe('logged | 1d 1h');
    expect(line('work_logged', '1h', '45m')).toBe('changed a work log | 1h | 45m');
    expect(line('work_logged', '1h 30m', '')).toBe('deleted a work log | 1h 30m');
    expect(describeValue(board, 'originalEstimateMinutes', 90)).toBe('1h 30m');
    expect(describeValue(board, 'remainingEstimateMinutes', null)).toBe('None');
  });
});

describe('names, not ids', () => {
  it("ITYPEUI-7 the conflict dialog names an own type by its name, a removed one and none in words, never an id; its history row says own type", () => {
    expect(describeValue(board, 'customTypeId', 'risk-id')).toBe('Risk');
    expect(describeValue(board, 'customTypeId', 'gone-id')).toBe('A type this project no longer has');
    expect(describeValue(board, 'customTypeId', null)).toBe('None (a built-in type)');
    expect(line('custom_type_id', '', 'Risk')).toBe('changed own type | none | Risk');
  });

  it('NAMES-1 presence names the item by key and title; a conflict names its author', () => {
    expect(viewedItem(board, 'i-1')).toBe('WEB-1 Sign-in page');
    expect(viewedItem(board, 'i-gone')).toBe('an item');
    expect(changedBy(board, 'u-bob', 'u-ada')).toBe('Bob Babbage');
    expect(changedBy(board, 'u-ada', 'u-ada')).toBe('You, in another tab or on another device,');
    expect(changedBy(board, 'u-gone', 'u-ada')).toBe('Someone else');
    expect(changedBy(board, undefined, 'u-ada')).toBe('Someone else');
    expect(mentionable(board)).toEqual([
      { id: 'u-ada', name: 'Ada Lovelace' },
      { id: 'u-bob', name: 'Bob Babbage' },
    ]);
  });
});
