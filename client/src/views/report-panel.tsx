// The frame of one report on the Reports page: its title and controls, then
// the report, or words for why there is none (loading, offline, refused,
// nothing to show yet).
import { Match, Show, Switch, type Accessor, type JSX } from 'solid-js';
import type { IReport } from '../../../shared/proto.ts';
import { useLive } from '../store/live.ts';
import type { ReportView } from '../store/reports.ts';

export function ReportPanel(props: {
  title: string;
  testId: string;
  view: ReportView;
  controls?: JSX.Element;
  /** What to say when there is nothing to ask for (the view is idle). */
  idle?: JSX.Element;
  children: (report: Accessor<IReport>) => JSX.Element;
}) {
  const live = useLive();
  const report = () => (props.view.state === 'ready' ? props.view.report : null);
  const error = () => (props.view.state === 'error' ? props.view.message : null);
  const headingId = `${props.testId}-title`;
  return (
    <section
      class="panel report"
      aria-labelledby={headingId}
      data-testid={props.testId}
      data-state={props.view.state}
      data-seq={report() ? Number(report()!.seq ?? 0) : undefined}
    >
      <header class="report__header">
        <h2 class="report__title" id={headingId}>
          {props.title}
        </h2>
        <div class="report__controls">{props.controls}</div>
      </header>
      <Switch>
        <Match when={props.view.state === 'loading'}>
          <div class="report__skeleton" aria-hidden="true" />
        </Match>
        <Match when={props.view.state === 'idle'}>{props.idle}</Match>
        <Match when={props.view.state === 'offline'}>
          <p class="report__note" data-testid="report-offline">
            Reports are worked out by the server from the project's history, so this one needs a connection. It appears as soon as
            the connection is back.
          </p>
        </Match>
        <Match when={error()}>
          {(message) => (
            <p class="form-alert" role="alert" data-testid="report-error">
              {message()}
            </p>
          )}
        </Match>
        <Match when={report()}>
          {(shown) => (
            <>
              <Show when={live.status() === 'offline'}>
                <p class="report__note" data-testid="report-offline">
                  Offline: reports need a connection, so this one is as it was when the connection dropped. It updates when the connection is back.
                </p>
              </Show>
              {props.children(shown)}
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
