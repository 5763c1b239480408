// A windowed list: of a long list of keys, only the items near the scroll
// position are in the DOM, between two paddings that stand in for the rest,
// so a column of 5,000 cards costs a screenful of elements. Item heights are
// measured as they render (a ResizeObserver) and estimated until then.
// The list sits inside a scrolling element its parent owns (a board column's
// card area, which also takes the drops), so it never scrolls itself.
import { createMemo, createSignal, For, onCleanup, onMount, type Accessor, type JSX } from 'solid-js';
import { prefixOffsets, scrollToShow, visibleRange } from './virtual-range.ts';

export interface VirtualListHandle {
  /** Scrolls the scroller just enough that item `index` shows. */
  scrollToIndex(index: number): void;
}

const OFFSCREEN = 'virtual-list__item--offscreen';

export function VirtualList(props: {
  keys: readonly string[];
  /** The scrolling ancestor; read once mounted. */
  scroller: HTMLElement;
  /** Height in px of an item not measured yet. */
  estimate: number;
  /** Items rendered beyond each edge of the viewport. */
  overscan?: number;
  /**
   * A key kept in the DOM however far it scrolls away: the card being dragged
   * (a drag ends with an event on the element it started from) or carried by
   * the keyboard (it has the focus, which a removed element loses).
   */
  keep?: string | null;
  handle?: (handle: VirtualListHandle) => void;
  children: (key: string, index: Accessor<number>) => JSX.Element;
}): JSX.Element {
  let list!: HTMLDivElement;
  const [sizes, setSizes] = createSignal<ReadonlyMap<string, number>>(new Map());
  const [top, setTop] = createSignal(0);
  const [height, setHeight] = createSignal(0);
  const [gap, setGap] = createSignal(0);
  /** Where the list starts inside the scroller's content (anything above it, its padding). */
  let listTop = 0;

  const indexOf = createMemo(() => new Map(props.keys.map((key, i) => [key, i])));
  const offsets = createMemo(() => {
    const known = sizes();
    return prefixOffsets(props.keys.map((key) => known.get(key) ?? props.estimate), gap());
  });
  const range = createMemo(() => visibleRange(offsets(), top(), height(), props.overscan ?? 4), undefined, {
    equals: (a, b) => a.start === b.start && a.end === b.end,
  });
  const inRange = (i: number | undefined) => i !== undefined && i >= range().start && i < range().end;
  const rendered = createMemo(() => {
    const { start, end } = range();
    const keys = props.keys.slice(start, end);
    const kept = props.keep;
    const at = kept ? indexOf().get(kept) : undefined;
    if (at === undefined || inRange(at)) return keys;
    // On the side it really is, so the DOM node is not moved (a move would drop its focus).
    return at < start ? [kept!, ...keys] : [...keys, kept!];
  });
  const padding = () => {
    const o = offsets();
    const { start, end } = range();
    return { top: o[start] ?? 0, bottom: Math.max(0, (o[o.length - 1] ?? 0) - (o[end] ?? 0)) };
  };

  const sizeObserver = new ResizeObserver((entries) => {
    let next: Map<string, number> | undefined;
    for (const entry of entries) {
      const el = entry.target as HTMLElement;
      const key = el.dataset['virtualKey'];
      const size = entry.borderBoxSize[0]?.blockSize ?? el.offsetHeight;
      // An element kept off screen is clipped to nothing: its size says nothing about the item.
      if (key === undefined || size === 0 || el.classList.contains(OFFSCREEN)) continue;
      if ((next ?? sizes()).get(key) !== size) (next ??= new Map(sizes())).set(key, size);
    }
    if (next) setSizes(next);
  });

  onMount(() => {
    const scroller = props.scroller;
    const measure = () => {
      listTop = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setGap(parseFloat(getComputedStyle(list).rowGap) || 0);
      setHeight(scroller.clientHeight);
      setTop(scroller.scrollTop - listTop);
    };
    const onScroll = () => setTop(scroller.scrollTop - listTop);
    const viewportObserver = new ResizeObserver(measure);
    viewportObserver.observe(scroller);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    measure();
    onCleanup(() => {
      viewportObserver.disconnect();
      scroller.removeEventListener('scroll', onScroll);
    });
    props.handle?.({
      scrollToIndex(index) {
        const next = scrollToShow(offsets(), gap(), index, top(), height());
        if (next !== top()) scroller.scrollTop = next + listTop;
      },
    });
  });
  onCleanup(() => sizeObserver.disconnect());

  return (
    <div
      ref={list}
      class="virtual-list"
      style={{ 'padding-top': `${padding().top}px`, 'padding-bottom': `${padding().bottom}px` }}
    >
      <For each={rendered()}>
        {(key) => {
          const index = () => indexOf().get(key) ?? -1;
          return (
            <div
              class="virtual-list__item"
              classList={{ [OFFSCREEN]: !inRange(index()) }}
              data-virtual-key={key}
              ref={(el) => {
                sizeObserver.observe(el);
                onCleanup(() => sizeObserver.unobserve(el));
              }}
            >
              {props.children(key, index)}
            </div>
          );
        }}
      </For>
    </div>
  );
}
