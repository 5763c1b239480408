// "/timesheet": the signed-in person's logged time for a week, Monday to
// Sunday on their calendar: one row per item (opening it on its board), each
// day's total and the week's; the weeks before and after by `?week=`; and how
// many hours make "1d" on this device.
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Match, Show, Switch } from 'solid-js';
import { duration, HOURS_PER_DAY, hoursPerDay, setHoursPerDay } from '../store/hours-per-day.ts';
import { useLive } from '../store/live.ts';
import { addDays, weekFromAddress, type SheetTable } from '../store/model/timesheet.ts';
import { createTimesheet } from '../store/timesheet.ts';
import { localDay } from './due-dates.ts';
import '../styles/time.css';

/** A YYYY-MM-DD day in words ("Mon, Nov 30"), read at noon UTC so no zone moves it. */
function dayWords(day: string, options: Intl.DateTimeFormatOptions): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, 12)).toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}

const minutesOrNothing = (minutes: number) => (minutes > 0 ? duration(minutes) : '');

function Sheet(props: { table: SheetTable; today: string }) {
  const days = () => props.table.days;
  const isToday = (date: string) => date === props.today;
  return (
    <Show
      when={props.table.rows.length > 0}
      fallback={
        <p class="timesheet__note" data-testid="timesheet-empty">
          No time logged this week. Log work from an item's panel, or start its timer.
        </p>
      }
    >
      <div class="timesheet__scroll">
        <table class="timesheet__table" data-testid="timesheet-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <For each={days()}>
                {(day) => (
                  <th scope="col" classList={{ timesheet__today: isToday(day.date) }} data-date={day.date}>
                    {dayWords(day.date, { weekday: 'short', month: 'short', day: 'numeric' })}
                  </th>
                )}
              </For>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.table.rows}>
              {(row) => (
                <tr data-testid="timesheet-row" data-key={row.key}>
                  <th scope="row">
                    <A href={row.href} data-testid="timesheet-item">
                      <span class="timesheet__key">{row.key}</span>
                      {row.title}
                    </A>
                  </th>
                  <For each={row.minutes}>
                    {(minutes, i) => (
                      <td classList={{ timesheet__today: isToday(days()[i()]?.date ?? '') }} data-testid="timesheet-cell" data-date={days()[i()]?.date}>
                        {minutesOrNothing(minutes)}
                      </td>
                    )}
                  </For>
                  <td data-testid="timesheet-row-total">{duration(row.total)}</td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Day total</th>
              <For each={days()}>
                {(day) => (
                  <td classList={{ timesheet__today: isToday(day.date) }} data-testid="timesheet-day-total" data-date={day.date}>
                    {minutesOrNothing(day.total)}
                  </td>
                )}
              </For>
              <td data-testid="timesheet-total">{duration(props.table.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </Show>
  );
}

function HoursPerDay() {
  return (
    <label class="timesheet__hours" title="How many hours “1d” stands for in durations, on this device">
      Hours in a day
      <input
        class="field__input"
        type="number"
        min={HOURS_PER_DAY.min}
        max={HOURS_PER_DAY.max}
        step="0.5"
        value={hoursPerDay()}
        data-testid="hours-per-day"
        onChange={(e) => {
          // Anything else goes back to the value kept.
          if (!setHoursPerDay(e.currentTarget.value)) e.currentTarget.value = String(hoursPerDay());
        }}
      />
    </label>
  );
}

export function TimesheetPage() {
  const live = useLive();
  const [params, setParams] = useSearchParams<{ week?: string }>();
  const today = localDay();
  const week = createMemo(() => weekFromAddress(params.week, today));
  const view = createTimesheet(live, week);
  const table = () => {
    const v = view();
    return v.state === 'ready' ? v.table : null;
  };
  const failed = () => {
    const v = view();
    return v.state === 'error' ? v.message : null;
  };
  const go = (weeks: number) => setParams({ week: addDays(week(), 7 * weeks) });
  const title = () => `${dayWords(week(), { month: 'short', day: 'numeric' })} – ${dayWords(addDays(week(), 6), { month: 'short', day: 'numeric', year: 'numeric' })}`;
  return (
    <div class="page page--timesheet">
      <header class="page__header">
        <div>
          <p class="page__eyebrow">Your logged time</p>
          <h1 class="page__title">Timesheet</h1>
        </div>
      </header>
      <section class="panel timesheet" data-testid="timesheet" data-state={view().state} data-week={week()} aria-busy={view().state === 'loading'}>
        <div class="timesheet__bar">
          <button type="button" class="button" data-testid="timesheet-previous" onClick={() => go(-1)}>
            ← Previous week
          </button>
          <h2 class="timesheet__week" data-testid="timesheet-week">
            {title()}
          </h2>
          <button type="button" class="button" data-testid="timesheet-next" onClick={() => go(1)}>
            Next week →
          </button>
          <HoursPerDay />
        </div>
        <Switch>
          <Match when={table()}>{(ready) => <Sheet table={ready()} today={today} />}</Match>
          <Match when={failed()}>
            {(message) => (
              <p class="form-alert" role="alert" data-testid="timesheet-alert">
                {message()}
              </p>
            )}
          </Match>
          <Match when={live.status() === 'offline'}>
            <p class="timesheet__note">The timesheet is read from the server: it shows once Tandem is back online.</p>
          </Match>
          <Match when={true}>
            <p class="timesheet__note">Reading your week…</p>
          </Match>
        </Switch>
      </section>
    </div>
  );
}
