// One report of the open project, kept live: get_report when the request or
// the project changes and when the socket opens again, and once more shortly
// after the project's feed brings an event newer than the report's seq (the
// board slice applies the feed; this only listens). Nothing is polled.
import { createEffect, createMemo, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import type { IEvent, IReport } from '../../../shared/proto.ts';
import { ConnectionError } from '../../../shared/sdk/index.ts';
import type { BoardSlice } from './board.ts';
import type { Live } from './live.ts';
import { plainError } from './model/plain-error.ts';
import { reportCommand, sameRequest, type ReportRequest } from './model/report-request.ts';

export type ReportView =
  /** Nothing to ask for (a burndown with no sprint chosen and none active). */
  | { state: 'idle' }
  | { state: 'loading' }
  /** No socket and nothing shown yet: reports are worked out on the server. */
  | { state: 'offline' }
  | { state: 'error'; message: string }
  | { state: 'ready'; report: IReport };

/** The project the report is of, and its events as the board has applied them. */
export interface ReportSource {
  projectId: Accessor<string>;
  onEvent(listener: (event: IEvent) => void): () => void;
}

/** The open project's board as the source of its reports: the same feed the board follows. */
export const reportSourceOf = (board: Pick<BoardSlice, 'project' | 'onEvent'>): ReportSource => ({
  projectId: () => board.project()?.id ?? '',
  onEvent: board.onEvent,
});

/**
 * Events that come in a burst (a sprint completed moves every unfinished
 * item) are answered by one request: the first one starts the wait, the
 * rest join it. Waiting from the first rather than the last keeps a busy
 * project's report from never updating.
 */
const GATHER_MS = 300;

export function createReport(live: Live, source: ReportSource, request: Accessor<ReportRequest | null>): Accessor<ReportView> {
  const [view, setView] = createSignal<ReportView>({ state: 'loading' });
  const asked = createMemo(request, null, { equals: sameRequest });
  /** Bumped per request: an answer to an older one (another sprint, a range since changed) must not land. */
  let generation = 0;
  /** The project seq the report shown reflects; -1 while there is none, so any event asks. */
  let shownSeq = -1;
  let gathering: ReturnType<typeof setTimeout> | undefined;

  const ask = () => {
    clearTimeout(gathering);
    gathering = undefined;
    const projectId = untrack(source.projectId);
    const wanted = untrack(asked);
    if (!projectId || !wanted) return;
    const mine = ++generation;
    live.connection.request({ getReport: reportCommand(projectId, wanted, new Date()) }).then(
      (result) => {
        if (mine !== generation) return;
        if (!result.report) return setView({ state: 'error', message: 'The server answered without the report.' });
        shownSeq = Number(result.report.seq ?? 0);
        setView({ state: 'ready', report: result.report });
      },
      (err: unknown) => {
        if (mine !== generation) return;
        if (!(err instanceof ConnectionError)) return setView({ state: 'error', message: plainError('work out the report', err) });
        // A report already shown stays (the page says it is offline); the next open asks again.
        if (view().state !== 'ready') setView({ state: 'offline' });
      },
    );
  };

  createEffect(
    on([source.projectId, asked], ([projectId, wanted]) => {
      generation++;
      shownSeq = -1;
      if (!projectId) return setView({ state: 'loading' });
      if (!wanted) return setView({ state: 'idle' });
      setView(untrack(live.open) ? { state: 'loading' } : { state: 'offline' });
      ask();
    }),
  );
  // Back online: whatever happened meanwhile is in the answer.
  createEffect(on(live.open, (open) => open && ask(), { defer: true }));

  const offEvents = source.onEvent((event) => {
    if (Number(event.seq ?? 0) <= shownSeq || gathering !== undefined) return;
    gathering = setTimeout(ask, GATHER_MS);
  });
  onCleanup(() => {
    offEvents();
    clearTimeout(gathering);
    generation++;
  });
  return view;
}
