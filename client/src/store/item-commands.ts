// The item commands of a board (move, plan, add, claim, edit) and what keeps
// their writes shown: each is an op over the server's items until its reply
// (writes.ts), so the items a person sees are `confirmed` with the ops laid
// on. An edit the server refuses as a conflict waits in `conflicts` for the
// person to choose; writes an earlier page left in the outbox show pending
// again and, when refused, are treated as they would have been live.
import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { ItemType } from '../../../shared/proto.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import type { Reply } from '../../../shared/sdk/index.ts';
import type { PendingWrites } from './board-lifecycle.ts';
import { fromEarlierPage, type Live } from './live.ts';
import type { Conflict } from './model/conflicts.ts';
import { applyOps, baseVersion, renameCard, type ItemView, type Op } from './model/item-ops.ts';
import { patchFields, type ItemPatch } from './model/item-patch.ts';
import { childWrite, claimWrite, createWrite, moveWrite, planWrite, updateWrite, type ItemsNow, type ItemWrite } from './model/item-writes.ts';
import type { Card } from './model/items.ts';
import { plainError } from './model/plain-error.ts';
import { replayedRefusal } from './model/replayed.ts';
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
  /** claim_work_item: assign to me. */
  claim(itemId: string): void;
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
  quickAdd(statusId: string, title: string, kind: { itemType: ItemType; afterId?: string }): Card | null;
  conflicts: Accessor<readonly Conflict[]>;
  /** Keep theirs (an empty patch) or resend `patch` against their version, under a new message id. */
  resolveConflict(conflictId: string, patch: ItemPatch): void;
}

export interface ItemCommandsSlice {
  commands: ItemCommands;
  /** What the lifecycle tells the pending writes as boards come and go. */
  pending: PendingWrites;
  /** Every reply, as it is read: a replayed write's op goes, and its refusal is said. */
  replied(reply: Reply): void;
}

export function createItemCommands(live: Live, state: ProjectState, send: Send, canEdit: Accessor<boolean>): ItemCommandsSlice {
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
  const write = async (w: ItemWrite): Promise<WriteOutcome> => {
    const outcome = await send({ command: w.command, action: w.action, op: w.op, into: pending, meta: { op: w.op, ...w.edit } });
    if (outcome.kind === 'saved' && w.op.kind === 'create') answered(w.op.card.id, outcome.result.workItem?.id);
    return outcome;
  };
  /** For the writes whose refusal a toast says: everything but an update, which may open the conflict dialog. */
  const sendAndSay = (w: ItemWrite | null) => {
    if (!w || !canEdit()) return;
    void write(w).then((outcome) => {
      if (outcome.kind === 'conflict' || outcome.kind === 'refused') live.toasts.show(plainError(w.action, outcome.error));
    });
  };

  const update: ItemCommands['update'] = async (itemId, patch, expectedVersion, action) => {
    if (!canEdit()) return 'refused';
    const w = updateWrite(now(), randomId(), itemId, patch, expectedVersion, action);
    if (w === null) return 'refused';
    if (w === 'unchanged') return 'unchanged';
    const outcome = await write(w);
    if (outcome.kind === 'saved' || outcome.kind === 'queued') return outcome.kind;
    const current = outcome.kind === 'conflict' ? outcome.error.current : null;
    const edit = w.edit;
    if (current && 'workItem' in current && edit) {
      // Nothing is dropped silently: the person chooses in the conflict dialog.
      setConflicts((list) => [...list, { id: w.op.messageId, itemId, ...edit, theirs: current.workItem }]);
      return 'conflict';
    }
    live.toasts.show(plainError(w.action, outcome.error));
    return 'refused';
  };

  const commands: ItemCommands = {
    items,
    baseVersion: (itemId) => baseVersion(state.items(), items(), pending.ops(), itemId),
    update,
    conflicts,
    resolveConflict(conflictId, patch) {
      const conflict = conflicts().find((c) => c.id === conflictId);
      setConflicts((list) => list.filter((c) => c.id !== conflictId));
      if (!conflict) return;
      const what = conflict.itemKey || 'the item';
      if (patchFields(patch).length === 0) return live.toasts.show(`Kept their version of ${what}; your change was dropped.`, 'info');
      // Their version is the base now; a new message id, since the first one already has its (conflict) answer.
      const latest = state.items().get(conflict.itemId);
      const version = Math.max(Number(conflict.theirs.version ?? 0), Number(latest?.version ?? 0));
      void update(conflict.itemId, patch, version, `save ${what}`);
    },
    claim: (itemId) => sendAndSay(claimWrite(now(), randomId(), itemId, live.session.user.id)),
    addChild: (parentId, title) => sendAndSay(childWrite(now(), randomId(), parentId, title)),
    move: (cardId, statusId, index) => sendAndSay(moveWrite(now(), randomId(), cardId, statusId, index)),
    plan: (itemId, sprintId, place) => sendAndSay(planWrite(now(), randomId(), itemId, sprintId, place)),
    quickAdd(statusId, title, { itemType, afterId = '' }) {
      if (!canEdit()) return null;
      const after = madeAs.get(afterId) ?? afterId;
      const w = createWrite(now(), randomId(), { title, statusId, itemType }, 'add the card', after);
      sendAndSay(w);
      return w?.op.kind === 'create' ? w.op.card : null;
    },
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
