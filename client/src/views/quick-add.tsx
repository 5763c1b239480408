// The quick-add form at the top of a column: a type (remembered per column on
// this device) and a title; Enter adds the card and keeps the form open for
// the next one, which goes right below it, so a list typed in one go keeps
// the order it was typed in. Escape closes it; the next add goes on top again.
import { useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { ItemType, StatusCategory } from '../../../shared/proto.ts';
import type { BoardSlice, Column } from '../store/board.ts';
import { makeDeviceStorage } from '../store/device-storage.ts';
import { useLive } from '../store/live.ts';
import type { Card } from '../store/model/items.ts';
import { Select } from '../ui/select.tsx';
import { ITEM_TYPES } from './board-filter.ts';

/** Whether the board's filter hides this card. */
export type HiddenByFilter = (card: Card) => boolean;

// A sub-task needs a parent, which a column's form has no way to name: it is added from its parent's panel.
const TYPES = ITEM_TYPES.filter((t) => t.type !== ItemType.ITEM_TYPE_SUBTASK).map((t) => ({ value: t.type, label: t.label }));
const DEFAULT_TYPE = ItemType.ITEM_TYPE_TASK;

const prefs = makeDeviceStorage();
const typeKey = (statusId: string) => `tandem.quick-add-type:${statusId}`;
function rememberedType(statusId: string): ItemType {
  const kept = Number(prefs.get(typeKey(statusId)));
  return TYPES.find((t) => t.value === kept)?.value ?? DEFAULT_TYPE;
}

export function QuickAdd(props: { column: Column; board: BoardSlice; hiddenByFilter: HiddenByFilter }) {
  const live = useLive();
  const [open, setOpen] = createSignal(false);
  const [title, setTitle] = createSignal('');
  const [type, setType] = createSignal(rememberedType(props.column.status.id));
  /** The card this form added last while open: the next one goes right below it. */
  let last: string | undefined;
  let input: HTMLInputElement | undefined;
  const close = () => {
    setTitle('');
    setOpen(false);
  };
  const [params, setParams] = useSearchParams();
  // "Create item" in the command palette comes here as ?add=1: the form of the board's first to-do column opens.
  createEffect(() => {
    if (params['add'] !== '1') return;
    const columns = props.board.columns();
    const target = columns.find((c) => c.status.category === StatusCategory.STATUS_CATEGORY_UNSTARTED) ?? columns[0];
    if (target?.status.id !== props.column.status.id) return;
    last = undefined;
    setOpen(true);
    setParams({ add: undefined }, { replace: true });
  });
  const submit = (e: Event) => {
    e.preventDefault();
    if (!title().trim()) return;
    const card = props.board.quickAdd(props.column.status.id, title(), { itemType: type(), afterId: last });
    if (card) last = card.id;
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
          aria-label={`Add card to ${props.column.status.name}`}
          onClick={() => {
            last = undefined;
            setOpen(true);
          }}
        >
          <span aria-hidden="true">+</span> Add card
        </button>
      }
    >
      <form class="quick-add" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && close()} data-testid="quick-add-form">
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
          data-testid="quick-add-input"
        />
        <Select
          label={`Type of new cards in ${props.column.status.name}`}
          testId="quick-add-type"
          class="quick-add__type"
          value={type()}
          options={TYPES}
          onChange={(value) => {
            setType(value);
            prefs.set(typeKey(props.column.status.id), String(value));
            input?.focus();
          }}
        />
      </form>
    </Show>
  );
}
