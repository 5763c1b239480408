// A report as the arrays a chart draws (uPlot's aligned data: the x values,
// then one array per series, null where a series has no point) and the
// figures said beside it in words. Days are placed at their local midnight,
// since the server counted them in this browser's time zone. No Solid, no
// DOM, no chart library.
import { SprintState, type IBurndown, type ICumulativeFlow, type ICycleItem, type ICycleTime, type IVelocity } from '../../../../shared/proto.ts';

/** uPlot's `AlignedData`, written out so the model needs no chart library. */
export type ChartData = [number[], ...(number | null)[][]];

export type BurndownUnit = 'points' | 'items';

/** A calendar date (`YYYY-MM-DD`) as the chart's x: the start of that day here, in seconds. */
export function dayStart(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime() / 1000;
}

export interface BurndownChart {
  /** x, remaining (null for days to come), the ideal line, and the remaining on days scope joined (null on the others). */
  data: ChartData;
  /** The days scope joined the sprint after it started. */
  added: { date: string; points: number; items: number }[];
}

/**
 * The server draws the ideal line in points only; in items it goes the same
 * way, from the items committed at the start to 0 on the last day.
 */
const idealItems = (committed: number, day: number, days: number) => (days === 1 ? committed : committed * (1 - day / (days - 1)));

export function burndownChart(burndown: IBurndown, unit: BurndownUnit): BurndownChart {
  const days = burndown.days ?? [];
  const committedItems = burndown.summary?.committedItems ?? 0;
  const remaining = days.map((d) => (d.actual ? (unit === 'points' ? (d.remainingPoints ?? 0) : (d.remainingItems ?? 0)) : null));
  const ideal = days.map((d, i) => (unit === 'points' ? (d.idealPoints ?? 0) : idealItems(committedItems, i, days.length)));
  // An unestimated item joining is scope too, even on the points chart.
  const joined = (i: number) => (days[i]?.addedPoints ?? 0) > 0 || (days[i]?.addedItems ?? 0) > 0;
  return {
    data: [days.map((d) => dayStart(d.date ?? '')), remaining, ideal, remaining.map((r, i) => (joined(i) ? r : null))],
    added: days.flatMap((d, i) => (joined(i) ? [{ date: d.date ?? '', points: d.addedPoints ?? 0, items: d.addedItems ?? 0 }] : [])),
  };
}

/**
 * What is left: of a completed sprint, what it carried over (read just
 * before completion, whatever its planned end); of a running one, the last
 * day that has happened. Null before the first.
 */
export function remainingOf(burndown: IBurndown): { points: number; items: number } | null {
  if (burndown.sprint?.state === SprintState.SPRINT_STATE_COMPLETED) {
    return { points: burndown.summary?.carriedOverPoints ?? 0, items: burndown.summary?.carriedOverItems ?? 0 };
  }
  const today = (burndown.days ?? []).filter((d) => d.actual).at(-1);
  return today ? { points: today.remainingPoints ?? 0, items: today.remainingItems ?? 0 } : null;
}

export interface VelocityChart {
  /** The sprints, oldest first; x is each one's index. */
  names: string[];
  /** x, points committed, points completed. */
  data: ChartData;
  /** Mean completed points, null with no sprint. */
  averageCompleted: number | null;
}

export function velocityChart(velocity: IVelocity): VelocityChart {
  const sprints = velocity.sprints ?? [];
  const completed = sprints.map((s) => s.completedPoints ?? 0);
  return {
    names: sprints.map((s) => s.name ?? ''),
    data: [sprints.map((_, i) => i), sprints.map((s) => s.committedPoints ?? 0), completed],
    averageCompleted: sprints.length ? completed.reduce((a, b) => a + b, 0) / sprints.length : null,
  };
}

export interface FlowChart {
  /** Bottom to top: the board's last column (done) lies at the bottom, as flow charts draw it. */
  layers: { name: string; column: number }[];
  /** x, then each layer's top: its count plus every layer below it. */
  data: ChartData;
  /** Each layer's own count per day, for the legend (the drawn values are sums). */
  counts: number[][];
  /** uPlot bands, [upper series, lower series]: each layer is filled down to the one below, not to 0. */
  bands: [number, number][];
}

export function flowChart(flow: ICumulativeFlow): FlowChart {
  const statuses = flow.statuses ?? [];
  const days = flow.days ?? [];
  const columns = statuses.map((_, i) => i).reverse();
  const counts = columns.map((c) => days.map((d) => d.counts?.[c] ?? 0));
  const below = days.map(() => 0);
  const tops = counts.map((layer) => layer.map((n, i) => (below[i] = (below[i] ?? 0) + n)));
  return {
    layers: columns.map((c) => ({ name: statuses[c]?.name ?? '', column: c })),
    data: [days.map((d) => dayStart(d.date ?? '')), ...tops],
    counts,
    // Series 1 is the bottom layer, filled to 0.
    bands: columns.slice(1).map((_, i): [number, number] => [i + 2, i + 1]),
  };
}

export interface CycleChart {
  /** The items in the order drawn: by the moment they reached done. */
  items: ICycleItem[];
  /** x (done, in seconds), hours, then the median and the 85th percentile as flat lines. */
  data: ChartData;
}

export function cycleChart(cycle: ICycleTime): CycleChart {
  const items = [...(cycle.items ?? [])].sort((a, b) => Number(a.doneAt ?? 0) - Number(b.doneAt ?? 0));
  return {
    items,
    data: [
      items.map((i) => Number(i.doneAt ?? 0) / 1000),
      items.map((i) => i.hours ?? 0),
      items.map(() => cycle.medianHours ?? 0),
      items.map(() => cycle.p85Hours ?? 0),
    ],
  };
}

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/** A duration in words: minutes under an hour, hours under two days, then days. */
export function hoursInWords(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${oneDecimal(hours)} h`;
  return `${oneDecimal(hours / 24)} days`;
}

export const pointsInWords = (points: number) => `${oneDecimal(points)} ${points === 1 ? 'point' : 'points'}`;
export const itemsInWords = (items: number) => `${items} ${items === 1 ? 'item' : 'items'}`;
