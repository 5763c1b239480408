// Cumulative flow: how many items sat in each column at the end of each day,
// as stacked areas, done at the bottom. The legend gives each column's own
// count; the areas are drawn at the running sums.
import { createMemo, Show, untrack } from 'solid-js';
import type uPlot from 'uplot';
import { ReportKind, type ICumulativeFlow } from '../../../shared/proto.ts';
import { useLive } from '../store/live.ts';
import { flowChart } from '../store/model/report-series.ts';
import { createReport, type ReportSource } from '../store/reports.ts';
import { UplotChart, type ChartOptions } from '../ui/uplot-chart.tsx';
import { createChartColours, seriesColour, translucent } from './chart-colours.ts';
import { dayAxis, dayLegend, fromZero, themedAxis } from './report-chart.ts';
import { ReportPanel } from './report-panel.tsx';

function CumulativeFlow(props: { flow: ICumulativeFlow }) {
  const colours = createChartColours();
  const chart = createMemo(() => flowChart(props.flow));
  // Made again only when the columns change; the counts are read when the legend asks.
  const layersKey = createMemo(() => chart().layers.map((l) => `${l.column}:${l.name}`).join('\n'));
  const options = createMemo<ChartOptions>(() => {
    layersKey();
    const c = colours();
    const { layers, bands } = untrack(chart);
    return {
      scales: { x: { time: true }, y: fromZero },
      axes: [dayAxis(c), themedAxis(c, { label: 'Items' })],
      bands: bands.map(([upper, lower]) => ({ series: [upper, lower] as uPlot.Band.Bounds })),
      series: [
        { label: 'Day', value: dayLegend },
        ...layers.map(
          (layer, i): uPlot.Series => ({
            label: layer.name,
            stroke: seriesColour(c, layer.column),
            fill: translucent(seriesColour(c, layer.column), 0.55),
            width: 1,
            points: { show: false },
            value: (_u, _v, _s, day) => (day === null ? '' : (chart().counts[i]?.[day] ?? 0)),
          }),
        ),
      ],
    };
  });
  return <UplotChart options={options()} data={chart().data} height={240} label="Items per column at the end of each day" testId="flow-chart" />;
}

export function CumulativeFlowReport(props: { source: ReportSource; range: { fromDate: string; toDate: string } }) {
  const live = useLive();
  const view = createReport(live, props.source, () => ({ kind: ReportKind.REPORT_KIND_CUMULATIVE_FLOW, ...props.range }));
  return (
    <ReportPanel title="Cumulative flow" testId="flow" view={view()}>
      {(report) => <Show when={report().cumulativeFlow}>{(flow) => <CumulativeFlow flow={flow()} />}</Show>}
    </ReportPanel>
  );
}
