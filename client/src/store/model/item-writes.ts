// The item commands as writes: for each, the optimistic op that shows it at
// once, the command that carries it, what the outbox keeps with it and the
// words a refusal is reported with; null when there is nothing to send (no
// such card, a card not answered yet, a drop where it already was).
import { allowedParentTypes } from '../../../../shared/domain/hierarchy.ts';
import { ItemType, Priority, type ICustomFieldValue, type IWorkItem } from '../../../../shared/proto.ts';
import type { Command } from '../../../../shared/protocol/commands.ts';
import { columnCards, neighboursAt } from './columns.ts';
import { effectiveValues } from './custom-values.ts';
import { toCard, type Card, type Confirmed } from './items.ts';
import { baseVersion, type ItemView, type Op } from './item-ops.ts';
import { isLocal, localId } from './local-ids.ts';
import { effectivePatch, patchFields, patchToCard, updateCommand, type ItemPatch } from './item-patch.ts';

export interface ItemWrite {
  op: Op;
  command: Command;
  action: string;
  /** An update's fields (or custom field values) and item key, kept for the conflict dialog (after a reload too). */
  edit?: { patch: ItemPatch; itemKey: string; values?: ICustomFieldValue[] };
}

/** The items a write is decided against. */
export interface ItemsNow {
  confirmed: Confirmed;
  view: ItemView;
  ops: readonly Op[];
  projectId: string;
}

function editable(items: ItemsNow, id: string): Card | null {
  const card = items.view.get(id);
  return card && !isLocal(card) ? card : null;
}

/** To `index` of the column of `statusId` (index counts the column without the card). */
export function moveWrite(items: ItemsNow, messageId: string, cardId: string, statusId: string, index: number): ItemWrite | null {
  const card = editable(items, cardId);
  if (!card) return null;
  const column = columnCards(items.view.values(), statusId);
  const { afterId, beforeId } = neighboursAt(column, cardId, index);
  if (card.statusId === statusId && column.findIndex((c) => c.id === cardId) === index) return null;
  const expectedVersion = baseVersion(items.confirmed, items.view, items.ops, cardId);
  return {
    op: { kind: 'move', messageId, itemId: cardId, statusId, afterId, beforeId },
    command: { moveWorkItem: { workItemId: cardId, expectedVersion, statusId, afterId, beforeId } },
    action: `move ${card.key ?? 'the card'}`,
  };
}

/** Into a sprint ('' = the backlog) between two items of its list; shown there at `rank` until the server's rank comes back. */
export function planWrite(
  items: ItemsNow,
  messageId: string,
  itemId: string,
  sprintId: string,
  { afterId, beforeId, rank }: { afterId: string; beforeId: string; rank: string },
): ItemWrite | null {
  const card = editable(items, itemId);
  if (!card) return null;
  const expectedVersion = baseVersion(items.confirmed, items.view, items.ops, itemId);
  return {
    // An update op, not a move: the column stays; the sprint and the place in its list change.
    op: { kind: 'update', messageId, itemId, fields: { sprintId, rank } },
    command: { moveWorkItem: { workItemId: itemId, expectedVersion, statusId: '', afterId, beforeId, sprintId } },
    action: `move ${card.key || 'the item'}`,
  };
}

/** claim_work_item: assigned to `userId`, the caller. */
export function claimWrite(items: ItemsNow, messageId: string, itemId: string, userId: string): ItemWrite | null {
  const card = editable(items, itemId);
  if (!card) return null;
  return {
    op: { kind: 'update', messageId, itemId, fields: { assigneeId: userId } },
    command: { claimWorkItem: { workItemId: itemId } },
    action: `assign ${card.key ?? 'the item'} to you`,
  };
}

/** release_work_item: nobody holds it any more (the caller's own claim, or anyone's for an admin). */
export function releaseWrite(items: ItemsNow, messageId: string, itemId: string): ItemWrite | null {
  const card = editable(items, itemId);
  if (!card || !card.assigneeId) return null;
  return {
    op: { kind: 'update', messageId, itemId, fields: { assigneeId: '' } },
    command: { releaseWorkItem: { workItemId: itemId } },
    action: `release ${card.key ?? 'the item'}`,
  };
}

interface NewItem {
  title: string;
  statusId: string;
  itemType: ItemType;
  parentId?: string;
  /** Custom field values it starts with (the required ones of its type at least). */
  customFields?: ICustomFieldValue[];
  /** One of the project's own types (v18); itemType is then TASK. */
  customTypeId?: string;
}

/**
 * A new item at the top of its column, or right below `afterId` (the card
 * added just before it, in a list typed one after another) while that card
 * is still in the column.
 */
