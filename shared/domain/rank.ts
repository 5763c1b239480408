// Fractional ranks: strings that sort (by plain byte order) between their
// neighbours, so moving a card rewrites one row and never renumbers a column.
// A rank is a base-62 fraction written without its leading "0.", and never ends
// in the zero digit (so there is always room below it).

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
// Appends and prepends step at this depth, so a long run of "add at the end"
// grows ranks by one character per ~62^3 items rather than per handful.
const STEP_DEPTH = 4;

function digit(ch: string | undefined): number {
  if (ch === undefined) return 0;
  const d = DIGITS.indexOf(ch);
  if (d < 0) throw new Error(`invalid rank digit ${JSON.stringify(ch)}`);
  return d;
}

function trimZeros(s: string): string {
  return s.replace(/0+$/, '');
}

/** The midpoint of two fractions a < b (b null: one). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = digit(a[0]);
  const db = b === null ? BASE : digit(b[0]);
  if (db - da > 1) return DIGITS[Math.floor((da + db) / 2)]!;
  if (b !== null && b.length > 1) return b[0]!;
  return DIGITS[da]! + midpoint(a.slice(1), null);
}

function addAtDepth(rank: string, delta: 1 | -1): string | null {
  const width = Math.max(rank.length, STEP_DEPTH);
  const ds = Array.from({ length: width }, (_, i) => digit(rank[i]));
  let i = width - 1;
  ds[i]! += delta;
  while (i > 0 && (ds[i]! >= BASE || ds[i]! < 0)) {
    ds[i]! -= delta * BASE;
    ds[--i]! += delta;
  }
  if (ds[0]! >= BASE || ds[0]! < 0) return null;
  const out = trimZeros(ds.map((d) => DIGITS[d]).join(''));
  return out === '' ? null : out;
}

export function isValidRank(rank: string): boolean {
  return /^[0-9A-Za-z]*[1-9A-Za-z]$/.test(rank);
}

/**
 * A rank strictly between `before` (the item above; null: the top) and
 * `after` (the item below; null: the bottom).
 */
export function rankBetween(before: string | null, after: string | null): string {
  const a = before ?? '';
  if (after !== null && a >= after) throw new Error(`rankBetween: ${a} is not below ${after}`);
  if (after === null && a !== '') return addAtDepth(a, 1) ?? midpoint(a, null);
  if (after !== null && a === '') {
    const down = addAtDepth(after, -1);
    return down !== null && down < after ? down : midpoint('', after);
  }
  return midpoint(a, after);
}

/** n ranks in ascending order, evenly spread, for bulk inserts. */
export function rankSequence(n: number): string[] {
  const out: string[] = [];
  let prev: string | null = null;
  for (let i = 0; i < n; i++) {
    prev = rankBetween(prev, null);
    out.push(prev);
  }
  return out;
}
