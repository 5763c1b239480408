// The person's timer, which the server holds (one per person, kept across
// reloads, devices and restarts): get_timer on every open of the socket, so a
// page loaded or reconnected shows one started elsewhere. Start and stop are
// writes through the board's send path, shown at once, queued while offline
// and taken back on a refusal, which the caller is given in words.
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { Command } from '../../../shared/protocol/commands.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import type { BoardSlice } from './board.ts';
import type { Live } from './live.ts';
import { plainError } from './model/plain-error.ts';
import { timerAfterReply, timerView, type RunningTimer, type TimerOp } from './model/timer.ts';
import { createOpList } from './writes.ts';

export interface TimerSlice {
  timer: Accessor<RunningTimer | null>;
  /** Epoch ms, moving once a second while a timer runs. */
  now: Accessor<number>;
  /** Each resolves with the refusal in words, or null once sent. */
  start(itemId: string): Promise<string | null>;
  stop(discard: boolean): Promise<string | null>;
}

const TICK_MS = 1000;

export function createTimer(live: Live, board: BoardSlice): TimerSlice {
  const [confirmed, setConfirmed] = createSignal<RunningTimer | null>(null);
  const pending = createOpList<TimerOp>();
  const timer = createMemo(() => timerView(confirmed(), pending.ops()));
  const [now, setNow] = createSignal(Date.now());

  createEffect(on(live.open, (open) => open && live.connection.request({ getTimer: {} }).catch(() => undefined)));
  const offReply = live.connection.onReply((reply) => setConfirmed((t) => timerAfterReply(t, reply)));
  onCleanup(offReply);
  createEffect(() => {
    if (!timer()) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), TICK_MS);
    onCleanup(() => clearInterval(tick));
  });

  // No project named: stopping logs on the timer's item, which may be another project's, and its seq must not count as this board's.
  const send = async (command: Command, action: string, op: TimerOp): Promise<string | null> => {
    const outcome = await board.send({ command, action, op, into: pending });
    return outcome.kind === 'saved' || outcome.kind === 'queued' ? null : plainError(action, outcome.error);
  };

  return {
    timer,
    now,
    start: (itemId) => send({ startTimer: { workItemId: itemId } }, 'start the timer', { kind: 'start', messageId: randomId(), workItemId: itemId, startedAt: Date.now() }),
    stop: (discard) => send({ stopTimer: { note: '', discard } }, discard ? 'discard the timer' : 'stop the timer', { kind: 'stop', messageId: randomId() }),
  };
}
