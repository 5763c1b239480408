// The sprint burndown: remaining work per day against the dashed ideal line,
// the days scope joined marked, in points or in items; under it the sprint's
// summary. The active sprint unless another started one is chosen.
import { A } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { ReportKind, SprintState, type IBurndown } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { burndownSprintId, burndownSprints } from '../store/model/report-request.ts';
import { burndownChart, dayStart, itemsInWords, pointsInWords, remainingOf, type BurndownUnit } from '../store/model/report-series.ts';
import { createReport, reportSourceOf } from '../store/reports.ts';
import { Select } from '../ui/select.tsx';
import { UplotChart, type ChartOptions } from '../ui/uplot-chart.tsx';
import { createChartColours, seriesColour } from './chart-colours.ts';
import { dayAxis, dayLegend, dayOf, fromZero, themedAxis } from './report-chart.ts';
import { ReportPanel } from './report-panel.tsx';

const both = (points: number, items: number) => `${pointsInWords(points)} · ${itemsInWords(items)}`;

function UnitToggle(props: { unit: BurndownUnit; onChange(unit: BurndownUnit): void }) {
  const button = (unit: BurndownUnit, label: string) => (
    <button
      type="button"
      class="segmented__option"
      aria-pressed={props.unit === unit}
      onClick={() => props.onChange(unit)}
      data-testid={`burndown-unit-${unit}`}
    >
      {label}
    </button>
  );
  return (
    <div class="segmented" role="group" aria-label="Count remaining work in">
      {button('points', 'Points')}
      {button('items', 'Items')}
    </div>
  );
}

function Burndown(props: { burndown: IBurndown; unit: BurndownUnit }) {
  const colours = createChartColours();
  const chart = createMemo(() => burndownChart(props.burndown, props.unit));
  const options = createMemo<ChartOptions>(() => {
    const c = colours();
    const remaining = seriesColour(c, 1);
    const added = seriesColour(c, 2);
    return {
      scales: { x: { time: true }, y: fromZero },
      axes: [dayAxis(c), themedAxis(c, { label: props.unit === 'points' ? 'Points' : 'Items' })],
      series: [
        { label: 'Day', value: dayLegend },
        { label: 'Remaining', stroke: remaining, width: 2, points: { show: true, size: 6, fill: c.surface, stroke: remaining } },
        { label: 'Ideal', stroke: c.faint, width: 1.5, dash: [6, 5], points: { show: false } },
        { label: 'Scope added', stroke: added, paths: () => null, points: { show: true, size: 11, fill: added, stroke: added } },
      ],
    };
  });
  const left = () => remainingOf(props.burndown);
  const summary = () => props.burndown.summary ?? {};
  const completed = () => props.burndown.sprint?.state === SprintState.SPRINT_STATE_COMPLETED;
  return (
    <>
      <Show when={left()}>
        {(figure) => (
          <p class="report__figure" data-testid="burndown-remaining" data-points={figure().points} data-items={figure().items}>
            {completed() ? 'Left at the end' : 'Remaining now'}: <strong>{both(figure().points, figure().items)}</strong>
          </p>
        )}
      </Show>
      <UplotChart
        options={options()}
        data={chart().data}
        height={260}
        label={`Burndown of ${props.burndown.sprint?.name ?? 'the sprint'} in ${props.unit}, with the ideal line`}
        testId="burndown-chart"
      />
      <Show when={chart().added.length > 0}>
        <p class="report__note" data-testid="burndown-added">
          Scope added after the start:{' '}
          {chart()
            .added.map((a) => `${dayOf(dayStart(a.date))} (+${both(a.points, a.items)})`)
            .join(', ')}
          .
        </p>
      </Show>
      <h3 class="report__subtitle">{completed() ? `How ${props.burndown.sprint?.name ?? 'the sprint'} ended` : 'The sprint so far'}</h3>
      <dl class="report-summary" data-testid="sprint-summary">
        <div>
          <dt>Committed at the start</dt>
          <dd>{both(summary().committedPoints ?? 0, summary().committedItems ?? 0)}</dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd>{both(summary().completedPoints ?? 0, summary().completedItems ?? 0)}</dd>
        </div>
        <div>
          <dt>Added mid-sprint</dt>
          <dd>{both(summary().addedPoints ?? 0, summary().addedItems ?? 0)}</dd>
        </div>
        <div>
          <dt>{completed() ? 'Carried over' : 'Not done yet'}</dt>
          <dd>{both(summary().carriedOverPoints ?? 0, summary().carriedOverItems ?? 0)}</dd>
        </div>
      </dl>
    </>
  );
}

export function BurndownReport(props: { board: BoardSlice; chosen: string | undefined; onChoose(sprintId: string): void }) {
  const live = useLive();
  const [unit, setUnit] = createSignal<BurndownUnit>('points');
  const choices = createMemo(() => burndownSprints(props.board.sprints().values()));
  const sprintId = createMemo(() => burndownSprintId(choices(), props.chosen));
  const view = createReport(live, reportSourceOf(props.board), () => {
    const id = sprintId();
    return id ? { kind: ReportKind.REPORT_KIND_BURNDOWN, sprintId: id } : null;
  });
  const sprintOptions = createMemo(() => [
    ...(sprintId() ? [] : [{ value: '', label: 'Choose a sprint…' }]),
    ...choices().map((s) => ({ value: s.id ?? '', label: `${s.name}${s.state === SprintState.SPRINT_STATE_ACTIVE ? ' (active)' : ''}` })),
  ]);
  const projectKey = () => props.board.project()?.key ?? '';
  return (
    <ReportPanel
      title="Sprint burndown"
      testId="burndown"
      view={view()}
      controls={
        <>
          <Show when={choices().length > 0}>
            <Select label="Sprint" testId="burndown-sprint" value={sprintId() ?? ''} options={sprintOptions()} onChange={(id) => id && props.onChoose(id)} />
          </Show>
          <UnitToggle unit={unit()} onChange={setUnit} />
        </>
      }
      idle={
        <p class="report__note" data-testid="burndown-none">
          <Show
            when={choices().length > 0}
            fallback={
              <>
                No sprint has started yet: a burndown begins when one does. Plan and start a sprint in the{' '}
                <A href={`/p/${projectKey()}/backlog`}>backlog</A>.
              </>
            }
          >
            No sprint is running now. Choose a completed sprint above to see its burndown and how it ended.
          </Show>
        </p>
      }
    >
      {(report) => (
        <Show when={report().burndown}>{(burndown) => <Burndown burndown={burndown()} unit={unit()} />}</Show>
      )}
    </ReportPanel>
  );
}
