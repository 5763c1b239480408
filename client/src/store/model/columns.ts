// Where cards sit: board order inside a column, the columns kept between
// views of the board (only changed cards re-placed), the rank a dropped card
// gets until the server's comes back, and where a drop or a key press puts it.
import { rankBetween } from '../../../../shared/domain/rank.ts';
import type { Card } from './items.ts';

/** Board order inside a column: rank, then id so two equal ranks still sort the same everywhere. */
export function compareCards(a: Card, b: Card): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function columnCards(cards: Iterable<Card>, statusId: string): Card[] {
  const out: Card[] = [];
  for (const card of cards) if (card.statusId === statusId) out.push(card);
  return out.sort(compareCards);
}

/** The cards of each status in board order, kept from one view of the board to the next. */
export interface ColumnIndex {
  /** Sorted cards by status id. A column no card of which changed keeps its array, so memos downstream stop there. */
  readonly byStatus: ReadonlyMap<string, readonly Card[]>;
  /** Each card as last placed, to tell which cards a new view changed (by object identity). Private to indexColumns. */
  readonly placed: Map<string, Card>;
}

/** Past this many changed cards a full sort is cheaper than placing them one by one. */
const REBUILD_AFTER = 256;

function buildColumns(view: ReadonlyMap<string, Card>): ColumnIndex {
  const byStatus = new Map<string, Card[]>();
  for (const card of view.values()) {
    const column = byStatus.get(card.statusId);
    if (column) column.push(card);
    else byStatus.set(card.statusId, [card]);
  }
  for (const column of byStatus.values()) column.sort(compareCards);
  return { byStatus, placed: new Map(view) };
}

/** The first index of `column` whose card sorts at or after `card`. */
function lowerBound(column: readonly Card[], card: Card): number {
  let lo = 0;
  let hi = column.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareCards(column[mid]!, card) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The columns of `view`, from those of the previous view: cards are compared
 * by identity (views share the objects of cards that did not change), and
 * only the changed ones are taken out and put back by binary search, so one
 * remote edit costs a pass over the ids rather than a sort of every column.
 * Same result as `columnCards` per status. `prev` is used up (its `placed`
 * map is updated in place); keep only the returned index.
 */
export function indexColumns(view: ReadonlyMap<string, Card>, prev: ColumnIndex | null): ColumnIndex {
  if (!prev) return buildColumns(view);
  const placed = prev.placed;
  const changed: Card[] = [];
  let kept = 0;
  for (const card of view.values()) {
    const before = placed.get(card.id);
    if (before === card) kept++;
    else if (changed.push(card) > REBUILD_AFTER) return buildColumns(view);
    else if (before) kept++;
  }
  const removed: Card[] = [];
  if (kept < placed.size) for (const [id, card] of placed) if (!view.has(id)) removed.push(card);
  if (changed.length === 0 && removed.length === 0) return prev;
  if (changed.length + removed.length > REBUILD_AFTER) return buildColumns(view);

  const byStatus = new Map(prev.byStatus);
  const copied = new Set<string>();
  const writable = (statusId: string): Card[] => {
    if (copied.has(statusId)) return byStatus.get(statusId) as Card[];
    copied.add(statusId);
    const column = [...(byStatus.get(statusId) ?? [])];
    byStatus.set(statusId, column);
    return column;
  };
  const takeOut = (card: Card) => {
    const column = writable(card.statusId);
    let at = lowerBound(column, card);
    if (column[at] !== card) at = column.indexOf(card);
    if (at >= 0) column.splice(at, 1);
  };
  for (const card of removed) {
    takeOut(card);
    placed.delete(card.id);
  }
  for (const card of changed) {
    const before = placed.get(card.id);
    if (before && before.statusId === card.statusId && before.rank === card.rank) {
      // Same place (a title, an assignee): swapped in where the old object was.
      const column = writable(card.statusId);
      let at = lowerBound(column, before);
      if (column[at] !== before) at = column.indexOf(before);
      if (at >= 0) {
        column[at] = card;
        placed.set(card.id, card);
        continue;
      }
    }
    if (before) takeOut(before);
    const column = writable(card.statusId);
    column.splice(lowerBound(column, card), 0, card);
    placed.set(card.id, card);
  }
  for (const statusId of copied) if (byStatus.get(statusId)!.length === 0 && !prev.byStatus.has(statusId)) byStatus.delete(statusId);
  return { byStatus, placed };
}

/**
 * A rank for a card placed below `above` and over `below` (either may be
 * missing). Ranks that do not bracket a gap (an equal pair, say) fall back to
 * just below `below` or just above `above`, good enough until the server's
 * real rank arrives with its reply.
 */
export function rankFor(above: Card | undefined, below: Card | undefined): string {
  const a = above?.rank || null;
  const b = below?.rank || null;
  try {
    return rankBetween(a, b);
  } catch {
    try {
      return b !== null ? rankBetween(null, b) : rankBetween(a, null);
    } catch {
      return a ?? b ?? 'V';
    }
  }
}

/**
 * The neighbours a card dropped at `index` of a column will have: `afterId`
 * is the card above it, `beforeId` the card below (move_work_item's fields).
 * `index` counts positions in the column without the card itself.
 */
export function neighboursAt(column: readonly Card[], movingId: string, index: number): { afterId: string; beforeId: string } {
  const others = column.filter((c) => c.id !== movingId);
  const at = Math.max(0, Math.min(index, others.length));
  return { afterId: others[at - 1]?.id ?? '', beforeId: others[at]?.id ?? '' };
}

/** One key press while a card is picked up: where it goes next, or null when the key does not move it. */
export function keyboardTarget(
  columns: readonly { statusId: string; cards: readonly Card[] }[],
  at: { column: number; index: number },
  movingId: string,
  key: string,
): { column: number; index: number } | null {
  const len = (c: number) => columns[c]!.cards.filter((card) => card.id !== movingId).length;
  switch (key) {
    case 'ArrowUp':
      return at.index > 0 ? { column: at.column, index: at.index - 1 } : null;
    case 'ArrowDown':
      return at.index < len(at.column) ? { column: at.column, index: at.index + 1 } : null;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const column = at.column + (key === 'ArrowLeft' ? -1 : 1);
      if (column < 0 || column >= columns.length) return null;
      return { column, index: Math.min(at.index, len(column)) };
    }
    default:
      return null;
  }
}
