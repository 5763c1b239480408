// The project's work items as the server has them (`confirmed`), and the
// reducer that keeps them: whole items from events and Results, partial
// items (changed fields only) laid over the item held, older versions ignored.
import { mergePartialItem } from '../../../../shared/protocol/partial-work-item.ts';
import type { IWorkItem } from '../../../../shared/proto.ts';
import { CANNOT_APPLY, type EntityReducer } from './reducer.ts';

/** A work item as the board shows it: the wire item plus whether a write of ours is still out on it. */
export type Card = IWorkItem & { id: string; statusId: string; rank: string; pending?: boolean };

/** The server's items by id. Replaced (never mutated) so memos see a new value. */
export type Confirmed = ReadonlyMap<string, Card>;

export function toCard(item: IWorkItem): Card {
  return { ...item, id: item.id ?? '', statusId: item.statusId ?? '', rank: item.rank ?? '' };
}

export function fromItems(items: readonly IWorkItem[]): Confirmed {
  return new Map(items.map((item) => [item.id ?? '', toCard(item)]));
}

const isDeleted = (item: IWorkItem) => Number(item.deletedAt ?? 0) > 0;

/**
 * One item as the server now has it (an event's whole item, or a Result's).
 * A deleted item leaves the board; an older version than the one we hold is
 * ignored (a Result and an event for the same write may arrive in either order).
 */
export function applyItem(confirmed: Confirmed, item: IWorkItem): Confirmed {
  const id = item.id ?? '';
  if (!id) return confirmed;
  const known = confirmed.get(id);
  if (known && Number(known.version ?? 0) > Number(item.version ?? 0)) return confirmed;
  const next = new Map(confirmed);
  if (isDeleted(item)) next.delete(id);
  else next.set(id, toCard(item));
  return next;
}

/**
 * A partial item (WorkItemChanged.partial: only the fields its change names)
 * laid over the card held; pending writes are ops over `confirmed`, so they
 * rebase onto it by themselves. One no newer than the card is ignored, as in
 * applyItem. Null when it is not enough to go on: the card is not held, or is
 * more than one version behind (a change it does not name would be missing).
 */
export function applyPartialItem(confirmed: Confirmed, item: IWorkItem, changedFields: readonly string[]): Confirmed | null {
  const known = confirmed.get(item.id ?? '');
  if (!known) return null;
  if (Number(known.version ?? 0) >= Number(item.version ?? 0)) return confirmed;
  const merged = mergePartialItem(known, item, changedFields);
  if (!merged) return null;
  const next = new Map(confirmed);
  next.set(known.id, toCard(merged));
  return next;
}

export const itemsReducer: EntityReducer<Confirmed> = {
  event(confirmed, event) {
    const change = event.workItem;
    const item = change?.workItem;
    if (!item) return confirmed;
    if (!change.partial) return applyItem(confirmed, item);
    // Only the changed fields, for an item this board cannot lay them on: never guess the rest.
    return applyPartialItem(confirmed, item, change.changedFields ?? []) ?? CANNOT_APPLY;
  },
  reply(confirmed, reply, projectId) {
    const item = reply.ok ? reply.result.workItem : reply.error.current && 'workItem' in reply.error.current ? reply.error.current.workItem : null;
    return item && item.projectId === projectId ? applyItem(confirmed, item) : confirmed;
  },
};
