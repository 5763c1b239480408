// Swimlanes by epic: which epic a card belongs to, and the lanes a board
// grouped by epic shows. No Solid and no DOM here.
import { ItemType } from '../../../shared/proto.ts';
import type { Card } from '../store/model/items.ts';

/** The lane id of cards under no epic. */
export const NO_EPIC = '';

/**
 * The id of the epic a card sits under (its parent, or a parent's parent: a
 * sub-task of a story of an epic), the card's own id when it is an epic, or
 * NO_EPIC. A parent missing from the board (deleted, another project) ends
 * the walk; so does a loop, which the server forbids but a stale view could show.
 */
export function epicOf(card: Card, items: ReadonlyMap<string, Card>): string {
  const seen = new Set<string>();
  for (let at: Card | undefined = card; at && !seen.has(at.id); at = items.get(at.parentId ?? '')) {
    if (at.itemType === ItemType.ITEM_TYPE_EPIC) return at.id;
    seen.add(at.id);
  }
  return NO_EPIC;
}

export interface Lane {
  /** The epic's id, or NO_EPIC. */
  id: string;
  epic: Card | null;
}

/**
 * One lane per epic that has a card among `shown`, in the order of the epics'
 * numbers (the order they were made), then "No epic" when any card is under
 * none. `items` is the whole board, so an epic filtered out still heads its lane.
 */
export function epicLanes(shown: Iterable<Card>, items: ReadonlyMap<string, Card>): { lanes: Lane[]; laneOf: Map<string, string> } {
  const laneOf = new Map<string, string>();
  const epics = new Map<string, Card>();
  for (const card of shown) {
    const epicId = epicOf(card, items);
    laneOf.set(card.id, epicId);
    const epic = epicId ? items.get(epicId) : undefined;
    if (epic) epics.set(epicId, epic);
  }
  const lanes: Lane[] = [...epics.values()]
    .sort((a, b) => Number(a.number ?? 0) - Number(b.number ?? 0) || (a.id < b.id ? -1 : 1))
    .map((epic) => ({ id: epic.id, epic }));
  if ([...laneOf.values()].includes(NO_EPIC)) lanes.push({ id: NO_EPIC, epic: null });
  return { lanes, laneOf };
}
