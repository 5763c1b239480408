// The item commands of a board (move, plan, add, claim, edit, delete,
// restore, undo, redo) and what keeps their writes shown: each is an op over
// the server's items until its reply (writes.ts), so the items a person sees
// are `confirmed` with the ops laid on. An edit the server refuses as a
// conflict waits in `conflicts` for the person to choose; writes an earlier
// page left in the outbox show pending again and, when refused, are treated
// as they would have been live. Every write is told to the project's undo
// history (model/undo.ts), whose undos and redos go out the same way (a
// settings change's through settings-writes.ts). In a pull-mode project a
// write the server would refuse (shared/domain/pull-mode.ts) is refused here
// first, in the server's words, and never sent.
import { createMemo, createSignal, type Accessor } from 'solid-js';
import { isEmptyValue } from '../../../shared/domain/custom-fields.ts';
import { pullModeRefusal, releaseRefusal } from '../../../shared/domain/pull-mode.ts';
import { ErrorCode, type ICustomFieldValue, type ItemType, type IWorkItem } from '../../../shared/proto.ts';
import { RequestError } from '../../../shared/sdk/errors.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import type { Reply } from '../../../shared/sdk/index.ts';
import type { PendingWrites } from './board-lifecycle.ts';
import { fromEarlierPage, type Live } from './live.ts';
import type { Conflict } from './model/conflicts.ts';
import { fieldsOf } from './model/custom-fields-draft.ts';
import { requiredWords } from './model/custom-values.ts';
import { applyOps, baseVersion, renameCard, type ItemView, type Op } from './model/item-ops.ts';
import { patchFields, type ItemPatch } from './model/item-patch.ts';
import {
  childWrite,
  claimWrite,
  createWrite,
  deleteWrite,
  moveWrite,
  planWrite,
  releaseWrite,
  restoreWrite,
  updateWrite,
  valuesWrite,
  type ItemsNow,
  type ItemWrite,
} from './model/item-writes.ts';
import type { Card } from './model/items.ts';
import { plainError } from './model/plain-error.ts';
import { claimLostWords, pullSubject, pullWriteOf } from './model/pool.ts';
import { replayedRefusal } from './model/replayed.ts';
import type { SettingsChange } from './model/settings-undo.ts';
import { isItemChange, landed, refused, sent, takeRedo, takeUndo, type UndoHistory, type Written } from './model/undo.ts';
import { changeOf, restoreChange, stepWrite, stepWritten } from './model/undo-writes.ts';
import type { ProjectState } from './project-state.ts';
import { createOpList, type Send, type WriteOutcome } from './writes.ts';

export type UpdateOutcome = 'saved' | 'unchanged' | 'conflict' | 'refused' | 'queued';

export interface ItemCommands {
  /** Every item as shown (server state with our pending writes laid on it), by id. */
  items: Accessor<ItemView>;
  /** The version an edit starting now is based on: the server's plus one per write of ours still out on the item. */
  baseVersion(itemId: string): number;
  /** Sends the changed fields of an item against `expectedVersion`; shown at once, undone on refusal; a conflict opens the dialog. */
  update(itemId: string, patch: ItemPatch, expectedVersion: number, action?: string): Promise<UpdateOutcome>;
  /**
   * Sets custom field values (an empty entry clears one) against
   * `expectedVersion`, as update_work_item does a patch: shown at once,
   * undone on refusal, a conflict in the dialog.
   */
  setValues(itemId: string, values: readonly ICustomFieldValue[], expectedVersion: number, action?: string): Promise<UpdateOutcome>;
  /** claim_work_item: assign to me. A claim that loses the race says who won. */
  claim(itemId: string): void;
  /** release_work_item: nobody holds it any more (mine, or anyone's for an admin); a toast says so, with "Undo" for my own claim. */
  release(itemId: string): void;
  /** Why pull mode stops the person changing this item, in the server's words; null when it does not. */
  pullRefusal(card: Card): string | null;
  /** A child item (a sub-task, or a story under an epic) at the top of the parent's column. */
  addChild(parentId: string, title: string): void;
  /** Moves a card to `index` of the column of `statusId` (index counts the column without the card). */
  move(cardId: string, statusId: string, index: number): void;
  /**
   * Plans an item into a sprint ('' = the backlog) between two items of that
   * list; shown there at `rank` until the server's rank comes back.
   */
  plan(itemId: string, sprintId: string, place: { afterId: string; beforeId: string; rank: string }): void;
  /**
   * Adds a card at the top of a column, or right below `afterId` (the card
   * added before it, by the id quickAdd returned: it is followed once the
   * server names it): the card as shown while it is pending, or null when
   * nothing was added.
   */
  quickAdd(statusId: string, title: string, kind: { itemType: ItemType; afterId?: string; customFields?: ICustomFieldValue[]; customTypeId?: string }): Card | null;
  /** delete_work_item: the card goes at once; a toast says so, with "Undo". */
  remove(itemId: string): void;
  /** restore_work_item of a deleted item (the Trash's): shown on the board at once. */
  restore(item: IWorkItem): void;
  /** Takes back the person's latest change of the project (or the change `changeId`, a toast's, while it can be). */
  undo(changeId?: string): void;
  /** Does the change undone last again. */
  redo(): void;
  conflicts: Accessor<readonly Conflict[]>;
  /** Keep theirs (an empty patch and no values) or resend `patch` (or `values`) against their version, under a new message id. */
  resolveConflict(conflictId: string, patch: ItemPatch, values?: readonly ICustomFieldValue[]): void;
}

