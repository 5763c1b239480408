// The windowed list's arithmetic (virtual-range.ts): no DOM, runs under Node.
import { describe, expect, it } from 'vitest';
import { prefixOffsets, scrollToShow, visibleRange } from './virtual-range.ts';

describe('virtual range', () => {
  // Ten items of 100 px with 10 px between: item i starts at 110 i.
  const offsets = prefixOffsets(Array<number>(10).fill(100), 10);

  it('VLIST-1 offsets are running sums of sizes and gaps', () => {
    expect([...prefixOffsets([20, 30, 40], 5)]).toEqual([0, 25, 60, 105]);
    expect([...prefixOffsets([], 5)]).toEqual([0]);
  });

  it('VLIST-2 the window is the items that show, plus the overscan on each side', () => {
    expect(visibleRange(offsets, 0, 250, 0)).toEqual({ start: 0, end: 3 });
    // 330 is the top of item 3; 330 + 250 = 580 reaches into item 5 (550..650).
    expect(visibleRange(offsets, 330, 250, 0)).toEqual({ start: 3, end: 6 });
    expect(visibleRange(offsets, 330, 250, 2)).toEqual({ start: 1, end: 8 });
    // An item's slot takes in the gap below it, so a top inside that gap still counts the item.
    expect(visibleRange(offsets, 105, 10, 0)).toEqual({ start: 0, end: 2 });
  });

  it('VLIST-3 the window is clamped to the list, and past its end still shows the last item', () => {
    expect(visibleRange(offsets, 0, 5000, 3)).toEqual({ start: 0, end: 10 });
    expect(visibleRange(offsets, 99_999, 250, 0)).toEqual({ start: 9, end: 10 });
    expect(visibleRange(offsets, -50, 100, 0)).toEqual({ start: 0, end: 1 });
    expect(visibleRange(prefixOffsets([], 10), 0, 500, 3)).toEqual({ start: 0, end: 0 });
  });

  it('VLIST-4 a viewport of no height (not laid out yet) still renders a first item and the overscan', () => {
    expect(visibleRange(offsets, 0, 0, 2)).toEqual({ start: 0, end: 3 });
  });

  it('VLIST-5 items of different sizes', () => {
    const mixed = prefixOffsets([50, 300, 50, 50], 0);
    expect(visibleRange(mixed, 100, 100, 0)).toEqual({ start: 1, end: 2 });
    expect(visibleRange(mixed, 340, 30, 0)).toEqual({ start: 1, end: 3 });
  });

  it('VLIST-6 scrolling to an item moves as little as possible', () => {
    expect(scrollToShow(offsets, 10, 0, 0, 250)).toBe(0); // already shown
    expect(scrollToShow(offsets, 10, 5, 0, 250)).toBe(400); // bottom of item 5 (650) at the viewport's bottom
    expect(scrollToShow(offsets, 10, 1, 500, 250)).toBe(110); // above: its top at the viewport's top
    expect(scrollToShow(offsets, 10, 5, 0, 50)).toBe(550); // taller than the viewport: its top
    expect(scrollToShow(offsets, 10, 42, 7, 250)).toBe(7);
  });
});
