// Pull mode (docs/PROTOCOL.md §5.2, v16): a project setting in which people
// claim work themselves instead of being assigned it. Pure, so the client
// refuses optimistically in the server's own words; the server calls the same
// functions (server/src/handlers/pull-mode-guard.ts) and answers
// PERMISSION_DENIED with the message.

/** The people a write touches and what the item already is. */
export interface PullSubject {
  pullMode: boolean;
  callerId: string;
  /** ADMIN in the project (tenant owners and admins are). */
  callerIsAdmin: boolean;
  /** The item's key, as the refusal names it ("WEB-3"); a new item has none. */
  itemKey: string;
  /** The item's assignee before the write: "" for none, and for a new item. */
  assigneeId: string;
  /** How the refusal names the assignee. */
  assigneeName: string;
}

/**
 * What a write does to one item. An edit changes the item itself (update,
 * move, delete, restore); `assigneeId` is the assignee it leaves ("" for none),
 * absent when the write leaves the assignee alone.
 */
export type PullWrite =
  | { kind: 'create'; assigneeId: string }
  | { kind: 'edit'; assigneeId?: string };

export const NOBODY_ASSIGNS = 'Pull mode: people claim work themselves; nobody assigns anyone else';

/** A refusal and the request field it is about: the item, or the assignee the write would set. */
export interface PullRefusal {
  field: 'work_item_id' | 'assignee_id';
  message: string;
}

function claimedBy(s: Pick<PullSubject, 'itemKey' | 'assigneeName'>): string {
  return `${s.itemKey} is claimed by ${s.assigneeName || 'someone else'}`;
}

/**
 * Null when pull mode allows the write, else the refusal naming the rule.
 * Outside pull mode everything is allowed here (roles are checked apart).
 * In it: the assignee a write leaves is nobody or the caller (taking an
 * unclaimed item is a claim); a claimed item is edited only by its claimer or
 * an admin; an admin may clear someone's claim but not hand it to anyone,
 * themselves included (claims are first-come, through claim_work_item).
 */
export function pullModeRefusal(s: PullSubject, write: PullWrite): PullRefusal | null {
  if (!s.pullMode) return null;
  const held = write.kind === 'edit' ? s.assigneeId : '';
  const heldByOther = held !== '' && held !== s.callerId;
  if (heldByOther && !s.callerIsAdmin) {
    return { field: 'work_item_id', message: `${claimedBy(s)}: in pull mode only the claimer or an admin edits it` };
  }
  const next = write.assigneeId;
  if (next === undefined || next === held || next === '') return null;
  if (next !== s.callerId) return { field: 'assignee_id', message: NOBODY_ASSIGNS };
  if (heldByOther) {
    return { field: 'assignee_id', message: `${claimedBy(s)}: in pull mode it is released before anyone else claims it` };
  }
  return null;
}

/**
 * Null when the caller may give up the item's claim, else the refusal. Pull
 * mode or not, releasing is "unassign me": the assignee's own, or an admin's
 * for anyone. An unclaimed item releases to itself, for anyone.
 */
export function releaseRefusal(s: Omit<PullSubject, 'pullMode'>): PullRefusal | null {
  if (s.assigneeId === '' || s.assigneeId === s.callerId || s.callerIsAdmin) return null;
  return { field: 'work_item_id', message: `${claimedBy(s)}: only the claimer or an admin releases a claim` };
}
