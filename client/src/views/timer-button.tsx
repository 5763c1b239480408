// The item panel's timer: Start on this item; while it runs here, Stop (which
// logs the time it ran) with its running time, and Discard; while it runs on
// another item, which one, since starting here stops that one and logs it.
import { Show } from 'solid-js';
import type { BoardSlice } from '../store/board.ts';
import type { Card } from '../store/model/items.ts';
import { runningTime } from '../store/model/timer.ts';
import type { TimerSlice } from '../store/timer.ts';

export function TimerButton(props: { timer: TimerSlice; board: BoardSlice; item: Card; say(words: string | null): void }) {
  const running = () => props.timer.timer();
  const here = () => running()?.workItemId === props.item.id;
  const clock = () => runningTime(props.timer.now() - (running()?.startedAt ?? 0));
  const elsewhere = () => {
    const other = running();
    return other && !here() ? props.board.items().get(other.workItemId)?.key || 'another item' : null;
  };
  return (
    <div class="timer" data-testid="timer" data-running={here() ? 'true' : undefined}>
      <Show when={elsewhere()}>
        {(key) => (
          <span class="timer__elsewhere" data-testid="timer-elsewhere" title="Starting it here stops that one and logs its time">
            Your timer runs on {key()}
          </span>
        )}
      </Show>
      <Show
        when={here()}
        fallback={
          <button type="button" class="button" data-testid="timer-start" onClick={() => void props.timer.start(props.item.id).then(props.say)}>
            Start timer
          </button>
        }
      >
        <button type="button" class="link-button" data-testid="timer-discard" title="Stop without logging" onClick={() => void props.timer.stop(true).then(props.say)}>
          Discard
        </button>
        <button
          type="button"
          class="button button--primary"
          data-testid="timer-stop"
          title="Stop the timer and log its time"
          onClick={() => void props.timer.stop(false).then(props.say)}
        >
          Stop
          <span class="timer__clock" data-testid="timer-clock">
            {clock()}
          </span>
        </button>
      </Show>
    </div>
  );
}
