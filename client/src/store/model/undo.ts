// The person's own changes to a project's items, and to its settings, that
// Ctrl-Z takes back and Ctrl-Shift-Z does again. Every undo and redo of an
// item change is an ordinary write checked against the version the person's
// change left the item at, so the history keeps that version with each change
// and moves it on as the person's own later writes to the item are sent: only
// someone else's change in between leaves it behind, and then the undo is a
// CONFLICT, never an overwrite. A settings change holds the settings before
// and after instead (settings-undo.ts). Pure; the store keeps one history per
// project (store/undo-book.ts).
import type { ICustomFieldValue } from '../../../../shared/proto.ts';
import type { ItemPatch } from './item-patch.ts';
import type { Card } from './items.ts';
import type { SettingsChange } from './settings-undo.ts';

/** What one side of a change does to its item. */
export type Step =
  /** update_work_item with these fields. */
  | { kind: 'patch'; patch: ItemPatch }
  /** update_work_item with these custom field values (an empty entry clears one). */
  | { kind: 'values'; values: ICustomFieldValue[] }
  /**
   * move_work_item into a status ('' = it stays) and, when named, a sprint
   * ('' = the backlog), between the items that were its neighbours there.
   */
  | { kind: 'place'; statusId: string; sprintId?: string; afterId: string; beforeId: string }
  | { kind: 'delete' }
  /** restore_work_item; the card is what the board shows until the server answers. */
  | { kind: 'restore'; card: Card }
  /** claim_work_item, which claims for the caller: `userId` is the person whose release it takes back. */
  | { kind: 'claim'; userId: string }
  /** release_work_item of `userId`'s claim, and of nobody else's. */
  | { kind: 'release'; userId: string };

export interface ItemChange {
  /** The message id of the write that made it: the "Undo" of its toast names it. */
  id: string;
  itemId: string;
  /** "move WEB-2": the words its undo and redo are said with. */
  action: string;
  undo: Step;
  redo: Step;
  /** The version the person's last write to the item leaves it at: what its undo or redo expects. */
  version: number;
}

export type Change = ItemChange | SettingsChange;

export const isItemChange = (change: Change): change is ItemChange => 'itemId' in change;

export interface UndoHistory {
  /** Changes that can be undone, the latest last. */
  readonly done: readonly Change[];
  /** Changes undone that can be done again, the last undone last. */
  readonly undone: readonly Change[];
}

export const EMPTY_HISTORY: UndoHistory = { done: [], undone: [] };

/** Changes kept per project; older ones fall off. */
export const HISTORY_LIMIT = 50;

/** A write of the person's as the history sees it. */
export interface Written {
  /** A new change, or the undo or redo of `change`. */
  as: 'change' | 'undo' | 'redo';
  /** The item and the version the write expects; null for a write on no item (a new card, a settings save). */
  base: { itemId: string; from: number } | null;
  /** The change it makes, takes back or does again; null for a new change that cannot be undone. */
  change: Change | null;
}

/** The history with every change of `itemId` at version `from` moved to `to`. */
function rebased(history: UndoHistory, itemId: string, from: number, to: number): UndoHistory {
  if (from === to) return history;
  const at = (c: Change): c is ItemChange => isItemChange(c) && c.itemId === itemId && c.version === from;
  const move = (list: readonly Change[]) => (list.some(at) ? list.map((c) => (at(c) ? { ...c, version: to } : c)) : list);
  return { done: move(history.done), undone: move(history.undone) };
}

const bounded = (list: readonly Change[]) => (list.length > HISTORY_LIMIT ? list.slice(-HISTORY_LIMIT) : list);

/**
 * The history once a write is sent. Each accepted write moves its item's
 * version on by one, so the person's earlier changes of the item now expect
 * that version; the write's own change goes on the stack its purpose says
 * (a new change also ends what could be redone).
 */
export function sent(history: UndoHistory, w: Written): UndoHistory {
  const { base, change } = w;
  const next = base ? rebased(history, base.itemId, base.from, base.from + 1) : history;
  const entry = !change ? [] : base && isItemChange(change) ? [{ ...change, version: base.from + 1 }] : [change];
  switch (w.as) {
    case 'change':
      return { done: bounded([...next.done, ...entry]), undone: [] };
    case 'undo':
      return { done: next.done, undone: [...next.undone, ...entry] };
    case 'redo':
      return { done: bounded([...next.done, ...entry]), undone: next.undone };
  }
}

/** The history once the server took the write: `version` is the item's after it (a write that changed nothing keeps it). */
export function landed(history: UndoHistory, w: Written, version: number): UndoHistory {
  return w.base ? rebased(history, w.base.itemId, w.base.from + 1, version) : history;
}

/** The history once the server refused the write: its change is gone, and the item's changes expect what they did before. */
export function refused(history: UndoHistory, w: Written): UndoHistory {
  const next = w.base ? rebased(history, w.base.itemId, w.base.from + 1, w.base.from) : history;
  const id = w.change?.id;
  if (!id) return next;
  const other = (c: Change) => c.id !== id;
  return { done: next.done.filter(other), undone: next.undone.filter(other) };
}

/** A change taken off its stack to be undone or redone, and the history without it. */
export interface Taken {
  change: Change;
  history: UndoHistory;
}

/** The latest change done, or the change `id` (a toast's "Undo") while it can still be undone. */
export function takeUndo(history: UndoHistory, id?: string): Taken | null {
  const at = id === undefined ? history.done.length - 1 : history.done.findIndex((c) => c.id === id);
  const change = history.done[at];
  return change ? { change, history: { done: history.done.filter((_, i) => i !== at), undone: history.undone } } : null;
}

/** The change undone last. */
export function takeRedo(history: UndoHistory): Taken | null {
  const change = history.undone[history.undone.length - 1];
  return change ? { change, history: { done: history.done, undone: history.undone.slice(0, -1) } } : null;
}
