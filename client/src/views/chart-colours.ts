// The colours a chart draws with, read from the design tokens (tokens.css)
// for the theme shown. A canvas cannot use CSS variables, so the values are
// read again whenever the theme changes, and the charts are drawn again.
import { createMemo, type Accessor } from 'solid-js';
import { useTheme } from '../theme/theme.ts';

export interface ChartColours {
  /** Axis labels and ticks. */
  axis: string;
  grid: string;
  /** Reference lines (the ideal burndown). */
  faint: string;
  surface: string;
  /** --chart-1..6: series, in the order a workflow's columns take them. */
  series: readonly string[];
}

const SERIES_TOKENS = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'];

export function createChartColours(): Accessor<ChartColours> {
  const { theme } = useTheme();
  return createMemo(() => {
    theme();
    const style = getComputedStyle(document.documentElement);
    const token = (name: string) => style.getPropertyValue(name).trim();
    return {
      axis: token('--text-muted'),
      grid: token('--border'),
      faint: token('--text-faint'),
      surface: token('--surface'),
      series: SERIES_TOKENS.map(token),
    };
  });
}

/** The n-th series colour, going round when a workflow has more columns than colours. */
export const seriesColour = (colours: ChartColours, n: number): string => colours.series[n % colours.series.length] ?? colours.axis;

/** A `#rrggbb` token with an alpha, for filled areas over the grid. */
export function translucent(hex: string, alpha: number): string {
  const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!rgb) return hex;
  const [r, g, b] = rgb.slice(1).map((h) => parseInt(h, 16));
  return `rgb(${r} ${g} ${b} / ${alpha})`;
}
