// The arithmetic of a windowed list: where each item starts, and which items
// a scroll position shows. No DOM here, so it is tested under Node.

/**
 * Where each item starts: `offsets[i]` is the top of item i, `offsets[n]` the
 * end of the list plus one trailing gap (so every item's slot, gap included,
 * is offsets[i + 1] - offsets[i]).
 */
export function prefixOffsets(sizes: readonly number[], gap: number): Float64Array {
  const offsets = new Float64Array(sizes.length + 1);
  for (let i = 0; i < sizes.length; i++) offsets[i + 1] = offsets[i]! + sizes[i]! + gap;
  return offsets;
}

export interface Range {
  /** First item rendered. */
  start: number;
  /** One past the last item rendered. */
  end: number;
}

/** The first index whose slot ends below `y` (n when none does): a binary search over the offsets. */
function firstEndingBelow(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The items to render for a viewport of `height` scrolled to `top` (both
 * relative to the list's own top): those that show, plus `overscan` on each
 * side so a fast scroll or a keyboard step finds the next card already there.
 */
export function visibleRange(offsets: Float64Array, top: number, height: number, overscan: number): Range {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const first = Math.min(count - 1, firstEndingBelow(offsets, Math.max(0, top)));
  let last = first;
  while (last < count && offsets[last]! < top + height) last++;
  return { start: Math.max(0, first - overscan), end: Math.min(count, Math.max(last, first + 1) + overscan) };
}

/**
 * The scroll position that brings item `index` fully into a viewport at `top`
 * of `height`, moving as little as possible; `top` itself when it shows already.
 */
export function scrollToShow(offsets: Float64Array, gap: number, index: number, top: number, height: number): number {
  const itemTop = offsets[index];
  const next = offsets[index + 1];
  if (itemTop === undefined || next === undefined) return top;
  const itemBottom = next - gap;
  if (itemTop < top) return itemTop;
  if (itemBottom > top + height) return Math.min(itemTop, itemBottom - height);
  return top;
}
