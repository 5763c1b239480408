// Rows as an aligned plain-text table, for terminals and logs (no colours, so
// the output can be piped or pasted as is).
export type Cell = string | number | bigint | boolean | null | Uint8Array;

// Long text (descriptions are up to 64 KiB) would make every line wrap; the
// table is for scanning, --json is there for exact values.
const MAX_CELL = 120;

function show(value: Cell): string {
  if (value === null) return 'NULL';
  if (value instanceof Uint8Array) return `<blob ${value.length} bytes>`;
  const text = String(value).replace(/\s+/g, ' ');
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

export function formatTable(columns: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const shown = rows.map((row) => row.map(show));
  const widths = columns.map((name, i) => Math.max(name.length, ...shown.map((row) => row[i]!.length)));
  // Numbers right-aligned so their digits line up.
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number' || typeof r[i] === 'bigint'));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...shown.map(line)].join('\n');
}
