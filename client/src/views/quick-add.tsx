// The quick-add form at the top of a column: a type (built-in or one of the
// project's own, sent as a task naming it; remembered per column on this
// device) and a title; Enter adds the card and keeps the form open for
// the next one, which goes right below it, so a list typed in one go keeps
// the order it was typed in. Escape closes it; the next add goes on top again.
import { useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, Show } from 'solid-js';
import { appliesTo, fieldTypeKey } from '../../../shared/domain/custom-fields.ts';
import { pluralTypeName } from '../../../shared/domain/item-types.ts';
import { ItemType, StatusCategory, type ICustomFieldValue } from '../../../shared/proto.ts';
import type { BoardSlice, Column } from '../store/board.ts';
import { makeDeviceStorage } from '../store/device-storage.ts';
import { useLive } from '../store/live.ts';
import { typeNameOf } from '../store/model/custom-fields-draft.ts';
import { itemTypesOf } from '../store/model/item-types-draft.ts';
import type { Card } from '../store/model/items.ts';
import { Select } from '../ui/select.tsx';
import { ITEM_TYPES } from './board-filter.ts';
import { CustomFieldInput } from './custom-field-input.tsx';

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
/** A project's own type is kept as "c:<id>" under the same key. */
const CUSTOM = 'c:';
function rememberedCustomType(statusId: string): string {
  const kept = prefs.get(typeKey(statusId)) ?? '';
  return kept.startsWith(CUSTOM) ? kept.slice(CUSTOM.length) : '';
}

export function QuickAdd(props: { column: Column; board: BoardSlice; hiddenByFilter: HiddenByFilter }) {
  const live = useLive();
  const [open, setOpen] = createSignal(false);
  const [title, setTitle] = createSignal('');
  const [type, setType] = createSignal(rememberedType(props.column.status.id));
  /** One of the project's own types ('' for a built-in one); `type` is then TASK. */
  const [customType, setCustomType] = createSignal(rememberedCustomType(props.column.status.id));
  const ownTypes = () => itemTypesOf(props.board.project());
  /** The chosen own type while the project still has it. */
  const chosenOwn = () => ownTypes().find((t) => t.id === customType());
  const typeOptions = () => [
    ...TYPES.map((t) => ({ value: String(t.value), label: t.label })),
    ...ownTypes().map((t) => ({ value: `${CUSTOM}${t.id}`, label: `${t.icon} ${t.name}`.trim() })),
  ];
  /** Values of the required custom fields, by field id: kept for the next card. */
  const [values, setValues] = createSignal<ReadonlyMap<string, ICustomFieldValue>>(new Map());
  const required = () => props.board.customFields().filter((f) => f.required && appliesTo(f, fieldTypeKey(typeNameOf(type()), chosenOwn()?.id)));
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
    const customFields = required().flatMap((f) => values().get(f.id) ?? []);
    const card = props.board.quickAdd(props.column.status.id, title(), { itemType: chosenOwn() ? DEFAULT_TYPE : type(), afterId: last, customFields, customTypeId: chosenOwn()?.id ?? '' });
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
          value={chosenOwn() ? `${CUSTOM}${customType()}` : String(type())}
          options={typeOptions()}
          onChange={(value) => {
            const own = value.startsWith(CUSTOM);
            setCustomType(own ? value.slice(CUSTOM.length) : '');
            setType(own ? DEFAULT_TYPE : (Number(value) as ItemType));
            prefs.set(typeKey(props.column.status.id), value);
            input?.focus();
          }}
        />
        <Show when={required().length > 0}>
          <div class="quick-add__required" data-testid="quick-add-required">
            <p class="quick-add__required-note">New {chosenOwn() ? pluralTypeName(chosenOwn()!.name) : `${ITEM_TYPES.find((t) => t.type === type())?.label.toLowerCase() ?? 'item'}s`} need:</p>
            <For each={required()}>
              {(field) => (
                <CustomFieldInput
                  field={field}
                  value={values().get(field.id) ?? null}
                  members={props.board.members()}
                  begin={() => 0}
                  commit={(entry) => setValues((m) => new Map(m).set(field.id, entry))}
                  invalid={(message) => live.toasts.show(message)}
                />
              )}
            </For>
          </div>
        </Show>
      </form>
    </Show>
  );
}
