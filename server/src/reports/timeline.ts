// An item's past, rebuilt from what it is now and its history rows: each
// recorded change says the value before and after, so walking the changes
// back from the present gives the state at any earlier moment. A change made
// at exactly a moment counts as made by then.
export interface ItemFacts {
  id: string;
  key: string;
  title: string;
  createdAt: number;
  statusId: string;
  sprintId: string | null;
  points: number | null;
  deleted: boolean;
}

/** The history fields a report reads (pm_activity.field). */
export const TRACKED_FIELDS = ['status_id', 'sprint_id', 'story_points', 'deleted', 'restored'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

export interface ItemChange {
  itemId: string;
  field: TrackedField;
  old: string | null;
  new: string | null;
  at: number;
}

export interface ItemState {
  statusId: string;
  sprintId: string | null;
  points: number | null;
  deleted: boolean;
}

function undo(state: ItemState, change: ItemChange): void {
  switch (change.field) {
    case 'status_id':
      state.statusId = change.old ?? state.statusId;
      break;
    case 'sprint_id':
      state.sprintId = change.old;
      break;
    case 'story_points':
      state.points = change.old === null ? null : Number(change.old);
      break;
    case 'deleted':
      state.deleted = false;
      break;
    case 'restored':
      state.deleted = true;
      break;
  }
}

/**
 * Calls `visit` for each moment, latest first, with every item that existed
 * then and its state at that moment. `changes` are in the order they were
 * made. The states are reused between calls: read them, do not keep them.
 */
export function walkBack(
  items: readonly ItemFacts[],
  changes: readonly ItemChange[],
  moments: readonly number[],
  visit: (moment: number, each: (fn: (item: ItemFacts, state: ItemState) => void) => void) => void,
): void {
  const states = new Map(items.map((item) => [item.id, { statusId: item.statusId, sprintId: item.sprintId, points: item.points, deleted: item.deleted }]));
  let next = changes.length - 1;
  for (const moment of [...moments].sort((a, b) => b - a)) {
    for (; next >= 0 && changes[next]!.at > moment; next--) {
      const state = states.get(changes[next]!.itemId);
      if (state) undo(state, changes[next]!);
    }
    visit(moment, (fn) => {
      for (const item of items) if (item.createdAt <= moment) fn(item, states.get(item.id)!);
    });
  }
}

/** The statuses an item has been in, in order, each with when it got there (the first at its creation). */
export function statusPath(item: ItemFacts, changes: readonly ItemChange[]): Array<{ statusId: string; at: number }> {
  const moves = changes.filter((c) => c.field === 'status_id');
  const first = moves[0]?.old ?? item.statusId;
  return [{ statusId: first, at: item.createdAt }, ...moves.map((c) => ({ statusId: c.new ?? first, at: c.at }))];
}
