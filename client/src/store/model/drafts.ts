// Half-written text of a work item (its description, a new comment), kept on
// this device until it is saved or discarded on purpose: which drafts there
// are, whom a stored draft belongs to, and which text is worth keeping. No
// storage and no Solid here (drafts.ts keeps them).

/** Each kind of draft with what makes it worth keeping. */
const KINDS = {
  /** Kept while it differs from the description it was started from. */
  description: (draft: Draft) => draft.text !== draft.base?.text,
  /** Kept while there is something in it. */
  comment: (draft: Draft) => draft.text.trim() !== '',
} satisfies Record<string, (draft: Draft) => boolean>;

export type DraftKind = keyof typeof KINDS;

export interface Draft {
  text: string;
  /**
   * What an edit of a field started from: its version and its text then. A
   * draft saved later is sent against that version, so a change someone else
   * made meanwhile is a conflict to resolve, not overwritten.
   */
  base?: { version: number; text: string };
}

/** Whose drafts: one person in one workspace (another account on this browser never sees them). */
export interface DraftOwner {
  tenantId: string;
  userId: string;
}

const PREFIX = 'tandem.draft';

/** The storage key of one draft: person, workspace, item and kind. */
export const draftKey = (owner: DraftOwner, itemId: string, kind: DraftKind): string =>
  [PREFIX, owner.tenantId, owner.userId, itemId, kind].map(encodeURIComponent).join(':');

export const worthKeeping = (kind: DraftKind, draft: Draft): boolean => KINDS[kind](draft);

export const encodeDraft = (draft: Draft): string => JSON.stringify(draft);

/** A stored draft, or null for anything that is not one (a key written by an older page, a hand edit). */
export function decodeDraft(raw: string | null): Draft | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { text, base } = value as Record<string, unknown>;
  if (typeof text !== 'string') return null;
  if (base === undefined) return { text };
  const b = base as Record<string, unknown> | null;
  if (typeof b?.['version'] !== 'number' || typeof b['text'] !== 'string') return null;
  return { text, base: { version: b['version'], text: b['text'] } };
}
