// Item writes as the undo history sees them (undo.ts): what a write changes,
// as the step that takes it back and the step that does it again, and each
// step as the write that takes it. That write is an ordinary one, checked
// against the version the history holds, so a change someone else made
// since is a CONFLICT (the dialog, for the fields the step changes), never
// an overwrite. A release of the person's own claim is taken back by claiming
// the item again, which, like any claim, loses to someone who claimed it first.
import { compareCards, columnCards, rankFor } from './columns.ts';
import { baseVersion, type ItemView, type Op } from './item-ops.ts';
import { patchBack, type ItemPatch } from './item-patch.ts';
import { valuesBack } from './custom-values.ts';
import { claimWrite, deleteWrite, releaseWrite, restoreWrite, updateWrite, valuesWrite, type ItemsNow, type ItemWrite } from './item-writes.ts';
import type { Card } from './items.ts';
import { isLocal } from './local-ids.ts';
import type { ItemChange, Step, Written } from './undo.ts';

/** The ids of the cards around `card` in `list` (board order), leaving out cards the server does not know yet. */
function around(list: readonly Card[], card: Card): { afterId: string; beforeId: string } {
  const at = list.findIndex((c) => c.id === card.id);
  const known = (c: Card | undefined) => (c && !isLocal(c) ? c.id : '');
  return { afterId: known(list[at - 1]), beforeId: known(list[at + 1]) };
}

/** Where the card is now, as the step that puts it back: its column, or its sprint's list when a move changes the sprint. */
function placeOf(view: ItemView, card: Card, bySprint: boolean): Step {
  if (!bySprint) return { kind: 'place', statusId: card.statusId, ...around(columnCards(view.values(), card.statusId), card) };
  const sprintId = card.sprintId ?? '';
  const list = [...view.values()].filter((c) => (c.sprintId ?? '') === sprintId).sort(compareCards);
  return { kind: 'place', statusId: '', sprintId, ...around(list, card) };
}

/** A write the history cannot take back (a new card): it only ends what could be redone. */
const NOTHING_TO_UNDO: Written = { as: 'change', base: null, change: null };

const newChange = (w: ItemWrite, itemId: string, from: number, undo: Step, redo: Step): Written => ({
  as: 'change',
  base: { itemId, from },
  change: { id: w.op.messageId, itemId, action: w.action, undo, redo, version: from + 1 },
});

/** What `w`, about to be sent by `me`, is to the history. */
export function changeOf(items: ItemsNow, w: ItemWrite, me: string): Written {
  const { command, op } = w;
  const card = op.kind === 'create' ? undefined : items.view.get(op.itemId);
  if (!card) return NOTHING_TO_UNDO;
  if (op.kind === 'values' && 'updateWorkItem' in command) {
    const from = Number(command.updateWorkItem.expectedVersion ?? 0);
    return newChange(w, card.id, from, { kind: 'values', values: valuesBack(card, op.values) }, { kind: 'values', values: op.values });
  }
  if ('updateWorkItem' in command && w.edit) {
    const { patch } = w.edit;
    return newChange(w, card.id, Number(command.updateWorkItem.expectedVersion ?? 0), { kind: 'patch', patch: patchBack(card, patch) }, { kind: 'patch', patch });
  }
  if ('moveWorkItem' in command) {
    const m = command.moveWorkItem;
    const bySprint = m.sprintId != null;
    const redo: Step = { kind: 'place', statusId: m.statusId ?? '', ...(bySprint ? { sprintId: m.sprintId ?? '' } : {}), afterId: m.afterId ?? '', beforeId: m.beforeId ?? '' };
    return newChange(w, card.id, Number(m.expectedVersion ?? 0), placeOf(items.view, card, bySprint), redo);
  }
  if ('claimWorkItem' in command && op.kind === 'update') {
    const patch: ItemPatch = { assigneeId: op.fields.assigneeId ?? null };
    const from = baseVersion(items.confirmed, items.view, items.ops, card.id);
    return newChange(w, card.id, from, { kind: 'patch', patch: patchBack(card, patch) }, { kind: 'patch', patch });
  }
  // Only the person's own claim comes back: claim_work_item claims for the caller, and nobody claims for someone else.
  if ('releaseWorkItem' in command && card.assigneeId === me) {
    return newChange(w, card.id, baseVersion(items.confirmed, items.view, items.ops, card.id), { kind: 'claim', userId: me }, { kind: 'release', userId: me });
  }
  if ('deleteWorkItem' in command) {
    // Shown again as it is now when the delete is undone.
    return newChange(w, card.id, Number(command.deleteWorkItem.expectedVersion ?? 0), { kind: 'restore', card: { ...card, pending: false } }, { kind: 'delete' });
  }
  return NOTHING_TO_UNDO;
}

