// The writes of ours still waiting for their reply, as ops laid over the
// server's items: the board a person sees is `confirmed` with every op on top,
// in order. Rolling back is dropping an op: the view is recomputed from what
// the server said, so a failed write can never leave a half-undone card behind.
import type { ICustomFieldValue, IWorkItem } from '../../../../shared/proto.ts';
import { rankFor } from './columns.ts';
import { withValues } from './custom-values.ts';
import { toCard, type Card, type Confirmed } from './items.ts';

export type Op =
  | { kind: 'move'; messageId: string; itemId: string; statusId: string; beforeId: string; afterId: string }
  | { kind: 'create'; messageId: string; card: Card; beforeId: string; afterId: string }
  | { kind: 'update'; messageId: string; itemId: string; fields: Partial<IWorkItem> }
  /** Custom field values set (an empty entry clears one), laid over the card's list as it is then. */
  | { kind: 'values'; messageId: string; itemId: string; values: ICustomFieldValue[] }
  | { kind: 'remove'; messageId: string; itemId: string }
  /** The card as it was when deleted, at the version the delete left it: shown until the server's comes back. */
  | { kind: 'restore'; messageId: string; itemId: string; card: Card };

/** The items as a person sees them: `confirmed` with our ops laid on. */
export type ItemView = ReadonlyMap<string, Card>;

/**
 * The version a write starting now is based on: the server's, plus one per
 * write of ours still out on the item (each accepted write bumps it by one,
 * so a second edit sent before the first is answered expects what the first
 * will leave).
 */
export function baseVersion(confirmed: Confirmed, view: ItemView, ops: readonly Op[], itemId: string): number {
  const queued = ops.filter((op) => op.kind !== 'create' && op.itemId === itemId).length;
  return Number(confirmed.get(itemId)?.version ?? view.get(itemId)?.version ?? 0) + queued;
}

function placed(view: Map<string, Card>, card: Card, statusId: string, afterId: string, beforeId: string): Card {
  const above = afterId ? view.get(afterId) : undefined;
  const below = beforeId ? view.get(beforeId) : undefined;
  // A neighbour that moved away since (another person's move) is no guide: keep the card's place in the column.
  const usable = (c: Card | undefined) => (c && c.statusId === statusId ? c : undefined);
  return { ...card, statusId, rank: rankFor(usable(above), usable(below)), pending: true };
}

/**
 * What the person sees: the server's board with our unanswered writes laid on
 * it, oldest first. With no write out it is `confirmed` itself: copying 5,000
 * cards per remote event is what made a busy board drop frames.
 */
export function applyOps(confirmed: Confirmed, ops: readonly Op[]): ItemView {
  if (ops.length === 0) return confirmed;
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
        if (card) view.set(card.id, { ...toCard({ ...card, ...op.fields }), pending: true });
        break;
      }
      case 'values': {
        const card = view.get(op.itemId);
        if (card) view.set(card.id, { ...card, customFields: withValues(card.customFields, op.values), pending: true });
        break;
      }
      case 'remove':
        view.delete(op.itemId);
        break;
      case 'restore':
        // Someone else's restore may have brought it back already: theirs is the server's.
        if (!view.has(op.itemId)) view.set(op.itemId, { ...op.card, pending: true });
        break;
      default:
        unreachable(op);
    }
  }
  return view;
}

/**
 * `ops` with the card made here as `localId` called by the id the server gave
 * it: an op placed next to it while it was pending (the next card of a typed
 * list) stays next to it once its own op is gone. The same list when no op
 * names it.
 */
export function renameCard(ops: readonly Op[], localId: string, serverId: string): readonly Op[] {
  const named = (op: Op) => (op.kind === 'move' || op.kind === 'create') && (op.afterId === localId || op.beforeId === localId);
  if (!ops.some(named)) return ops;
  const rename = (id: string) => (id === localId ? serverId : id);
  return ops.map((op) => ((op.kind === 'move' || op.kind === 'create') && named(op) ? { ...op, afterId: rename(op.afterId), beforeId: rename(op.beforeId) } : op));
}

function unreachable(x: never): never {
  throw new Error(`unhandled op ${JSON.stringify(x)}`);
}
