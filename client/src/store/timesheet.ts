// The Timesheet page's week: get_timesheet for the signed-in person, in their
// time zone, whenever the week changes and on every open of the socket (so
// time logged meanwhile shows after a reconnect).
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import { ConnectionError } from '../../../shared/sdk/index.ts';
import type { Live } from './live.ts';
import { plainError } from './model/plain-error.ts';
import { sheetTable, utcOffsetOn, type SheetTable } from './model/timesheet.ts';

export type TimesheetView = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; weekStart: string; table: SheetTable };

export function createTimesheet(live: Live, weekStart: Accessor<string>): Accessor<TimesheetView> {
  const [view, setView] = createSignal<TimesheetView>({ state: 'loading' });
  /** Bumped per request: the answer for a week left behind must not land. */
  let generation = 0;
  createEffect(
    on([weekStart, live.open], ([week, open]) => {
      const mine = ++generation;
      // The week shown stays while it is read again; another week is not shown under this one's title.
      const shown = view();
      if (shown.state !== 'ready' || shown.weekStart !== week) setView({ state: 'loading' });
      if (!open) return;
      live.connection.request({ getTimesheet: { weekStart: week, utcOffsetMinutes: utcOffsetOn(week) } }).then(
        (result) => {
          if (mine !== generation) return;
          if (!result.timesheet) return setView({ state: 'error', message: 'The server answered without the timesheet.' });
          setView({ state: 'ready', weekStart: week, table: sheetTable(result.timesheet) });
        },
        (err: unknown) => {
          // A dropped socket: the next open asks again.
          if (mine === generation && !(err instanceof ConnectionError)) setView({ state: 'error', message: plainError('read your timesheet', err) });
        },
      );
    }),
  );
  return view;
}