/** What restoring a deleted item (not on the board, so not in `changeOf`'s view) is to the history: deleting it again takes it back. */
export function restoreChange(w: ItemWrite): Written {
  if (w.op.kind !== 'restore') return NOTHING_TO_UNDO;
  const { card } = w.op;
  return newChange(w, card.id, Number(card.version ?? 0), { kind: 'delete' }, { kind: 'restore', card });
}

/**
 * The neighbours a place step can still name: each must still be shown in
 * the list the card goes to, known to the server, and in order; a neighbour
 * gone or moved away is left out (the server then places the card next to
 * the other one, or keeps its rank).
 */
function neighbours(view: ItemView, itemId: string, step: Extract<Step, { kind: 'place' }>): { after?: Card; before?: Card } {
  const inList = (id: string) => {
    const c = id && id !== itemId ? view.get(id) : undefined;
    if (!c || isLocal(c)) return undefined;
    const same = step.sprintId !== undefined ? (c.sprintId ?? '') === step.sprintId : c.statusId === step.statusId;
    return same ? c : undefined;
  };
  const after = inList(step.afterId);
  const before = inList(step.beforeId);
  return after && before && compareCards(after, before) >= 0 ? { after } : { after, before };
}

function placeWrite(items: ItemsNow, messageId: string, change: ItemChange, step: Extract<Step, { kind: 'place' }>, action: string): ItemWrite | null {
  const card = items.view.get(change.itemId);
  if (!card || isLocal(card)) return null;
  const { after, before } = neighbours(items.view, card.id, step);
  const afterId = after?.id ?? '';
  const beforeId = before?.id ?? '';
  const bySprint = step.sprintId !== undefined;
  const op: Op = bySprint
    ? { kind: 'update', messageId, itemId: card.id, fields: { sprintId: step.sprintId, rank: rankFor(after, before) } }
    : { kind: 'move', messageId, itemId: card.id, statusId: step.statusId, afterId, beforeId };
  return {
    op,
    command: { moveWorkItem: { workItemId: card.id, expectedVersion: change.version, statusId: step.statusId, afterId, beforeId, ...(bySprint ? { sprintId: step.sprintId } : {}) } },
    action,
    // A conflict shows the fields the move changes, which the dialog can compare and send again.
    edit: { patch: bySprint ? { sprintId: step.sprintId || null } : { statusId: step.statusId }, itemKey: card.key ?? '' },
  };
}

/**
 * The write that takes `step` of `change` (its undo or its redo) against the
 * version the history holds; null when the item is not on the board to take
 * it, or already is as the step would make it.
 */
export function stepWrite(items: ItemsNow, messageId: string, change: ItemChange, step: Step, action: string): ItemWrite | null {
  switch (step.kind) {
    case 'patch': {
      const w = updateWrite(items, messageId, change.itemId, step.patch, change.version, action);
      return w === 'unchanged' ? null : w;
    }
    case 'values': {
      const w = valuesWrite(items, messageId, change.itemId, step.values, change.version, action);
      return w === 'unchanged' ? null : w;
    }
    case 'place':
      return placeWrite(items, messageId, change, step, action);
    case 'delete': {
      const w = deleteWrite(items, messageId, change.itemId, change.version);
      return w && { ...w, action };
    }
    case 'restore': {
      const w = restoreWrite(messageId, { ...step.card, version: change.version });
      return w && { ...w, action };
    }
    case 'claim': {
      // Already the person's again: nothing to send. Someone else's by now: the claim still goes, and its CONFLICT says who has it.
      if (items.view.get(change.itemId)?.assigneeId === step.userId) return null;
      const w = claimWrite(items, messageId, change.itemId, step.userId);
      return w && { ...w, action };
    }
    case 'release': {
      if (items.view.get(change.itemId)?.assigneeId !== step.userId) return null;
      const w = releaseWrite(items, messageId, change.itemId);
      return w && { ...w, action };
    }
  }
}

/**
 * How the history sees the write of a step: the undo or redo of `change`,
 * from the version it holds. A claim or release carries no version and is
 * taken whatever the item's, so it goes from the version the board knows:
 * the item's other changes move on from there, and someone else's change in
 * between still leaves them behind.
 */
export function stepWritten(items: ItemsNow, as: 'undo' | 'redo', change: ItemChange): Written {
  const { kind } = as === 'undo' ? change.undo : change.redo;
  const from = kind === 'claim' || kind === 'release' ? baseVersion(items.confirmed, items.view, items.ops, change.itemId) : change.version;
  return { as, base: { itemId: change.itemId, from }, change };
}
