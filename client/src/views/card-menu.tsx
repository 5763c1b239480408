// A card's "⋯" menu, for editors: Delete, with its key. It is a popover, so
// a column's scrolling never clips it: it opens under its button with the
// focus on its first item, and the browser closes it on Escape (the focus
// back on the button) or a click elsewhere. The keys and clicks the card
// itself acts on (open, pick up) stay inside the menu.
import { createSignal, createUniqueId, onCleanup, onMount, Show } from 'solid-js';
import type { BoardSlice } from '../store/board.ts';
import type { Card } from '../store/model/items.ts';
import { DELETE_KEYS } from './shortcuts.ts';

/** Keys a card takes for itself (Enter opens it, Space picks it up, arrows carry it). */
const CARD_KEYS = new Set(['Enter', ' ', 'Spacebar', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * Deletes the card shown by `shown` (its element, or one inside it) and puts
 * the focus on the card that takes its place in the column, or the one above:
 * a keyboard user goes on from where they were.
 */
export function deleteCard(board: Pick<BoardSlice, 'remove'>, cardId: string, shown: Element | null): void {
  const cardEl = shown?.closest('[data-card-id]');
  const column = [...(cardEl?.closest('[data-testid="column-cards"]')?.querySelectorAll<HTMLElement>('[data-card-id]') ?? [])];
  const at = column.findIndex((el) => el === cardEl);
  const next = at < 0 ? undefined : (column[at + 1] ?? column[at - 1]);
  board.remove(cardId);
  if (next) requestAnimationFrame(() => next.focus());
}

export function CardMenu(props: { card: Card; board: BoardSlice }) {
  let button!: HTMLButtonElement;
  let menu!: HTMLDivElement;
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  onMount(() => {
    const toggled = (e: Event) => {
      const opened = (e as ToggleEvent).newState === 'open';
      setOpen(opened);
      if (!opened) return;
      // The items render as the signal is set, so the menu has its size. In the top layer nothing
      // places it: below the button, right edges in line.
      const r = button.getBoundingClientRect();
      menu.style.top = `${r.bottom + 4}px`;
      menu.style.left = `${Math.max(8, r.right - menu.offsetWidth)}px`;
      menu.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    };
    menu.addEventListener('toggle', toggled);
    onCleanup(() => menu.removeEventListener('toggle', toggled));
  });
  const remove = () => {
    menu.hidePopover();
    deleteCard(props.board, props.card.id, button);
  };
  return (
    <div
      class="card-menu"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => CARD_KEYS.has(e.key) && e.stopPropagation()}
    >
      <button
        ref={button}
        type="button"
        class="card-menu__button"
        popovertarget={id}
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-label={`Actions for ${props.card.key}`}
        title="Actions"
        data-testid="card-menu"
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <div ref={menu} id={id} popover="auto" role="menu" class="card-menu__list" aria-label={`Actions for ${props.card.key}`}>
        {/* Only while open: a closed menu's words would be part of every card's text. */}
        <Show when={open()}>
          <button type="button" role="menuitem" class="card-menu__item" data-testid="card-delete" onClick={remove}>
            <span>Delete</span>
            <kbd class="card-menu__keys">{DELETE_KEYS}</kbd>
          </button>
        </Show>
      </div>
    </div>
  );
}
