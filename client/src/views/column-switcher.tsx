// At phone width the board shows one column at a time: board.css makes each
// column as wide as the board and snaps the sideways scroll to columns, so a
// swipe moves one column. These tabs, shown only there, name the columns with
// their counts, follow the one in view and scroll to the one chosen (arrow
// keys, Home and End move between them, as tabs do).
import { createEffect, createSignal, For, on, onCleanup, onMount, type Accessor } from 'solid-js';

// One formatter for the page: toLocaleString builds one per call.
const count = new Intl.NumberFormat('en-US').format;

export function ColumnSwitcher(props: {
  /** The columns' status ids, in board order (keys, so a count that changes re-renders no tab). */
  columns: readonly string[];
  name(index: number): string;
  count(index: number): number;
  /** The board's sideways scroller (made after the tabs, hence read when needed); its grid's first-row children are the columns, or the column heads above lanes. */
  scroller: () => HTMLElement;
  scrollerId: string;
  /** A column to bring into view (the keyboard's move target), when it changes. */
  follow: Accessor<number | undefined>;
}) {
  const [shown, setShown] = createSignal(0);
  const tabs: HTMLButtonElement[] = [];
  const columnEls = () => [...props.scroller().querySelectorAll<HTMLElement>(':scope > .board__grid > .column')];
  const offsetOf = (el: HTMLElement) => el.getBoundingClientRect().left - props.scroller().getBoundingClientRect().left;
  /** Only while the tabs show (phone width): elsewhere the columns are side by side and the board keeps its own scroll. */
  const active = () => tabs[0]?.checkVisibility() === true;

  const show = (index: number, focus = false) => {
    const el = columnEls()[index];
    if (!el) return;
    setShown(index);
    props.scroller().scrollTo({ left: props.scroller().scrollLeft + offsetOf(el), behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    if (focus) tabs[index]?.focus();
  };

  onMount(() => {
    const scroller = props.scroller();
    let frame = 0;
    // The column nearest the scroller's left edge is the one in view (a swipe, or a scroll that snapped).
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const offsets = columnEls().map((el) => Math.abs(offsetOf(el)));
        setShown(offsets.indexOf(Math.min(...offsets)));
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    onCleanup(() => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
    });
  });
  createEffect(on(props.follow, (index) => index !== undefined && active() && show(index)));

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = props.columns.length - 1;
    const to = { ArrowRight: Math.min(index + 1, last), ArrowLeft: Math.max(index - 1, 0), Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    show(to, true);
  };

  return (
    <div class="column-switcher" role="tablist" aria-label="Columns" data-testid="column-switcher">
      <For each={props.columns}>
        {(_id, i) => (
          <button
            ref={(el) => (tabs[i()] = el)}
            type="button"
            class="column-switcher__tab"
            role="tab"
            aria-selected={shown() === i()}
            aria-controls={props.scrollerId}
            tabIndex={shown() === i() ? 0 : -1}
            data-testid="column-tab"
            data-status-name={props.name(i())}
            onClick={() => show(i())}
            onKeyDown={(e) => onKeyDown(e, i())}
          >
            {props.name(i())}
            <span class="column__count">{count(props.count(i()))}</span>
          </button>
        )}
      </For>
    </div>
  );
}
