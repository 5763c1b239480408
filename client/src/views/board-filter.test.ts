// The board's filter, its query string and the lanes by epic (board-filter.ts,
// board-lanes.ts): no DOM, runs under Node.
import { describe, expect, it } from 'vitest';
import { ItemType, type IWorkItem } from '../../../shared/proto.ts';
import { toCard, type Card } from '../store/model/items.ts';
import {
  ANY_VALUE,
  cardMatcher,
  columnIndexFor,
  customChosen,
  EMPTY_FILTER,
  isFiltering,
  ME,
  NO_VALUE,
  NONE,
  parseView,
  toggle,
  toggleCustom,
  typeFilterOptions,
  viewQuery,
  type BoardFilter,
} from './board-filter.ts';
import { epicLanes, epicOf, NO_EPIC } from './board-lanes.ts';

const card = (id: string, extra: Partial<IWorkItem> = {}): Card =>
  toCard({ id, key: `WEB-${id}`, title: `Card ${id}`, statusId: 'todo', rank: id, itemType: ItemType.ITEM_TYPE_TASK, ...extra });

const cards = [
  card('1', { title: 'Sign-in page', assigneeId: 'ada', labels: ['frontend'], sprintId: 's1', itemType: ItemType.ITEM_TYPE_STORY }),
  card('2', { title: 'Fix the flaky socket', assigneeId: 'bob', labels: ['backend', 'urgent'], sprintId: 's1', itemType: ItemType.ITEM_TYPE_BUG }),
  card('3', { title: 'Release notes', labels: ['docs'], itemType: ItemType.ITEM_TYPE_TASK }),
  card('4', { title: 'Socket docs', assigneeId: 'ada', labels: ['docs', 'backend'], sprintId: 's2', itemType: ItemType.ITEM_TYPE_TASK }),
];
const shown = (filter: Partial<BoardFilter>, me = 'ada') => cards.filter(cardMatcher({ ...EMPTY_FILTER, ...filter }, me)).map((c) => c.id);

describe('board filter', () => {
  it('FILTER-1 no filter shows every card', () => {
    expect(shown({})).toEqual(['1', '2', '3', '4']);
    expect(isFiltering(EMPTY_FILTER)).toBe(false);
    expect(isFiltering({ ...EMPTY_FILTER, text: '  ' })).toBe(false);
  });

  it('FILTER-2 text matches the key or the title, ignoring case and surrounding space', () => {
    expect(shown({ text: ' SOCKET ' })).toEqual(['2', '4']);
    expect(shown({ text: 'web-3' })).toEqual(['3']);
    expect(shown({ text: 'nothing like it' })).toEqual([]);
  });

  it('FILTER-3 assignee: a person, me, or unassigned; several are an OR', () => {
    expect(shown({ assignees: ['bob'] })).toEqual(['2']);
    expect(shown({ assignees: [ME] }, 'ada')).toEqual(['1', '4']);
    expect(shown({ assignees: [ME] }, 'bob')).toEqual(['2']);
    expect(shown({ assignees: [NONE] })).toEqual(['3']);
    expect(shown({ assignees: [NONE, 'bob'] })).toEqual(['2', '3']);
  });

  it('FILTER-4 type, label and sprint (including no sprint)', () => {
    expect(shown({ types: ['bug', 'story'] })).toEqual(['1', '2']);
    expect(shown({ labels: ['docs'] })).toEqual(['3', '4']);
    expect(shown({ labels: ['frontend', 'urgent'] })).toEqual(['1', '2']);
    expect(shown({ sprints: ['s1'] })).toEqual(['1', '2']);
    expect(shown({ sprints: [NONE] })).toEqual(['3']);
    expect(shown({ sprints: [NONE, 's2'] })).toEqual(['3', '4']);
  });

  it('FILTER-5 facets combine with AND', () => {
    expect(shown({ labels: ['docs', 'backend'], assignees: [ME] })).toEqual(['4']);
    expect(shown({ text: 'socket', types: ['bug'], sprints: ['s1'] })).toEqual(['2']);
    expect(shown({ text: 'socket', types: ['story'] })).toEqual([]);
  });

  it('FILTER-6 toggle adds a value to a facet and takes it out again', () => {
    const once = toggle(EMPTY_FILTER, 'labels', 'docs');
    expect(once.labels).toEqual(['docs']);
    expect(toggle(once, 'labels', 'docs').labels).toEqual([]);
    expect(EMPTY_FILTER.labels).toEqual([]);
  });

  it('FILTER-7 sub-tasks can be left off; the other types stay, and it combines with the facets', () => {
    const withSub = [...cards, card('5', { itemType: ItemType.ITEM_TYPE_SUBTASK, parentId: '1', assigneeId: 'ada' })];
    const of = (filter: Partial<BoardFilter>) => withSub.filter(cardMatcher({ ...EMPTY_FILTER, ...filter }, 'ada')).map((c) => c.id);
    expect(of({})).toEqual(['1', '2', '3', '4', '5']);
    expect(of({ hideSubtasks: true })).toEqual(['1', '2', '3', '4']);
    expect(of({ hideSubtasks: true, assignees: [ME] })).toEqual(['1', '4']);
    expect(isFiltering({ ...EMPTY_FILTER, hideSubtasks: true })).toBe(true);
  });

  it('FILTER-8 due this week keeps the cards due from this Monday to Sunday, and combines with the facets', () => {
    const dated = [
      card('1', { dueDate: '2026-03-02', assigneeId: 'ada' }),
      card('2', { dueDate: '2026-03-08', assigneeId: 'bob' }),
      card('3', { dueDate: '2026-03-09', assigneeId: 'ada' }),
      card('4', { dueDate: '2026-02-27', assigneeId: 'ada' }),
      card('5', { assigneeId: 'ada' }),
    ];
    const of = (filter: Partial<BoardFilter>) => dated.filter(cardMatcher({ ...EMPTY_FILTER, ...filter }, 'ada', '2026-03-04')).map((c) => c.id);
    expect(of({ dueThisWeek: true })).toEqual(['1', '2']);
    expect(of({ dueThisWeek: true, assignees: [ME] })).toEqual(['1']);
    expect(of({ dueThisWeek: true, text: 'WEB-2' })).toEqual(['2']);
    expect(of({})).toEqual(['1', '2', '3', '4', '5']);
    expect(isFiltering({ ...EMPTY_FILTER, dueThisWeek: true })).toBe(true);
  });
});

