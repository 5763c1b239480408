// Where an item goes in its column: ranks are fractional strings, so placing
// an item writes only its own row.
import { invalidArgument } from '../../../shared/domain/errors.ts';
import { rankBetween } from '../../../shared/domain/rank.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import { firstOrLastRank, neighbourRank, rankTaken } from '../storage/work-items.ts';
import { liveItemOf } from './work-item-refs.ts';

/** The neighbours an item is dropped between; '' for none. */
export interface Placement {
  /** The item that ends up right above. */
  readonly afterId: string;
  /** The item that ends up right below. */
  readonly beforeId: string;
}

function neighbour(db: TenantDb, projectId: string, id: string, field: string, moving: WorkItemRow | null): WorkItemRow {
  if (moving !== null && id === moving.id) throw invalidArgument(field, 'An item cannot be placed next to itself');
  return liveItemOf(db, projectId, id, field);
}

/**
 * The rank that puts an item between its requested neighbours, or null when
 * none is named. With one neighbour, the other side is whatever live item is
 * next to it now. `moving` is the item being moved (null for a new one): it
 * is skipped as a neighbour, and keeps its rank when already in place, so a
 * drop where it was changes nothing.
 */
export function placedRank(
  db: TenantDb,
  projectId: string,
  place: Placement,
  moving: WorkItemRow | null,
): string | null {
  const after = place.afterId ? neighbour(db, projectId, place.afterId, 'after_id', moving) : null;
  const before = place.beforeId ? neighbour(db, projectId, place.beforeId, 'before_id', moving) : null;
  if (after && before && after.rank >= before.rank) {
    throw invalidArgument('before_id', 'before_id must be below after_id');
  }
  const excludeId = moving?.id ?? null;
  let low: string | null;
  let high: string | null;
  if (after) {
    low = after.rank;
    high = before ? before.rank : neighbourRank(db, projectId, after.rank, 'next', excludeId);
  } else if (before) {
    low = neighbourRank(db, projectId, before.rank, 'prev', excludeId);
    high = before.rank;
  } else {
    return null;
  }
  if (moving && (low === null || low < moving.rank) && (high === null || moving.rank < high)) return moving.rank;
  return rankBetween(low, high);
}

/** Below every live item of the project. */
export function lastRank(db: TenantDb, projectId: string): string {
  return rankBetween(firstOrLastRank(db, projectId, 'last'), null);
}

/**
 * A restored item's old rank may have been handed out while it was deleted;
 * two items on one rank could not have anything placed between them.
 */
export function freeRank(db: TenantDb, item: WorkItemRow): string {
  if (!rankTaken(db, item.project_id, item.rank, item.id)) return item.rank;
  return rankBetween(item.rank, neighbourRank(db, item.project_id, item.rank, 'next'));
}
