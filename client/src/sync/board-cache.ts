// The last board state of each project a person opened, kept on the device so
// a reload without a network still shows the cards (marked as a saved copy),
// and the feed can catch up from the seq the copy is at instead of fetching
// the whole board again. A snapshot is the get_board answer rebuilt from what
// the board slice holds, stored as protobuf bytes: the wire's own encoding
// keeps int64s and enums exact, which a structured clone of decoded objects
// would not.
import type { tandem } from '../../../shared/gen/tandem.js';
import { pb } from '../../../shared/proto.ts';

export type IBoard = tandem.v1.IBoard;

export interface BoardSnapshot {
  projectKey: string;
  projectId: string;
  /** The project's event seq this state includes everything up to. */
  seq: number;
  /** When it was taken (epoch ms), for saying how old a saved copy is. */
  savedAt: number;
  board: IBoard;
}

/** Saved boards of one person in one workspace (one store per user and tenant). */
export interface BoardCache {
  /** The saved board of a project, by key: offline there is no project list to turn a key into an id. */
  load(projectKey: string): Promise<BoardSnapshot | null>;
  save(snapshot: BoardSnapshot): Promise<void>;
  /** Forgets one project (the person lost access to it). */
  forget(projectKey: string): Promise<void>;
  /** Forgets everything (at logout). */
  clear(): Promise<void>;
}

/** What is stored: the board as protobuf bytes beside the fields looked up without decoding. */
export interface StoredBoard {
  projectKey: string;
  projectId: string;
  seq: number;
  savedAt: number;
  boardBytes: Uint8Array;
}

export function toStored(snapshot: BoardSnapshot): StoredBoard {
  const { board, ...rest } = snapshot;
  // Stored at the snapshot's seq whatever the board object says.
  return { ...rest, boardBytes: pb.Board.encode({ ...board, seq: snapshot.seq }).finish() };
}

/** Null for a row this build cannot read (an older schema, bytes cut short): a cache miss, never a crash. */
export function fromStored(row: StoredBoard | null | undefined): BoardSnapshot | null {
  if (!row || !(row.boardBytes instanceof Uint8Array) || typeof row.projectKey !== 'string') return null;
  try {
    const board = pb.Board.decode(row.boardBytes);
    return { projectKey: row.projectKey, projectId: row.projectId, seq: Number(row.seq), savedAt: Number(row.savedAt), board };
  } catch {
    return null;
  }
}

/** The same store in memory, for tests. */
export function makeMemoryBoardCache(): BoardCache {
  const rows = new Map<string, StoredBoard>();
  return {
    async load(projectKey) {
      return fromStored(rows.get(projectKey));
    },
    async save(snapshot) {
      rows.set(snapshot.projectKey, toStored(snapshot));
    },
    async forget(projectKey) {
      rows.delete(projectKey);
    },
    async clear() {
      rows.clear();
    },
  };
}
