// A column's name and card count, and the quick-add form that puts a new card
// at the top of the column.
import { createSignal, Show } from 'solid-js';
import type { Card } from '../store/model/items.ts';
import { type BoardSlice, type Column } from '../store/board.ts';
import { useLive } from '../store/live.ts';

// One formatter for the page: toLocaleString builds one per call, which showed in profiles of a busy board.
const count = new Intl.NumberFormat('en-US').format;

/** Whether the board's filter hides this card. */
export type HiddenByFilter = (card: Card) => boolean;

function QuickAdd(props: { column: Column; board: BoardSlice; hiddenByFilter: HiddenByFilter }) {
  const live = useLive();
  const [open, setOpen] = createSignal(false);
  const [title, setTitle] = createSignal('');
  let input: HTMLInputElement | undefined;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!title().trim()) return;
    const card = props.board.quickAdd(props.column.status.id, title());
    // Otherwise it would seem to vanish as it is made.
    if (card && props.hiddenByFilter(card)) live.toasts.show(`Added “${card.title}”. The current filter hides it.`, 'info');
    // Stays open for the next one, as in Linear: adding several in a row is common.
    setTitle('');
    input?.focus();
  };
  return (
    <Show
      when={open()}
      fallback={
        <button
          type="button"
          class="quick-add__button"
          data-testid="quick-add"
          aria-label={`Add a card to ${props.column.status.name}`}
          onClick={() => {
            setOpen(true);
            input?.focus();
          }}
        >
          + Add card
        </button>
      }
    >
      <form class="quick-add" onSubmit={submit} data-testid="quick-add-form">
        <input
          ref={(el) => {
            input = el;
            queueMicrotask(() => el.focus());
          }}
          class="field__input quick-add__input"
          placeholder="What needs doing?"
          aria-label={`New card title in ${props.column.status.name}`}
          maxLength={500}
          value={title()}
          onInput={(e) => setTitle(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setTitle('');
              setOpen(false);
            }
          }}
          data-testid="quick-add-input"
        />
      </form>
    </Show>
  );
}


export function ColumnHeader(props: { column: Column; count: number; board: BoardSlice; hiddenByFilter: HiddenByFilter }) {
  return (
    <>
      <header class="column__header">
        <h2 class="column__name">{props.column.status.name}</h2>
        <span class="column__count" data-testid="column-count">
          {count(props.count)}
        </span>
      </header>
      <Show when={props.board.canEdit()}>
        <QuickAdd column={props.column} board={props.board} hiddenByFilter={props.hiddenByFilter} />
      </Show>
    </>
  );
}