export function createWrite(items: ItemsNow, messageId: string, fields: NewItem, action: string, afterId = ''): ItemWrite | null {
  const title = fields.title.trim();
  if (!title) return null;
  const item = { ...fields, title, priority: Priority.PRIORITY_NONE };
  const column = columnCards(items.view.values(), fields.statusId);
  // findIndex's -1 for a card that left the column makes 0: the top.
  const at = afterId ? column.findIndex((c) => c.id === afterId) + 1 : 0;
  const above = column[at - 1];
  const below = column[at];
  const card = toCard({ ...item, id: localId(messageId), projectId: items.projectId, key: '', labels: [], version: 0 });
  // The server cannot place it next to a card it has not answered for yet. Below a card still
  // pending it goes before the card under that one: our writes reach the server in order, so
  // the pending card sits right above that one by then.
  const place = above && !isLocal(above) ? { afterId: above.id } : { beforeId: below && !isLocal(below) ? below.id : '' };
  return {
    op: { kind: 'create', messageId, card, afterId: above?.id ?? '', beforeId: below?.id ?? '' },
    command: { createWorkItem: { ...item, projectId: items.projectId, ...place } },
    action,
  };
}

/** A child item at the top of the parent's column: a sub-task where one may go, otherwise a story (under an epic). */
export function childWrite(items: ItemsNow, messageId: string, parentId: string, title: string): ItemWrite | null {
  const parent = editable(items, parentId);
  if (!parent) return null;
  const itemType = allowedParentTypes(ItemType.ITEM_TYPE_SUBTASK).includes((parent.itemType ?? 0) as ItemType)
    ? ItemType.ITEM_TYPE_SUBTASK
    : ItemType.ITEM_TYPE_STORY;
  return createWrite(items, messageId, { title, statusId: parent.statusId, itemType, parentId }, 'add the sub-task');
}

/** The fields of `patch` the item does not have yet, against `expectedVersion`; 'unchanged' when there are none. */
export function updateWrite(
  items: ItemsNow,
  messageId: string,
  itemId: string,
  patch: ItemPatch,
  expectedVersion: number,
  action?: string,
): ItemWrite | 'unchanged' | null {
  const card = editable(items, itemId);
  if (!card) return null;
  const changes = effectivePatch(card, patch);
  if (patchFields(changes).length === 0) return 'unchanged';
  return {
    op: { kind: 'update', messageId, itemId, fields: patchToCard(changes) },
    command: updateCommand(itemId, expectedVersion, changes),
    action: action ?? `save ${card.key ?? 'the item'}`,
    edit: { patch: changes, itemKey: card.key ?? '' },
  };
}

/**
 * Custom field values (each entry sets one field; an empty one clears it)
 * as one update_work_item against `expectedVersion`: the entries whose value
 * the item does not have yet; 'unchanged' when there are none.
 */
export function valuesWrite(
  items: ItemsNow,
  messageId: string,
  itemId: string,
  entries: readonly ICustomFieldValue[],
  expectedVersion: number,
  action?: string,
): ItemWrite | 'unchanged' | null {
  const card = editable(items, itemId);
  if (!card) return null;
  const values = effectiveValues(card, entries);
  if (values.length === 0) return 'unchanged';
  return {
    op: { kind: 'values', messageId, itemId, values },
    command: { updateWorkItem: { workItemId: itemId, expectedVersion, customFields: values } },
    action: action ?? `save ${card.key ?? 'the item'}`,
    edit: { patch: {}, itemKey: card.key ?? '', values },
  };
}

/** delete_work_item against `expectedVersion` (by default the version the card is shown at); the card leaves the board at once. */
export function deleteWrite(items: ItemsNow, messageId: string, itemId: string, expectedVersion?: number): ItemWrite | null {
  const card = editable(items, itemId);
  if (!card) return null;
  return {
    op: { kind: 'remove', messageId, itemId },
    command: { deleteWorkItem: { workItemId: itemId, expectedVersion: expectedVersion ?? baseVersion(items.confirmed, items.view, items.ops, itemId) } },
    action: `delete ${card.key || 'the item'}`,
  };
}

/** restore_work_item of a deleted item, shown on the board at once as it was (at the version the delete left it). */
export function restoreWrite(messageId: string, item: IWorkItem): ItemWrite | null {
  const card = toCard({ ...item, deletedAt: 0 });
  if (!card.id) return null;
  return {
    op: { kind: 'restore', messageId, itemId: card.id, card },
    command: { restoreWorkItem: { workItemId: card.id } },
    action: `restore ${card.key || 'the item'}`,
  };
}
