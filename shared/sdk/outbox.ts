// Where writes wait for their reply. A write is stored here BEFORE it is sent
// and removed only when the server answered, so neither a dropped socket nor a
// page reload loses an edit; the connection replays what is left, in order,
// with the original message ids (the server answers a known id with its first
// reply and writes nothing).
import type { CommandName } from '../proto.ts';

/** What the caller and the SDK keep with a queued write. Must survive structured cloning (IndexedDB). */
export interface WriteMeta {
  command: CommandName;
  /** The project whose seq the write's Result advances ('' when unknown). */
  projectId: string;
  /** The caller's own data (say, the optimistic change this write stands for). */
  [key: string]: unknown;
}

export interface OutboxEntry {
  messageId: string;
  /** The encoded ClientFrame, replayed byte for byte. */
  frameBytes: Uint8Array;
  createdAt: number;
  meta: WriteMeta;
}

export interface Outbox {
  /** Entries not yet answered, in the order they were first put. */
  load(): Promise<OutboxEntry[]>;
  /** Stores an entry; putting a known message id again keeps its place. */
  put(entry: OutboxEntry): Promise<void>;
  delete(messageId: string): Promise<void>;
}

/** An outbox for tests and for pages that accept losing unsent writes on reload. */
export function makeMemoryOutbox(): Outbox {
  // A Map iterates in first-insertion order, and set() on a known key keeps that place.
  const entries = new Map<string, OutboxEntry>();
  return {
    async load() {
      return [...entries.values()];
    },
    async put(entry) {
      entries.set(entry.messageId, entry);
    },
    async delete(messageId) {
      entries.delete(messageId);
    },
  };
}
