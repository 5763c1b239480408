// Saves the board a slice shows into the device's board cache while it is
// live: at once when it first is (so going offline right after a load still
// leaves a copy), then at most every SAVE_EVERY_MS as events change it, and
// once more when the page leaves the board. The seq saved is the feed's: every
// event up to it is in the state saved, so catching up from it misses nothing.
import { createEffect, onCleanup, type Accessor } from 'solid-js';
import type { IBoard } from '../sync/board-cache.ts';
import type { Live } from './live.ts';

const SAVE_EVERY_MS = 1500;

export interface SnapshotSource {
  projectKey: Accessor<string>;
  projectId: Accessor<string>;
  /** True while the board shown is the server's (not a saved copy, not loading). */
  live: Accessor<boolean>;
  /** The board as get_board would answer now (server state only: pending writes live in the outbox). */
  board: Accessor<IBoard>;
}

export function saveThrottled(live: Pick<Live, 'boardCache' | 'feed'>, source: SnapshotSource): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSaved = 0;

  const saveNow = () => {
    timer = undefined;
    const projectId = source.projectId();
    const projectKey = source.projectKey();
    const seq = live.feed.lastSeq(projectId);
    if (!source.live() || seq === undefined || !projectKey) return;
    lastSaved = Date.now();
    live.boardCache
      .save({ projectKey, projectId, seq, savedAt: lastSaved, board: source.board() })
      .catch(() => undefined); // a full or blocked store costs the offline copy, never the live board
  };

  createEffect(() => {
    if (!source.live()) return;
    source.board(); // every change to what would be saved
    if (timer !== undefined) return;
    timer = setTimeout(saveNow, Math.max(0, lastSaved + SAVE_EVERY_MS - Date.now()));
  });

  onCleanup(() => {
    if (timer === undefined) return;
    clearTimeout(timer);
    saveNow();
  });
}
