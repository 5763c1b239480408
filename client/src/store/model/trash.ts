// A project's Trash: its deleted items, the latest deleted first, as
// list_deleted_work_items answers and as the feed then changes it. Deleting
// and restoring send the whole item even to a changed-fields-only subscriber,
// so an event says by itself whether its item is in the Trash.
import type { IEvent, IWorkItem } from '../../../../shared/proto.ts';
import type { ItemView } from './item-ops.ts';

export type Trash = readonly IWorkItem[];

const deletedAt = (item: IWorkItem) => Number(item.deletedAt ?? 0);
const latestFirst = (a: IWorkItem, b: IWorkItem) => deletedAt(b) - deletedAt(a);

/** The Trash after one event of the project's feed; the same list when the event is not about a deleted item. */
export function trashAfter(trash: Trash, event: IEvent): Trash {
  const change = event.workItem;
  const item = change?.workItem;
  if (!item?.id || change?.partial) return trash;
  const held = trash.find((t) => t.id === item.id);
  if (held && Number(held.version ?? 0) >= Number(item.version ?? 0)) return trash;
  const others = trash.filter((t) => t.id !== item.id);
  if (deletedAt(item) > 0) return [...others, item].sort(latestFirst);
  return held ? others : trash;
}

/** What the Trash shows: not the items on the board (restored, or being restored by the person). */
export const shownTrash = (trash: Trash, board: ItemView): Trash => trash.filter((t) => !board.has(t.id ?? ''));
