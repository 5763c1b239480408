// Velocity: points committed at the start against points completed, as
// paired bars for each of the last completed sprints, oldest first.
import { createMemo, Show } from 'solid-js';
import uPlot from 'uplot';
import { ReportKind, type IVelocity } from '../../../shared/proto.ts';
import { useLive } from '../store/live.ts';
import { pointsInWords, velocityChart } from '../store/model/report-series.ts';
import { createReport, type ReportSource } from '../store/reports.ts';
import { UplotChart, type ChartOptions } from '../ui/uplot-chart.tsx';
import { createChartColours, seriesColour, translucent } from './chart-colours.ts';
import { fromZero, themedAxis } from './report-chart.ts';
import { ReportPanel } from './report-panel.tsx';

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((n, i) => n === b[i]);

function Velocity(props: { velocity: IVelocity }) {
  const colours = createChartColours();
  const chart = createMemo(() => velocityChart(props.velocity));
  // The axis names the sprints, so the chart is made again only when they change, not on every new figure.
  const names = createMemo(() => chart().names, [], { equals: sameNames });
  const options = createMemo<ChartOptions>(() => {
    const c = colours();
    const sprints = names();
    const bar = (label: string, colour: string, align: -1 | 1): uPlot.Series => ({
      label,
      stroke: colour,
      fill: translucent(colour, 0.75),
      width: 1,
      paths: uPlot.paths.bars!({ size: [0.35, 48], align }),
      points: { show: false },
    });
    return {
      scales: { x: { time: false, range: () => [-0.5, sprints.length - 0.5] }, y: fromZero },
      axes: [
        themedAxis(c, { splits: () => sprints.map((_, i) => i), values: (_u, splits) => splits.map((i) => sprints[i] ?? '') }),
        themedAxis(c, { label: 'Points' }),
      ],
      series: [
        { label: 'Sprint', value: (_u, i) => (i === null ? '' : (sprints[i] ?? '')) },
        bar('Committed', seriesColour(c, 1), -1),
        bar('Completed', seriesColour(c, 4), 1),
      ],
    };
  });
  return (
    <Show
      when={names().length > 0}
      fallback={
        <p class="report__note" data-testid="velocity-none">
          No sprint has been completed yet. Velocity compares what each finished sprint committed with what it completed.
        </p>
      }
    >
      <p class="report__figure" data-testid="velocity-average">
        Average completed: <strong>{pointsInWords(chart().averageCompleted ?? 0)}</strong> over the last{' '}
        {names().length === 1 ? 'sprint' : `${names().length} sprints`}
      </p>
      <UplotChart options={options()} data={chart().data} height={220} label="Points committed and completed per sprint" testId="velocity-chart" />
    </Show>
  );
}

export function VelocityReport(props: { source: ReportSource }) {
  const live = useLive();
  const view = createReport(live, props.source, () => ({ kind: ReportKind.REPORT_KIND_VELOCITY }));
  return (
    <ReportPanel title="Velocity" testId="velocity" view={view()}>
      {(report) => <Show when={report().velocity}>{(velocity) => <Velocity velocity={velocity()} />}</Show>}
    </ReportPanel>
  );
}
