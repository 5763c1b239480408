// Saves the board a slice shows into the device's board cache while it is
// live: at once when it first is (so going offline right after a load still
// leaves a copy), then at most every SAVE_EVERY_MS as events change it, when
// the page is idle, and once more when the page leaves the board. The seq saved is the feed's: every
// event up to it is in the state saved, so catching up from it misses nothing.
import { createEffect, onCleanup, type Accessor } from 'solid-js';
import type { IBoard } from '../sync/board-cache.ts';
import type { Live } from './live.ts';

// Encoding a big board takes tens of milliseconds on the main thread, a
// dropped frame each time: a copy a few seconds old is as good offline (the
// outbox holds this person's own edits, and back online the board catches up
// from the copy's seq), so it is saved seldom, and when the page is idle.
const SAVE_EVERY_MS = 5000;
const IDLE_WAIT_MS = 1000;

/** Runs fn when the main thread is idle (within IDLE_WAIT_MS), where the browser can tell. */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: IDLE_WAIT_MS });
  else fn();
}

export interface SnapshotSource {
  projectKey: Accessor<string>;
  projectId: Accessor<string>;
  /** True while the board shown is the server's (not a saved copy, not loading). */
  live: Accessor<boolean>;
  /** The board as get_board would answer now (server state only: pending writes live in the outbox). */
  board: Accessor<IBoard>;
}

export function saveThrottled(live: Pick<Live, 'boardCache' | 'feed'>, source: SnapshotSource): void {
  /** A save is due (waiting for its time, then for an idle moment). */
  let due = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSaved = 0;

  const saveNow = () => {
    if (!due) return;
    due = false;
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
    if (due) return;
    due = true;
    timer = setTimeout(() => whenIdle(saveNow), Math.max(0, lastSaved + SAVE_EVERY_MS - Date.now()));
  });

  onCleanup(() => {
    clearTimeout(timer);
    saveNow();
  });
}