describe('board view in the query string', () => {
  it('FILTER-URL-1 round-trips every facet, repeated values and the grouping', () => {
    const view = {
      filter: { text: 'fix it', assignees: [ME, NONE], types: ['bug'], labels: ['a,b', 'docs'], sprints: ['s1', NONE] },
      groupBy: 'epic' as const,
    };
    const query = viewQuery(view);
    expect(query).toBe('?q=fix+it&assignee=me&assignee=none&type=bug&label=a%2Cb&label=docs&sprint=s1&sprint=none&group=epic');
    expect(parseView(query)).toEqual(view);
  });

  it('FILTER-URL-2 an empty view is an empty query; other parameters stay', () => {
    expect(viewQuery({ filter: EMPTY_FILTER, groupBy: 'none' })).toBe('');
    expect(viewQuery({ filter: EMPTY_FILTER, groupBy: 'none' }, '?q=old&type=bug&tab=x')).toBe('?tab=x');
    expect(parseView('')).toEqual({ filter: EMPTY_FILTER, groupBy: 'none' });
    expect(parseView('?group=weird&type=&type=bug&type=bug')).toEqual({ filter: { ...EMPTY_FILTER, types: ['bug'] }, groupBy: 'none' });
  });

  it('FILTER-URL-3 hiding sub-tasks is ?subtasks=hide; any other value shows them', () => {
    const hidden = { filter: { ...EMPTY_FILTER, hideSubtasks: true }, groupBy: 'none' as const };
    expect(viewQuery(hidden, '?subtasks=show&tab=x')).toBe('?tab=x&subtasks=hide');
    expect(parseView('?subtasks=hide')).toEqual(hidden);
    expect(parseView('?subtasks=yes').filter.hideSubtasks).toBeUndefined();
    expect(viewQuery({ filter: { ...EMPTY_FILTER, hideSubtasks: false }, groupBy: 'none' }, '?subtasks=hide')).toBe('');
  });

  it('FILTER-URL-4 due this week is ?due=week, beside the other filters; any other value is off', () => {
    const view = { filter: { ...EMPTY_FILTER, types: ['bug'], dueThisWeek: true }, groupBy: 'none' as const };
    expect(viewQuery(view, '?due=month&tab=x')).toBe('?tab=x&type=bug&due=week');
    expect(parseView('?type=bug&due=week')).toEqual(view);
    expect(parseView('?due=month').filter.dueThisWeek).toBeUndefined();
    expect(viewQuery({ filter: EMPTY_FILTER, groupBy: 'none' }, '?due=week')).toBe('');
  });

  it('FILTER-9 a custom field\'s value: an option held (single or multi), a person (me too), any value or none; one field\'s values OR, fields AND', () => {
    const valued = [
      card('1', { customFields: [{ fieldId: 'sev', options: ['High'] }, { fieldId: 'area', options: ['Web', 'API'] }] }),
      card('2', { customFields: [{ fieldId: 'sev', options: ['Low'] }, { fieldId: 'owner', userId: 'ada' }] }),
      card('3', { customFields: [{ fieldId: 'owner', userId: 'bob' }, { fieldId: 'cost', number: 0 }] }),
      card('4'),
    ];
    const only = (custom: string[], me = 'ada') => valued.filter(cardMatcher({ ...EMPTY_FILTER, custom }, me)).map((c) => c.id);
    expect(only(['sev:High'])).toEqual(['1']);
    expect(only(['sev:High', 'sev:Low'])).toEqual(['1', '2']);
    expect(only(['area:API'])).toEqual(['1']);
    expect(only(['owner:bob'])).toEqual(['3']);
    expect(only([`owner:${ME}`], 'ada')).toEqual(['2']);
    expect(only([`sev:${ANY_VALUE}`])).toEqual(['1', '2']);
    expect(only([`sev:${NO_VALUE}`])).toEqual(['3', '4']);
    expect(only([`cost:${ANY_VALUE}`])).toEqual(['3']);
    expect(only(['sev:Low', `owner:${ANY_VALUE}`])).toEqual(['2']);
    expect(only(['sev:Low', 'owner:bob'])).toEqual([]);
  });

  it('FILTER-URL-5 custom field values are ?cf=<field id>:<value>, an option with a colon kept whole; toggled in and out', () => {
    let filter = toggleCustom(EMPTY_FILTER, 'sev', 'High');
    filter = toggleCustom(filter, 'sev', 'Note: low');
    expect(isFiltering(filter)).toBe(true);
    expect(customChosen(filter, 'sev')).toEqual(['High', 'Note: low']);
    const view = { filter, groupBy: 'none' as const };
    const query = viewQuery(view, '?tab=x');
    expect(query).toBe('?tab=x&cf=sev%3AHigh&cf=sev%3ANote%3A+low');
    expect(parseView(query).filter).toEqual(filter);
    expect(parseView('?cf=nocolon').filter.custom).toBeUndefined();
    const back = toggleCustom(toggleCustom(filter, 'sev', 'High'), 'sev', 'Note: low');
    expect(back).toEqual(EMPTY_FILTER);
    expect(isFiltering(back)).toBe(false);
  });

  it("FILTER-10 the type filter offers the project's own types after the built-in ones; one of them shows only its items, and Task means built-in tasks only", () => {
    const own = [
      { id: 'risk-id', name: 'Risk', icon: '⚠️', colour: '#dc2626', canBeParent: false, position: 0 },
      { id: 'spike-id', name: 'Spike', icon: '', colour: '#0891b2', canBeParent: false, position: 1 },
    ];
    expect(typeFilterOptions(own)).toEqual([
      { value: 'epic', label: 'Epic' },
      { value: 'story', label: 'Story' },
      { value: 'task', label: 'Task' },
      { value: 'bug', label: 'Bug' },
      { value: 'subtask', label: 'Sub-task' },
      { value: 'risk-id', label: '⚠️ Risk' },
      { value: 'spike-id', label: 'Spike' },
    ]);
    expect(typeFilterOptions([]).map((o) => o.value)).toEqual(['epic', 'story', 'task', 'bug', 'subtask']);
    const typed = [
      card('1', { itemType: ItemType.ITEM_TYPE_TASK }),
      card('2', { itemType: ItemType.ITEM_TYPE_TASK, customTypeId: 'risk-id' }),
      card('3', { itemType: ItemType.ITEM_TYPE_TASK, customTypeId: 'spike-id' }),
      card('4', { itemType: ItemType.ITEM_TYPE_BUG }),
    ];
    const only = (types: string[]) => typed.filter(cardMatcher({ ...EMPTY_FILTER, types }, 'ada')).map((c) => c.id);
    expect(only(['risk-id'])).toEqual(['2']);
    expect(only(['task'])).toEqual(['1']);
    expect(only(['risk-id', 'bug'])).toEqual(['2', '4']);
    expect(only(['risk-id', 'spike-id', 'task'])).toEqual(['1', '2', '3']);
    expect(only(['removed-type-id'])).toEqual([]);
    expect(only([])).toEqual(['1', '2', '3', '4']);
  });

  it('FILTER-URL-6 an own type is ?type=<type id> beside the built-in slugs, round-tripped and toggled like them', () => {
    const filter = toggle(toggle(EMPTY_FILTER, 'types', 'task'), 'types', 'risk-id');
    const view = { filter, groupBy: 'none' as const };
    const query = viewQuery(view, '?tab=x');
    expect(query).toBe('?tab=x&type=task&type=risk-id');
    expect(parseView(query)).toEqual(view);
    expect(toggle(filter, 'types', 'risk-id').types).toEqual(['task']);
  });
});

