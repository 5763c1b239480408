// The board's pure rules, with no Solid and no DOM: what the server said
// (`confirmed`), the writes still waiting for their reply (`ops`), and the
// board a person sees (confirmed with every op laid on top, in order). Rolling
// back is dropping an op: the view is recomputed from what the server said, so
// a failed write can never leave a half-undone card behind.
import { rankBetween } from '../../../shared/domain/rank.ts';
import { ErrorCode, type IWorkItem } from '../../../shared/proto.ts';

/** A work item as the board shows it: the wire item plus whether a write of ours is still out on it. */
export type Card = IWorkItem & { id: string; statusId: string; rank: string; pending?: boolean };

/** The server's items by id. Replaced (never mutated) so memos see a new value. */
export type Confirmed = ReadonlyMap<string, Card>;

export type Op =
  | { kind: 'move'; messageId: string; itemId: string; statusId: string; beforeId: string; afterId: string }
  | { kind: 'create'; messageId: string; card: Card; beforeId: string; afterId: string }
  | { kind: 'update'; messageId: string; itemId: string; fields: Partial<Card> };

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

function placed(view: Map<string, Card>, card: Card, statusId: string, afterId: string, beforeId: string): Card {
  const above = afterId ? view.get(afterId) : undefined;
  const below = beforeId ? view.get(beforeId) : undefined;
  // A neighbour that moved away since (another person's move) is no guide: keep the card's place in the column.
  const usable = (c: Card | undefined) => (c && c.statusId === statusId ? c : undefined);
  return { ...card, statusId, rank: rankFor(usable(above), usable(below)), pending: true };
}

/** What the person sees: the server's board with our unanswered writes laid on it, oldest first. */
export function applyOps(confirmed: Confirmed, ops: readonly Op[]): Map<string, Card> {
  const view = new Map(confirmed);
  for (const op of ops) {
    switch (op.kind) {
      case 'move': {
        const card = view.get(op.itemId);
        if (card) view.set(card.id, placed(view, card, op.statusId, op.afterId, op.beforeId));
        break;
      }
      case 'create':
        view.set(op.card.id, placed(view, op.card, op.card.statusId, op.afterId, op.beforeId));
        break;
      case 'update': {
        const card = view.get(op.itemId);
        if (card) view.set(card.id, { ...card, ...op.fields, pending: true });
        break;
      }
      default:
        unreachable(op);
    }
  }
  return view;
}

function unreachable(x: never): never {
  throw new Error(`unhandled op ${JSON.stringify(x)}`);
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

/** A refusal in words a person can act on; the server's message when it has one that helps. */
export function plainError(action: string, error: unknown): string {
  const err = error as { code?: number; message?: string; name?: string } | null;
  if (err?.name === 'ConnectionError') return `Could not ${action}: the connection closed. It will be retried when Tandem is back online.`;
  switch (err?.code) {
    case ErrorCode.ERROR_CODE_PERMISSION_DENIED:
      return `Could not ${action}: your role in this project does not allow it.`;
    case ErrorCode.ERROR_CODE_CONFLICT:
      return `Could not ${action}: someone changed this item a moment ago. The board now shows their version.`;
    case ErrorCode.ERROR_CODE_NOT_FOUND:
      return `Could not ${action}: the item no longer exists.`;
    case ErrorCode.ERROR_CODE_INVALID_ARGUMENT:
    case ErrorCode.ERROR_CODE_FAILED_PRECONDITION:
      return `Could not ${action}: ${err?.message || 'the server refused it'}.`.replace(/\.\.$/, '.');
    default:
      return `Could not ${action}. ${err?.message ? `The server said: ${err.message}` : 'Try again in a moment.'}`;
  }
}
