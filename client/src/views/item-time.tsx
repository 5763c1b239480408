// The item panel's Time section: the original and remaining estimates (typed
// as durations, saved through the item's ordinary update, cleared by
// emptying them or with Clear), the time logged (an epic's with the items
// under it too), the timer, the "Log work" form, the item's work logs, and
// the way to the person's timesheet (the top bar hides it on narrow windows).
// Durations in this device's days (store/hours-per-day.ts).
import { A } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { ItemType } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import { duration, hoursPerDay } from '../store/hours-per-day.ts';
import { useLive } from '../store/live.ts';
import { estimatePatch, readDuration } from '../store/model/estimates.ts';
import type { ItemPatch } from '../store/model/item-patch.ts';
import type { Card } from '../store/model/items.ts';
import { hasTime, NO_TIME, timeSentence } from '../store/model/time-totals.ts';
import { createTimer } from '../store/timer.ts';
import { createWorkLogs } from '../store/work-logs.ts';
import { DraftInput } from '../ui/draft-input.tsx';
import { epicTotals } from './time-marks.tsx';
import { TimerButton } from './timer-button.tsx';
import { WorkLogForm } from './work-log-form.tsx';
import { WorkLogList } from './work-log-list.tsx';
import '../styles/time.css';

function Estimate(props: {
  label: string;
  testId: string;
  minutes: number | null;
  editable: boolean;
  begin(): number;
  /** The typed text, against the version the edit began from. */
  save(text: string, base: number): void;
}) {
  const shown = () => (props.minutes === null ? '' : duration(props.minutes));
  return (
    <div class="item-field">
      <dt class="item-field__label">{props.label}</dt>
      <dd class="item-field__value">
        <Show when={props.editable} fallback={<span data-testid={props.testId}>{shown() || 'None'}</span>}>
          <div class="item-date">
            <DraftInput value={shown()} label={props.label} testId={`${props.testId}-input`} placeholder="None" class="time-input" begin={props.begin} commit={props.save} />
            <Show when={props.minutes !== null}>
              <button type="button" class="link-button" aria-label={`Clear the ${props.label.toLowerCase()}`} data-testid={`${props.testId}-clear`} onClick={() => props.save('', props.begin())}>
                Clear
              </button>
            </Show>
          </div>
        </Show>
      </dd>
    </div>
  );
}

export function ItemTime(props: {
  board: BoardSlice;
  item: Card;
  editable: boolean;
  /** Saves against the version the edit started from. */
  save(patch: ItemPatch, base: number): void;
}) {
  const live = useLive();
  const board = props.board;
  const item = () => props.item;
  const logs = createWorkLogs(live, board, item);
  const timer = createTimer(live, board);
  const [logging, setLogging] = createSignal(false);
  const [problem, setProblem] = createSignal('');
  let shown = true;
  onCleanup(() => (shown = false));
  // A refusal may come after the panel closed (a write queued offline): then a toast says it.
  const say = (words: string | null) => {
    if (!words) return;
    if (shown) setProblem(words);
    else live.toasts.show(words);
  };
  const begin = () => board.baseVersion(item().id);
  const saveEstimate = (which: 'original' | 'remaining') => (text: string, base: number) => {
    setProblem('');
    const typed = readDuration(text, hoursPerDay());
    if (!typed.ok) return say(typed.problem);
    props.save(estimatePatch(item(), which, typed.minutes), base);
  };
  const epic = () => {
    if (item().itemType !== ItemType.ITEM_TYPE_EPIC) return null;
    const total = epicTotals(board.items()).get(item().id) ?? NO_TIME;
    return hasTime(total) ? total : null;
  };

  return (
    <section class="item-section" aria-labelledby="item-time-title" data-testid="item-time">
      <div class="item-section__bar">
        <h2 id="item-time-title" class="item-section__title">
          Time
        </h2>
        <Show when={props.editable}>
          <TimerButton timer={timer} board={board} item={item()} say={say} />
        </Show>
      </div>
      <Show when={problem()}>
        <p class="form-alert" role="alert" data-testid="time-error">
          {problem()}
        </p>
      </Show>
      <dl class="item-fields">
        <Estimate
          label="Original estimate"
          testId="item-original-estimate"
          minutes={item().hasOriginalEstimate ? Number(item().originalEstimateMinutes ?? 0) : null}
          editable={props.editable}
          begin={begin}
          save={saveEstimate('original')}
        />
        <Estimate
          label="Remaining estimate"
          testId="item-remaining-estimate"
          minutes={item().hasRemainingEstimate ? Number(item().remainingEstimateMinutes ?? 0) : null}
          editable={props.editable}
          begin={begin}
          save={saveEstimate('remaining')}
        />
        <div class="item-field">
          <dt class="item-field__label">Time logged</dt>
          <dd class="item-field__value" data-testid="item-logged">
            {duration(Number(item().loggedMinutes ?? 0))}
          </dd>
        </div>
      </dl>
      <Show when={epic()}>
        {(total) => (
          <p class="item-muted time-epic" data-testid="item-epic-time">
            With the items under it: {timeSentence(total(), hoursPerDay())}
          </p>
        )}
      </Show>
      <Show
        when={logging()}
        fallback={
          <div class="time-actions">
            <Show when={props.editable}>
              <button type="button" class="link-button" data-testid="log-work" onClick={() => setLogging(true)}>
                + Log work
              </button>
            </Show>
            <A href="/timesheet" class="link-button" data-testid="item-timesheet-link">
              Your timesheet
            </A>
          </div>
        }
      >
        <WorkLogForm logs={logs} close={() => setLogging(false)} say={say} />
      </Show>
      <WorkLogList board={board} logs={logs} me={live.session.user.id} say={say} />
    </section>
  );
}
