// Turning samples into the figures the suite prints: percentiles, Markdown
// tables, and a target column that says plainly whether a goal was met.
import { cpus, totalmem } from 'node:os';

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  // The epsilon keeps float error (99.9% of 1000 = 999.0000000000001) from moving a whole rank.
  const rank = Math.ceil((p * sorted.length) / 100 - 1e-9);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

export function summarize(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
}

export function num(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

/** "12.3x": how many times better Tandem is, where lower is better. */
export function ratioLowerIsBetter(tandem: number, peer: number): string {
  if (!(tandem > 0) || !Number.isFinite(peer)) return 'n/a';
  return `${(peer / tandem).toFixed(1)}x`;
}

export function ratioHigherIsBetter(tandem: number, peer: number): string {
  if (!(peer > 0) || !Number.isFinite(tandem)) return 'n/a';
  return `${(tandem / peer).toFixed(1)}x`;
}

/** A target cell: the goal in words and whether this run met it. */
export function target(goal: string, met: boolean): string {
  return `${goal}: **${met ? 'met' : 'missed'}**`;
}

export interface Table {
  title: string;
  /** What was measured and how, in a sentence or two, printed above the table. */
  about: string;
  columns: string[];
  rows: string[][];
  /** Anything a reader should know to trust the numbers (printed below). */
  notes?: string[];
}

export function renderTable(table: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [`### ${table.title}`, '', table.about, '', line(table.columns), line(table.columns.map(() => '---'))];
  for (const row of table.rows) out.push(line(row));
  if (table.notes?.length) out.push('', ...table.notes.map((note) => `- ${note}`));
  return out.join('\n') + '\n';
}

export function machineDescription(pinned: boolean): string {
  const cpu = cpus();
  const gib = (totalmem() / 1024 ** 3).toFixed(1);
  return [
    `- Cores: ${cpu.length} (${cpu[0]?.model.trim() ?? 'unknown model'})`,
    `- Memory: ${gib} GiB`,
    `- Node: ${process.version} (${process.platform} ${process.arch})`,
    pinned
      ? '- Placement: servers pinned to core 0, load processes to core 1 (taskset)'
      : '- Placement: taskset not found, so servers and load share every core (figures are less clean)',
  ].join('\n');
}

/** Every target cell of the tables, gathered into one list at the end of the report. */
export function targetSummary(tables: Table[]): Table {
  const rows: string[][] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of row) {
        const found = /^(.*): \*\*(met|missed)\*\*$/.exec(cell);
        if (found) rows.push([table.title.replace(/ \(.*$/, ''), found[1]!, `**${found[2]}**`]);
      }
    }
  }
  return { title: 'Targets', about: 'Each target of the issue, as this run measured it.', columns: ['measurement', 'target', 'result'], rows };
}
