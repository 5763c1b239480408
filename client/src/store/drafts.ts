// The drafts of one person in one workspace, kept in this device's
// localStorage (model/drafts.ts says whose they are and which are worth
// keeping), so closing an item's panel or reloading the page loses no text.
import type { DeviceStorage } from './device-storage.ts';
import { decodeDraft, draftKey, encodeDraft, worthKeeping, type Draft, type DraftKind, type DraftOwner } from './model/drafts.ts';

export interface DraftStore {
  read(itemId: string, kind: DraftKind): Draft | null;
  /** Keeps `draft`, or forgets the one kept when this one is not worth keeping (back to where it started, emptied). */
  write(itemId: string, kind: DraftKind, draft: Draft): void;
  /** Forgets it: saved, or discarded on purpose. */
  discard(itemId: string, kind: DraftKind): void;
}

export function makeDraftStore(storage: DeviceStorage, owner: DraftOwner): DraftStore {
  const key = (itemId: string, kind: DraftKind) => draftKey(owner, itemId, kind);
  return {
    read: (itemId, kind) => decodeDraft(storage.get(key(itemId, kind))),
    write(itemId, kind, draft) {
      if (worthKeeping(kind, draft)) storage.set(key(itemId, kind), encodeDraft(draft));
      else storage.remove(key(itemId, kind));
    },
    discard: (itemId, kind) => storage.remove(key(itemId, kind)),
  };
}
