// Cycle time: each item that reached done in the range as a point (when it
// got there, how long it took from its first step into progress), with the
// median and the 85th percentile as lines and as figures. Pointing at an
// item names it; clicking it opens it, as does the list under the chart.
import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ReportKind, type ICycleItem, type ICycleTime } from '../../../shared/proto.ts';
import { useLive } from '../store/live.ts';
import { itemNumberOfKey } from '../store/model/report-request.ts';
import { cycleChart, hoursInWords, itemsInWords } from '../store/model/report-series.ts';
import { createReport, type ReportSource } from '../store/reports.ts';
import { UplotChart, type ChartOptions } from '../ui/uplot-chart.tsx';
import { createChartColours, seriesColour, translucent } from './chart-colours.ts';
import { dayAxis, dayLegend, dayOf, fromZero, themedAxis } from './report-chart.ts';
import { ReportPanel } from './report-panel.tsx';

const hoursLegend = (_u: unknown, hours: number | null) => (hours === null ? '' : hoursInWords(hours));

function CycleTime(props: { cycle: ICycleTime; projectKey: string; days: number }) {
  const navigate = useNavigate();
  const colours = createChartColours();
  const chart = createMemo(() => cycleChart(props.cycle));
  const [pointed, setPointed] = createSignal<number | null>(null);
  const itemHref = (item: ICycleItem) => {
    const n = itemNumberOfKey(item.key ?? '');
    return n === null ? null : `/p/${props.projectKey}/item/${n}`;
  };
  const options = createMemo<ChartOptions>(() => {
    const c = colours();
    const items = seriesColour(c, 1);
    return {
      scales: { x: { time: true }, y: fromZero },
      axes: [dayAxis(c), themedAxis(c, { label: 'Hours' })],
      series: [
        { label: 'Done', value: dayLegend },
        { label: 'Item', stroke: items, paths: () => null, points: { show: true, size: 9, fill: translucent(items, 0.6), stroke: items }, value: hoursLegend },
        { label: 'Median', stroke: seriesColour(c, 4), width: 1.5, points: { show: false }, value: hoursLegend },
        { label: '85th percentile', stroke: seriesColour(c, 2), width: 1.5, dash: [6, 5], points: { show: false }, value: hoursLegend },
      ],
    };
  });
  const pointedItem = () => {
    const i = pointed();
    return i === null ? null : (chart().items[i] ?? null);
  };
  const open = (index: number) => {
    const item = chart().items[index];
    const href = item && itemHref(item);
    if (href) navigate(href);
  };
  return (
    <Show
      when={chart().items.length > 0}
      fallback={
        <p class="report__note" data-testid="cycle-none">
          No item reached Done in the last {props.days} days.
        </p>
      }
    >
      <p class="report__figure" data-testid="cycle-figures">
        Median <strong data-testid="cycle-median">{hoursInWords(props.cycle.medianHours ?? 0)}</strong> · 85th percentile{' '}
        <strong data-testid="cycle-p85">{hoursInWords(props.cycle.p85Hours ?? 0)}</strong> · {itemsInWords(chart().items.length)}
      </p>
      <UplotChart
        options={options()}
        data={chart().data}
        height={240}
        label="Cycle time of each item done in the range, with the median and the 85th percentile"
        testId="cycle-chart"
        onCursor={setPointed}
        onPick={open}
      />
      <p class="report__note report__pointed" aria-live="polite" data-testid="cycle-pointed">
        <Show when={pointedItem()} fallback="Point at an item to see which it is; click it to open it.">
          {(item) => `${item().key} ${item().title}: ${hoursInWords(item().hours ?? 0)}, done ${dayOf(Number(item().doneAt ?? 0) / 1000)}`}
        </Show>
      </p>
      <details class="report__items">
        <summary>The items</summary>
        <ul>
          <For each={chart().items}>
            {(item) => (
              <li>
                <Show when={itemHref(item)} fallback={item.key}>
                  {(href) => <A href={href()}>{item.key}</A>}
                </Show>{' '}
                {item.title} <span class="report__hours">{hoursInWords(item.hours ?? 0)}</span>
              </li>
            )}
          </For>
        </ul>
      </details>
    </Show>
  );
}

export function CycleTimeReport(props: { source: ReportSource; projectKey: string; range: { fromDate: string; toDate: string }; days: number }) {
  const live = useLive();
  const view = createReport(live, props.source, () => ({ kind: ReportKind.REPORT_KIND_CYCLE_TIME, ...props.range }));
  return (
    <ReportPanel title="Cycle time" testId="cycle" view={view()}>
      {(report) => <Show when={report().cycleTime}>{(cycle) => <CycleTime cycle={cycle()} projectKey={props.projectKey} days={props.days} />}</Show>}
    </ReportPanel>
  );
}
