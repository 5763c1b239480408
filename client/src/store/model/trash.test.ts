// The Trash (trash.ts): kept from list_deleted_work_items and the feed.
import { describe, expect, it } from 'vitest';
import type { IEvent, IWorkItem } from '../../../../shared/proto.ts';
import { fromItems } from './items.ts';
import { shownTrash, trashAfter } from './trash.ts';

const item = (id: string, version: number, deletedAt: number): IWorkItem => ({ id, key: `WEB-${id}`, statusId: 's', rank: id, version, deletedAt });
const event = (workItem: IWorkItem, partial = false): IEvent => ({ workItem: { workItem, partial } });

describe('the Trash', () => {
  it('TRASH-4 a delete event puts the item on top, a restore takes it off; older versions and partial changes are ignored', () => {
    const trash = [item('a', 2, 200), item('b', 2, 100)];
    expect(trashAfter(trash, event(item('c', 5, 300))).map((t) => t.id)).toEqual(['c', 'a', 'b']);
    expect(trashAfter(trash, event(item('a', 3, 0))).map((t) => t.id)).toEqual(['b']);
    expect(trashAfter(trash, event(item('a', 1, 0)))).toBe(trash);
    expect(trashAfter(trash, event(item('z', 3, 0)))).toBe(trash);
    expect(trashAfter(trash, event(item('a', 9, 0), true))).toBe(trash);
    expect(trashAfter(trash, {})).toBe(trash);
  });

  it('TRASH-5 the Trash shown leaves out what is on the board (restored, or being restored)', () => {
    const trash = [item('a', 2, 200), item('b', 2, 100)];
    expect(shownTrash(trash, fromItems([{ ...item('a', 3, 0) }])).map((t) => t.id)).toEqual(['b']);
  });
});
