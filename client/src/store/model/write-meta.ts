// What a board write keeps in the outbox beside its frame. It must survive
// structured cloning into IndexedDB, and it is all a page has of a write an
// earlier page left: enough to show it pending again and to treat its reply
// as it would have been treated live.
import type { ICustomFieldValue, ILinkedItem } from '../../../../shared/proto.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';
import type { ItemPatch } from './item-patch.ts';
import type { Op } from './item-ops.ts';
import type { LinkOp } from './link-writes.ts';

// A type, not an interface: it must fit the connection's Record<string, unknown> meta as it is.
export type BoardWriteMeta = {
  /** The project the write belongs to. */
  board: string;
  /** The optimistic change that shows it pending. */
  op?: Op;
  /** An update's fields and item key: what the conflict dialog needs. */
  patch?: ItemPatch;
  itemKey?: string;
  /** An update's custom field values, for the same dialog. */
  values?: ICustomFieldValue[];
  /** "save WEB-4", "move WEB-2": the words a refusal is reported with. */
  action?: string;
  /** remove_member's user: its Result is empty, so the board learns from here whom it took out. */
  removesMember?: string;
  /** A link write's optimistic change (apart from `op`: the item ops' list must never hold it). */
  linkOp?: LinkOp;
  /** The other project's item a link write names: no event brings it to this board. */
  linkedItem?: ILinkedItem;
};

/** The board meta of a reply's write when the write is one of project `projectId`'s; null otherwise. */
export function boardMetaOf(reply: Reply, projectId: string): BoardWriteMeta | null {
  if (!reply.meta || !projectId || reply.meta['board'] !== projectId) return null;
  // Only this client writes `board` into a write's meta, always as a BoardWriteMeta.
  return reply.meta as unknown as BoardWriteMeta;
}
