// Writes a previous page left in the outbox come back with no promise waiting
// for them: their replies reach the board only through connection.onReply.
// What the board keeps with such a write (its outbox meta) is enough to treat
// a refusal as it would have been treated live: a CONFLICT on an update opens
// the conflict dialog with the person's patch; any other refusal is said in
// plain words. Nothing a person did offline is dropped without a word.
import { ErrorCode, type IWorkItem } from '../../../shared/proto.ts';
import type { Reply } from '../../../shared/sdk/index.ts';
import { plainError, type Op } from './board-logic.ts';
import { patchFields, type ItemPatch } from './item-logic.ts';

/** An update the server refused with CONFLICT, waiting for the person to choose (conflict-dialog.tsx). */
export interface Conflict {
  id: string;
  itemId: string;
  itemKey: string;
  /** The fields this person changed, with their values. */
  patch: ItemPatch;
  /** The item as the server has it now (error.workItem). */
  theirs: IWorkItem;
}

/**
 * What a board write keeps in the outbox beside its frame (must survive
 * structured cloning into IndexedDB): the board it belongs to, the
 * optimistic op that shows it pending after a reload, and for updates the
 * patch and item key the conflict dialog needs.
 */
// A type, not an interface: it must fit the connection's Record<string, unknown> meta as it is.
export type BoardWriteMeta = {
  board: string;
  op?: Op;
  patch?: ItemPatch;
  itemKey?: string;
  /** "save WEB-4", "move WEB-2": the words a refusal is reported with. */
  action?: string;
  /** remove_member's user: its Result is empty, so the board learns from here whom it took out. */
  removesMember?: string;
};

export type ReplayedRefusal = { kind: 'conflict'; conflict: Conflict } | { kind: 'refused'; message: string };

/**
 * What to tell the person about a refused write of board `projectId` that no
 * promise on this page waits for; null when it is not such a write.
 */
export function replayedRefusal(reply: Reply, projectId: string): ReplayedRefusal | null {
  if (reply.ok || !reply.meta || !projectId || reply.meta['board'] !== projectId) return null;
  const meta = reply.meta as unknown as BoardWriteMeta;
  const error = reply.error;
  const theirs = error.current && 'workItem' in error.current ? error.current.workItem : null;
  const itemId = meta.op && meta.op.kind !== 'create' ? meta.op.itemId : '';
  if (error.code === ErrorCode.ERROR_CODE_CONFLICT && theirs && itemId && meta.patch && patchFields(meta.patch).length > 0) {
    return { kind: 'conflict', conflict: { id: reply.messageId, itemId, itemKey: meta.itemKey ?? '', patch: meta.patch, theirs } };
  }
  const action = meta.action ?? 'send a change made earlier';
  // plainError's CONFLICT words speak of an item; a sprint has its own.
  if (error.code === ErrorCode.ERROR_CODE_CONFLICT && error.current && 'sprint' in error.current) {
    return { kind: 'refused', message: `Could not ${action}: someone changed the sprint meanwhile. The backlog now shows their version.` };
  }
  return { kind: 'refused', message: plainError(action, error) };
}