describe('a drop among visible cards', () => {
  const column = ['a', 'b', 'c', 'd', 'e'].map((id) => card(id));
  const pick = (...ids: string[]) => column.filter((c) => ids.includes(c.id));

  it('FILTER-DROP-1 lands just above the visible card it is dropped over', () => {
    // Visible b, d: dropping x at visible 1 (over d) puts it above d, whole-column index 3.
    expect(columnIndexFor(column, pick('b', 'd'), 'x', 1)).toBe(3);
    expect(columnIndexFor(column, pick('b', 'd'), 'x', 0)).toBe(1);
  });

  it('FILTER-DROP-2 below all visible cards is just under the last of them, not the column end', () => {
    expect(columnIndexFor(column, pick('b', 'd'), 'x', 2)).toBe(4);
    expect(columnIndexFor(column, [], 'x', 0)).toBe(5);
  });

  it('FILTER-DROP-3 the moving card itself counts neither in the column nor among the visible', () => {
    // b moves below d within the column: others are a c d e; below d is index 3.
    expect(columnIndexFor(column, pick('b', 'd'), 'b', 1)).toBe(3);
    expect(columnIndexFor(column, pick('b', 'd'), 'b', 0)).toBe(2);
  });
});

describe('lanes by epic', () => {
  const items = new Map(
    [
      card('e2', { itemType: ItemType.ITEM_TYPE_EPIC, number: 2 }),
      card('e1', { itemType: ItemType.ITEM_TYPE_EPIC, number: 1 }),
      card('e3', { itemType: ItemType.ITEM_TYPE_EPIC, number: 3 }),
      card('s', { itemType: ItemType.ITEM_TYPE_STORY, parentId: 'e2' }),
      card('sub', { itemType: ItemType.ITEM_TYPE_SUBTASK, parentId: 's' }),
      card('t', { parentId: 'e1' }),
      card('lone'),
      card('orphan', { parentId: 'gone' }),
      card('loopA', { parentId: 'loopB' }),
      card('loopB', { parentId: 'loopA' }),
    ].map((c) => [c.id, c]),
  );
  const get = (id: string) => items.get(id)!;

  it('LANES-1 a card is in the lane of its epic ancestor; an epic heads its own', () => {
    expect(epicOf(get('s'), items)).toBe('e2');
    expect(epicOf(get('sub'), items)).toBe('e2');
    expect(epicOf(get('e3'), items)).toBe('e3');
    expect(epicOf(get('lone'), items)).toBe(NO_EPIC);
    expect(epicOf(get('orphan'), items)).toBe(NO_EPIC);
    expect(epicOf(get('loopA'), items)).toBe(NO_EPIC);
  });

  it('LANES-2 one lane per epic with shown cards, by epic number, then No epic', () => {
    const { lanes, laneOf } = epicLanes(['sub', 't', 'lone'].map(get), items);
    expect(lanes.map((l) => l.id)).toEqual(['e1', 'e2', NO_EPIC]);
    expect(lanes[1]!.epic?.id).toBe('e2');
    expect(laneOf.get('sub')).toBe('e2');
    expect(epicLanes([get('t')], items).lanes.map((l) => l.id)).toEqual(['e1']);
  });
});