export interface ItemCommandsSlice {
  commands: ItemCommands;
  /** What the lifecycle tells the pending writes as boards come and go. */
  pending: PendingWrites;
  /** Every reply, as it is read: a replayed write's op goes, and its refusal is said. */
  replied(reply: Reply): void;
}

export function createItemCommands(
  live: Live,
  state: ProjectState,
  send: Send,
  canEdit: Accessor<boolean>,
  isAdmin: Accessor<boolean>,
  settingsStep: (as: 'undo' | 'redo', change: SettingsChange) => void,
): ItemCommandsSlice {
  const pending = createOpList<Op>();
  const [conflicts, setConflicts] = createSignal<readonly Conflict[]>([]);
  const items = createMemo(() => applyOps(state.items(), pending.ops()));
  const projectId = () => state.project()?.id ?? '';
  const now = (): ItemsNow => ({ confirmed: state.items(), view: items(), ops: pending.ops(), projectId: projectId() });

  /** The ops of writes for board `id` that wait in the connection's outbox and are not shown yet. */
  const queuedOps = (id: string): Op[] => {
    const shown = pending.ops();
    return live.connection
      .pending()
      .filter((e) => e.meta['board'] === id && e.meta['op'] && !shown.some((op) => op.messageId === e.messageId))
      .map((e) => e.meta['op'] as Op);
  };

  /** The server's id of each card made on this page, by the local id it was shown under while pending. */
  const madeAs = new Map<string, string>();
  const answered = (localId: string, serverId: string | null | undefined) => {
    if (!serverId) return;
    madeAs.set(localId, serverId);
    pending.rewrite((ops) => renameCard(ops, localId, serverId));
  };
  const me = live.session.user.id;
  const nameOf = (userId: string) => state.members().find((m) => m.userId === userId)?.displayName || 'someone else';
  const subjectOf = (card: Card | null) => pullSubject(state.project(), card, { id: me, isAdmin: isAdmin() }, nameOf);
  /** Pull mode's refusal of a write, as the server would answer it (PERMISSION_DENIED naming the rule). */
  const pullRefused = (w: ItemWrite): RequestError | null => {
    const pull = pullWriteOf(w.command);
    if (!pull) return null;
    const card = w.op.kind === 'create' ? null : w.op.kind === 'restore' ? w.op.card : (items().get(w.op.itemId) ?? null);
    const refusal = pullModeRefusal(subjectOf(card), pull);
    return refusal && new RequestError(ErrorCode.ERROR_CODE_PERMISSION_DENIED, refusal.message, refusal.field);
  };

  /** Sends an item write, telling the undo history of the project it was sent in what became of it. */
  const write = async (w: ItemWrite, written: Written = changeOf(now(), w, me)): Promise<WriteOutcome> => {
    const refusedHere = pullRefused(w);
    if (refusedHere) return { kind: 'refused', error: refusedHere };
    const project = projectId();
    const remember = (next: (h: UndoHistory) => UndoHistory) => live.undo.change(project, next);
    remember((h) => sent(h, written));
    const outcome = await send({ command: w.command, action: w.action, op: w.op, into: pending, meta: { op: w.op, ...w.edit } });
    if (outcome.kind === 'saved') {
      if (w.op.kind === 'create') answered(w.op.card.id, outcome.result.workItem?.id);
      const version = Number(outcome.result.workItem?.version ?? 0);
      if (version > 0) remember((h) => landed(h, written, version));
    } else if (outcome.kind !== 'queued') remember((h) => refused(h, written));
    return outcome;
  };
  /** Says a refusal: an edit's CONFLICT waits in the dialog for the person to choose, anything else is a toast. */
  const sayRefusal = (w: ItemWrite, outcome: Extract<WriteOutcome, { kind: 'conflict' | 'refused' }>): 'conflict' | 'refused' => {
    const current = outcome.kind === 'conflict' ? outcome.error.current : null;
    const theirs = current && 'workItem' in current ? current.workItem : null;
    if (theirs && w.edit && w.op.kind !== 'create') {
      // Nothing is dropped silently: the person chooses in the conflict dialog.
      const { op, edit } = w;
      setConflicts((list) => [...list, { id: op.messageId, itemId: op.itemId, ...edit, theirs }]);
      return 'conflict';
    }
    // First come, first served: a claim's CONFLICT carries the item as the winner left it (the board shows it already).
    const winner = theirs && 'claimWorkItem' in w.command ? (theirs.assigneeId ?? '') : '';
    live.toasts.show(winner && winner !== me ? claimLostWords(theirs?.key ?? '', nameOf(winner)) : plainError(w.action, outcome.error));
    return 'refused';
  };
  /** For the writes with no dialog of their own: a refusal is a toast (a move's conflict too: the board shows theirs). */
  const sendAndSay = (w: ItemWrite | null, written?: Written): Promise<WriteOutcome> | null => {
    if (!w || !canEdit()) return null;
    const outcome = write(w, written);
    void outcome.then((o) => (o.kind === 'conflict' || o.kind === 'refused' ? sayRefusal(w, o) : undefined));
    return outcome;
  };
  /** As Linear does: no "are you sure?", since the toast's Undo (and Ctrl-Z) take the change back. */
  const undoToast = (text: string, w: ItemWrite, outcome: Promise<WriteOutcome>) => {
    const toast = live.toasts.show(text, 'info', { label: 'Undo', run: () => commands.undo(w.op.messageId) });
    void outcome.then((o) => (o.kind === 'conflict' || o.kind === 'refused') && live.toasts.dismiss(toast));
  };

  const update: ItemCommands['update'] = async (itemId, patch, expectedVersion, action) => {
    if (!canEdit()) return 'refused';
    const w = updateWrite(now(), randomId(), itemId, patch, expectedVersion, action);
    if (w === null) return 'refused';
    if (w === 'unchanged') return 'unchanged';
    const outcome = await write(w);
    if (outcome.kind === 'saved' || outcome.kind === 'queued') return outcome.kind;
    return sayRefusal(w, outcome);
  };

  const setValues: ItemCommands['setValues'] = async (itemId, values, expectedVersion, action) => {
    if (!canEdit()) return 'refused';
    const w = valuesWrite(now(), randomId(), itemId, values, expectedVersion, action);
    if (w === null) return 'refused';
    if (w === 'unchanged') return 'unchanged';
    const outcome = await write(w);
    if (outcome.kind === 'saved' || outcome.kind === 'queued') return outcome.kind;
    return sayRefusal(w, outcome);
  };

  /** Undoes or redoes a change taken off the history: its step as an ordinary write against the version the history holds. */
  const step = (as: 'undo' | 'redo', take: (h: UndoHistory) => ReturnType<typeof takeUndo>) => {
    if (!canEdit()) return;
    const project = projectId();
    const taken = take(live.undo.of(project));
    if (!taken) return live.toasts.show(as === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.', 'info');
    live.undo.change(project, () => taken.history);
    const { change } = taken;
    if (!isItemChange(change)) return settingsStep(as, change);
    const action = `${as} ${change.action}`;
    const w = stepWrite(now(), randomId(), change, as === 'undo' ? change.undo : change.redo, action);
    if (!w) return live.toasts.show(`Could not ${action}: the item is not on the board as it was.`);
    void write(w, stepWritten(now(), as, change)).then((outcome) => {
      if (outcome.kind === 'conflict' || outcome.kind === 'refused') sayRefusal(w, outcome);
      else live.toasts.show(`${as === 'undo' ? 'Undone' : 'Redone'}: ${change.action}.`, 'info');
    });
  };

  const commands: ItemCommands = {
    items,
    baseVersion: (itemId) => baseVersion(state.items(), items(), pending.ops(), itemId),
    update,
    setValues,
    conflicts,
    resolveConflict(conflictId, patch, values = []) {
      const conflict = conflicts().find((c) => c.id === conflictId);
      setConflicts((list) => list.filter((c) => c.id !== conflictId));
      if (!conflict) return;
      const what = conflict.itemKey || 'the item';
      if (patchFields(patch).length === 0 && values.length === 0) return live.toasts.show(`Kept their version of ${what}; your change was dropped.`, 'info');
      // Their version is the base now; a new message id, since the first one already has its (conflict) answer.
      const latest = state.items().get(conflict.itemId);
      const version = Math.max(Number(conflict.theirs.version ?? 0), Number(latest?.version ?? 0));
      // A write carries a patch or values, never both (item-writes.ts), so its conflict resends one of them.
      if (values.length > 0) void setValues(conflict.itemId, values, version, `save ${what}`);
      else void update(conflict.itemId, patch, version, `save ${what}`);
    },
    claim: (itemId) => void sendAndSay(claimWrite(now(), randomId(), itemId, me)),
    release(itemId) {
      const card = items().get(itemId) ?? null;
      const refusal = card && releaseRefusal(subjectOf(card));
      if (refusal) return live.toasts.show(`Could not release ${card.key || 'the item'}: ${refusal.message}.`);
      const w = releaseWrite(now(), randomId(), itemId);
      const written = w && changeOf(now(), w, me);
      const outcome = sendAndSay(w, written ?? undefined);
      if (w && outcome && written?.change) undoToast(`Released ${card?.key || 'the item'}.`, w, outcome);
    },
    // The card handed in, not looked up: a board's cards each ask, and a lookup would make every one follow every change.
    pullRefusal: (card) => (state.project()?.pullMode ? (pullModeRefusal(subjectOf(card), { kind: 'edit' })?.message ?? null) : null),
    addChild: (parentId, title) => void sendAndSay(childWrite(now(), randomId(), parentId, title)),
    move: (cardId, statusId, index) => void sendAndSay(moveWrite(now(), randomId(), cardId, statusId, index)),
    plan: (itemId, sprintId, place) => void sendAndSay(planWrite(now(), randomId(), itemId, sprintId, place)),
    quickAdd(statusId, title, { itemType, afterId = '', customFields = [], customTypeId = '' }) {
      if (!canEdit()) return null;
      // The server refuses a new item without its type's required fields: said here first, in its words.
      const given = new Set(customFields.filter((v) => !isEmptyValue(v)).map((v) => v.fieldId ?? ''));
      const missing = requiredWords(fieldsOf(state.project()), { itemType, customTypeId }, (id) => given.has(id));
      if (missing && title.trim()) {
        live.toasts.show(`Could not add the card: ${missing}.`);
        return null;
      }
      const after = madeAs.get(afterId) ?? afterId;
      const values = customFields.filter((v) => !isEmptyValue(v));
      const w = createWrite(now(), randomId(), { title, statusId, itemType, ...(values.length ? { customFields: values } : {}), ...(customTypeId ? { customTypeId } : {}) }, 'add the card', after);
      void sendAndSay(w);
      return w?.op.kind === 'create' ? w.op.card : null;
    },
    remove(itemId) {
      const key = items().get(itemId)?.key || 'the item';
      const w = deleteWrite(now(), randomId(), itemId);
      const outcome = sendAndSay(w);
      if (w && outcome) undoToast(`Deleted ${key}.`, w, outcome);
    },
    restore(item) {
      const w = restoreWrite(randomId(), item);
      if (w) void sendAndSay(w, restoreChange(w));
    },
    undo: (changeId) => step('undo', (h) => takeUndo(h, changeId)),
    redo: () => step('redo', takeRedo),
  };

  return {
    commands,
    pending: { showQueued: (id) => pending.add(...queuedOps(id)), clear: pending.clear },
    replied(reply) {
      // A replayed write's op (rebuilt from the outbox) has no promise to drop it.
      if (reply.meta?.['op']) queueMicrotask(() => pending.drop(reply.messageId));
      // A write made on this page is answered to its own promise; one from an earlier page only here.
      const refusal = fromEarlierPage(reply.meta) ? replayedRefusal(reply, projectId()) : null;
      if (refusal?.kind === 'conflict') setConflicts((list) => [...list, refusal.conflict]);
      else if (refusal) live.toasts.show(refusal.message);
    },
  };
}
