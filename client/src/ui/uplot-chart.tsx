// A uPlot chart as a component: made on mount and made again when its
// options change (a theme, a unit, another set of series: uPlot takes its
// options once), given new data with setData, sized to its container's
// width as that changes, destroyed on cleanup.
import { createEffect, on, onCleanup, onMount, untrack } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

export function UplotChart(props: {
  options: ChartOptions;
  data: uPlot.AlignedData;
  height: number;
  /** What the chart shows, for those who cannot see the canvas. */
  label: string;
  testId?: string;
  /** The data index under the cursor; null when it leaves the plot. */
  onCursor?(index: number | null): void;
  /** A click on the plot, with the data index under the cursor. */
  onPick?(index: number): void;
}) {
  let box!: HTMLDivElement;
  let chart: uPlot | undefined;
  const width = () => Math.max(box.clientWidth, 1);

  onMount(() => {
    createEffect(
      on(
        () => props.options,
        (options) => {
          chart?.destroy();
          const hooks = { ...options.hooks, setCursor: [...(options.hooks?.setCursor ?? []), (u: uPlot) => props.onCursor?.(u.cursor.idx ?? null)] };
          const made = new uPlot({ ...options, hooks, width: width(), height: props.height }, untrack(() => props.data), box);
          made.over.addEventListener('click', () => {
            const index = made.cursor.idx;
            if (index !== null && index !== undefined) props.onPick?.(index);
          });
          chart = made;
        },
      ),
    );
    createEffect(on(() => props.data, (data) => chart?.setData(data), { defer: true }));
    const resized = new ResizeObserver(() => {
      if (chart && chart.width !== width()) chart.setSize({ width: width(), height: props.height });
    });
    resized.observe(box);
    onCleanup(() => {
      resized.disconnect();
      chart?.destroy();
      chart = undefined;
    });
  });

  return <div class="chart" ref={box} role="figure" aria-label={props.label} data-testid={props.testId} />;
}
