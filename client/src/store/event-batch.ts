// Remote events applied once per frame rather than once per socket message:
// a busy board (100 changes a second from other people) then recomputes its
// columns and re-renders once for all the events that arrived since the last
// frame, in the order the feed handed them on. Plain (no Solid): the caller
// applies the batch, inside one Solid `batch`.
import type { IEvent } from '../../../shared/proto.ts';

export interface EventBatcher {
  /** Queues an event (already deduplicated and in seq order by the feed). */
  push(event: IEvent): void;
  /** Applies everything queued now (before a whole board replaces the state, say). */
  flush(): void;
  /** Forgets what is queued (the board stopped watching its project). */
  drop(): void;
  /**
   * The seq up to which events have been applied, given the feed's: lower
   * than the feed's while events wait here, so a board saved meanwhile never
   * claims a seq whose events it does not hold.
   */
  appliedSeq(feedSeq: number | undefined): number | undefined;
}

export interface BatchScheduler {
  /** Calls `run` before the next frame. Returns a cancel. */
  frame(run: () => void): () => void;
  /** Calls `run` after `ms` (a hidden tab has no frames). Returns a cancel. */
  later(run: () => void, ms: number): () => void;
}

export const browserScheduler: BatchScheduler = {
  frame(run) {
    const id = requestAnimationFrame(run);
    return () => cancelAnimationFrame(id);
  },
  later(run, ms) {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};

/** How long events may wait when no frame comes (a hidden tab). */
const AT_MOST_MS = 100;

export function makeEventBatcher(apply: (events: readonly IEvent[]) => void, scheduler: BatchScheduler = browserScheduler): EventBatcher {
  let queue: IEvent[] = [];
  let cancels: Array<() => void> = [];
  const unschedule = () => {
    for (const cancel of cancels) cancel();
    cancels = [];
  };
  const flush = () => {
    unschedule();
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    apply(events);
  };
  return {
    push(event) {
      queue.push(event);
      if (cancels.length === 0) cancels = [scheduler.frame(flush), scheduler.later(flush, AT_MOST_MS)];
    },
    flush,
    drop() {
      unschedule();
      queue = [];
    },
    appliedSeq(feedSeq) {
      const first = queue[0];
      if (!first || feedSeq === undefined) return feedSeq;
      return Math.min(feedSeq, Number(first.seq ?? 0) - 1);
    },
  };
}
