// How the board of one project gets onto the page and stays current: the
// copy saved on this device first (so a reload without a network shows it,
// marked as such), get_board once the socket is open, then the project's feed
// from the board's seq (or the saved copy's, to catch up); the whole board
// again when the feed cannot catch up (a resync), and a clean slate when the
// page moves to another project. The state is saved on the device as it
// changes (board-snapshots.ts).
//
// A first open asks for the first screen only (the first cards of each
// column, GetBoard.first_cards_per_column): on a board of thousands of cards
// the whole reply takes the server most of 200 ms to read and encode, the
// first screen a few. Once that is painted, the whole board follows, and
// replaces it as a resync's board would; the device saves only whole boards.
import { batch, createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { IEvent } from '../../../shared/proto.ts';
import { ConnectionError } from '../../../shared/sdk/index.ts';
import type { BoardSnapshot } from '../sync/board-cache.ts';
import { saveThrottled } from './board-snapshots.ts';
import { makeEventBatcher } from './event-batch.ts';
import type { Live } from './live.ts';
import { plainError } from './model/plain-error.ts';
import { applyEvent, boardOfModel, modelOfBoard, type IBoard } from './model/project.ts';
import type { ProjectState } from './project-state.ts';

export type BoardLoad = { state: 'loading' } | { state: 'ready' } | { state: 'missing' } | { state: 'error'; message: string };

/** More than a column shows on the tallest screen, so the first screen needs nothing of the rest. */
export const FIRST_CARDS_PER_COLUMN = 50;

/** The writes shown over the board (item-commands.ts), as the board comes and goes. */
export interface PendingWrites {
  /** Shows the writes for project `projectId` that wait in the outbox and are not shown yet. */
  showQueued(projectId: string): void;
  /** Another project is opening: nothing shown for the last one may stay. */
  clear(): void;
}

export interface BoardLifecycle {
  load: Accessor<BoardLoad>;
  /** When the board shown was saved on this device (epoch ms), while it is that copy and not yet caught up; null when live. */
  savedCopyAt: Accessor<number | null>;
  /** The board shown is a first screen: a column holding FIRST_CARDS_PER_COLUMN cards may have more, until the whole board lands. */
  partial: Accessor<boolean>;
  /** Applies the events waiting for their frame now: a reply must land after the events that came before it. */
  flushEvents(): void;
  /** Every event of this project's feed, after the board has applied it. */
  onEvent(listener: (event: IEvent) => void): () => void;
}

export function createBoardLifecycle(live: Live, projectKey: Accessor<string>, state: ProjectState, writes: PendingWrites): BoardLifecycle {
  const [load, setLoad] = createSignal<BoardLoad>({ state: 'loading' });
  const [savedCopyAt, setSavedCopyAt] = createSignal<number | null>(null);
  /** The board shown is a first screen (some cards left out) until the whole one lands. */
  const [partial, setPartial] = createSignal(false);
  /** The project key the device has no saved board for (so offline there is nothing to show). */
  const [noSavedCopy, setNoSavedCopy] = createSignal<string | null>(null);
  /** The seq of the saved copy shown: the feed catches up from there. */
  let savedSeq = 0;
  const listeners = new Set<(event: IEvent) => void>();
  let stopWatching: (() => void) | null = null;
  /** Bumped per fetch: a slow get_board for a project we left must not land. */
  let fetchGeneration = 0;
  const projectId = () => state.project()?.id ?? '';

  const showBoard = (id: string, board: IBoard) =>
    batch(() => {
      state.set(modelOfBoard(board, state.project()));
      // Writes still in the outbox from before a reload are shown as pending until their replies come.
      writes.showQueued(id);
      setLoad({ state: 'ready' });
    });

  // Events that arrive between two frames are applied together: one recompute and render per frame, not per event.
  const events = makeEventBatcher((list) => {
    let model = state.model();
    for (const event of list) {
      const next = applyEvent(model, event);
      // Not enough to lay on what is held (a partial item for an item we lack): the whole board, as after RESYNC.
      if (next) model = next;
      else live.feed.resync(event.projectId ?? '');
    }
    state.set(model);
    for (const event of list) for (const l of listeners) l(event);
  });

  /** Follows the project's events after `seq`; a saved copy counts as live once the server took the subscription. */
  const watchFrom = (id: string, seq: number) => {
    stopWatching?.();
    events.drop();
    stopWatching = live.feed.watch(id, seq, {
      onEvent: (event) => events.push(event),
      // The log cannot catch us up: the whole board again, then the feed from its seq.
      onResync: () => fetchBoard(id),
      onSubscribed: () => setSavedCopyAt(null),
    });
  };

  const fetchBoard = (id: string, firstScreen = false) => {
    const generation = ++fetchGeneration;
    const firstCardsPerColumn = firstScreen ? FIRST_CARDS_PER_COLUMN : 0;
    live.connection.request({ getBoard: { projectId: id, omitDescriptions: true, firstCardsPerColumn } }).then(
      (result) => {
        if (generation !== fetchGeneration) return;
        const board = result.board;
        if (!board) return setLoad({ state: 'error', message: 'The server answered without the board.' });
        // Events still waiting are older than this board: applied first, so none lands on top of it later.
        events.flush();
        const leftOut = (board.itemsLeftOut ?? 0) > 0;
        batch(() => {
          showBoard(id, board);
          setSavedCopyAt(null);
          setPartial(leftOut);
        });
        watchFrom(id, Number(board.seq ?? 0));
        if (leftOut) afterPaint(() => generation === fetchGeneration && fetchBoard(id));
      },
      (err: unknown) => {
        if (generation !== fetchGeneration) return;
        // A dropped socket: the effect below fetches again on the next open.
        if (err instanceof ConnectionError) return;
        // The first screen stays: better than an error page, and the next reconnect asks again.
        if (!firstScreen && partial()) return live.toasts.show(plainError('load the rest of the board', err));
        setLoad({ state: 'error', message: plainError('load the board', err) });
      },
    );
  };

  /** The saved copy of a project, shown while nothing fresher has arrived (offline, or a slow first load). */
  const showSaved = (snapshot: BoardSnapshot) => {
    if (snapshot.projectKey !== projectKey() || load().state !== 'loading') return;
    savedSeq = snapshot.seq;
    batch(() => {
      showBoard(snapshot.projectId, snapshot.board);
      setSavedCopyAt(snapshot.savedAt);
    });
  };

  const startLoading = () =>
    batch(() => {
      setLoad({ state: 'loading' });
      setSavedCopyAt(null);
      setPartial(false);
      writes.clear();
    });

  createEffect(
    on(projectKey, (key) => {
      const shown = state.project();
      if (shown && shown.key !== key) {
        // Another project in the same page: nothing of the last one may stay on screen (offline, nothing else would clear it).
        stopWatching?.();
        stopWatching = null;
        events.drop();
        fetchGeneration++;
        startLoading();
      }
      setNoSavedCopy(null);
      const noCopy = () => projectKey() === key && setNoSavedCopy(key);
      live.boardCache.load(key).then((snapshot) => (snapshot ? showSaved(snapshot) : noCopy()), noCopy);
    }),
  );
  // Offline with nothing saved: say so rather than load forever. The next open fetches it (a failed load is retried).
  createEffect(() => {
    if (noSavedCopy() !== projectKey() || load().state !== 'loading' || live.status() !== 'offline') return;
    setLoad({ state: 'error', message: 'You are offline, and this board has not been opened on this device before, so there is no saved copy to show. It loads as soon as the connection is back.' });
  });

  // Open a project once the socket is open and the key is known; again when the key changes.
  createEffect(
    on([projectKey, live.open, live.projects.list], ([key, open, list], before) => {
      if (!open || !list) return;
      const found = list.find((p) => p.key === key) ?? list.find((p) => (p.formerKeys ?? []).includes(key));
      if (!found) {
        // Gone, or no longer ours: its saved copy must not be shown again either.
        live.boardCache.forget(key).catch(() => undefined);
        return batch(() => {
          setSavedCopyAt(null);
          setLoad({ state: 'missing' });
        });
      }
      if (found.id === projectId() && load().state !== 'missing') {
        // A saved copy catches up from its seq (or the feed asks for a resync when that is too old).
        if (savedCopyAt() !== null && !stopWatching) return watchFrom(found.id ?? '', savedSeq);
        // Same project after a reconnect: the feed catches up by seq; only a failed first load is retried.
        if (load().state === 'error' || (load().state === 'loading' && !stopWatching)) fetchBoard(found.id ?? '', true);
        // A first screen whose whole board a dropped socket never brought (asked again on the reopen only, not on every list change).
        else if (partial() && load().state === 'ready' && before && !before[1]) fetchBoard(found.id ?? '');
        return;
      }
      batch(() => {
        state.set({ ...state.model(), project: found });
        startLoading();
      });
      fetchBoard(found.id ?? '', true);
    }),
  );

  // The outbox a previous page left loads asynchronously, and may come after
  // the board (a saved copy shown offline): its writes join the view when it does.
  createEffect(
    on(live.pendingWrites, () => {
      if (projectId() && load().state === 'ready') writes.showQueued(projectId());
    }),
  );

  saveWhileLive(live, state, () => load().state === 'ready' && !partial(), () => savedCopyAt() === null, events.appliedSeq);

  onCleanup(() => {
    stopWatching?.();
    events.drop();
    fetchGeneration++;
  });

  return {
    load,
    savedCopyAt,
    partial,
    flushEvents: events.flush,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Saves the board on the device while it is the server's (`ready`, and not a
 * saved copy still catching up). The first save (encoding every item) waits
 * for the frame that shows the board, rather than delaying it.
 */
/** Runs `fn` once the frame after this one is painted; a hidden tab has no frames, so a moment later at the latest. */
function afterPaint(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    fn();
  };
  const fallback = setTimeout(once, 250);
  requestAnimationFrame(() => setTimeout(once));
}

function saveWhileLive(
  live: Live,
  state: ProjectState,
  ready: Accessor<boolean>,
  caughtUp: Accessor<boolean>,
  appliedSeq: (feedSeq: number | undefined) => number | undefined,
) {
  const [painted, setPainted] = createSignal(false);
  createEffect(
    on(ready, (isReady) => {
      if (!isReady) return setPainted(false);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true))));
      // A hidden tab has no frames: then a moment later instead.
      const fallback = setTimeout(() => setPainted(true), 250);
      onCleanup(() => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        clearTimeout(fallback);
      });
    }),
  );
  // The saved seq must not count events still waiting for their frame (the copy would skip them on catch-up).
  const feed: Live['feed'] = { ...live.feed, lastSeq: (id) => appliedSeq(live.feed.lastSeq(id)) };
  saveThrottled({ boardCache: live.boardCache, feed }, {
    // The key of the board held, not of the URL: the two differ for a moment when the page moves to another project.
    projectKey: () => state.project()?.key ?? '',
    projectId: () => state.project()?.id ?? '',
    live: () => ready() && caughtUp() && painted(),
    board: () => boardOfModel(state.model()),
  });
}
