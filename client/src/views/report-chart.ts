// Option pieces every report chart shares: axes in the theme's colours, an
// x axis of calendar days, and a y scale that starts at 0.
import uPlot from 'uplot';
import type { ChartColours } from './chart-colours.ts';

export function themedAxis(colours: ChartColours, more: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: colours.axis,
    grid: { stroke: colours.grid, width: 1 },
    ticks: { stroke: colours.grid, width: 1 },
    ...more,
  };
}

const dayFormat = uPlot.fmtDate('{MMM} {D}');

/** A seconds x value as its day here ("Mar 4"). */
export const dayOf = (seconds: number) => dayFormat(new Date(seconds * 1000));

const DAY = 86_400;

/** Ticks on whole days only: a sprint of five days would otherwise get ticks at noon. */
export const dayAxis = (colours: ChartColours): uPlot.Axis =>
  themedAxis(colours, {
    incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY],
    values: (_u, splits) => splits.map(dayOf),
  });

/** The legend's x: the day under the cursor. */
export const dayLegend = (_u: uPlot, value: number | null) => (value === null ? '' : dayOf(value));

/** Counts and points start at 0, with room above the highest. */
export const fromZero: uPlot.Scale = { range: (_u, _min, max) => uPlot.rangeNum(0, Math.max(max, 1), 0.1, true) };
