// Writes a previous page left in the outbox come back with no promise waiting
// for them: their replies reach the board only through connection.onReply.
// What the board keeps with such a write (its outbox meta) is enough to treat
// a refusal as it would have been treated live: a conflict on an update opens
// the conflict dialog with the person's patch; any other refusal is said in
// plain words. Nothing a person did offline is dropped without a word.
import { recoveryOf } from '../../../../shared/protocol/error-codes.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';
import type { Conflict } from './conflicts.ts';
import { patchFields } from './item-patch.ts';
import { plainError } from './plain-error.ts';
import { boardMetaOf } from './write-meta.ts';

export type ReplayedRefusal = { kind: 'conflict'; conflict: Conflict } | { kind: 'refused'; message: string };

/**
 * What to tell the person about a refused write of board `projectId` that no
 * promise on this page waits for; null when it is not such a write.
 */
export function replayedRefusal(reply: Reply, projectId: string): ReplayedRefusal | null {
  const meta = reply.ok ? null : boardMetaOf(reply, projectId);
  if (reply.ok || !meta) return null;
  const { code, current } = reply.error;
  const conflict = recoveryOf(code) === 'conflict';
  const theirs = current && 'workItem' in current ? current.workItem : null;
  const itemId = meta.op && meta.op.kind !== 'create' ? meta.op.itemId : '';
  if (conflict && theirs && itemId && meta.patch && (patchFields(meta.patch).length > 0 || (meta.values?.length ?? 0) > 0)) {
    const values = meta.values?.length ? { values: meta.values } : {};
    return { kind: 'conflict', conflict: { id: reply.messageId, itemId, itemKey: meta.itemKey ?? '', patch: meta.patch, ...values, theirs } };
  }
  const action = meta.action ?? 'send a change made earlier';
  // plainError's conflict words speak of an item; a sprint has its own.
  if (conflict && current && 'sprint' in current) {
    return { kind: 'refused', message: `Could not ${action}: someone changed the sprint meanwhile. The backlog now shows their version.` };
  }
  return { kind: 'refused', message: plainError(action, reply.error) };
}
