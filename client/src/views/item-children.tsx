// The items under an item (a story's sub-tasks, an epic's stories), each a
// link to its own panel, and for editors a quick form that adds one at the
// top of the parent's column.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ItemType } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import type { Card } from '../store/model/items.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { statusName } from './item-format.ts';

export function ItemChildren(props: { board: BoardSlice; item: Card; open(itemNumber: number): void; editable: boolean }) {
  const children = createMemo(() =>
    [...props.board.items().values()].filter((c) => c.parentId === props.item.id).sort((a, b) => Number(a.number ?? 0) - Number(b.number ?? 0)),
  );
  const [adding, setAdding] = createSignal(false);
  const [title, setTitle] = createSignal('');
  const isEpic = () => props.item.itemType === ItemType.ITEM_TYPE_EPIC;
  const canHaveChildren = () => props.item.itemType !== ItemType.ITEM_TYPE_SUBTASK;
  return (
    <Show when={canHaveChildren()}>
      <section class="item-section" aria-labelledby="item-children-title">
        <div class="item-section__bar">
          <h2 id="item-children-title" class="item-section__title">
            {isEpic() ? 'Items in this epic' : 'Sub-tasks'} <span class="item-section__count">{children().length}</span>
          </h2>
          <Show when={props.editable && !adding()}>
            <button type="button" class="link-button" data-testid="add-subtask" onClick={() => setAdding(true)}>
              {isEpic() ? '+ Add story' : '+ Add sub-task'}
            </button>
          </Show>
        </div>
        <ul class="subtasks" data-testid="subtasks">
          <For each={children()}>
            {(c) => (
              <li class="subtask" classList={{ 'subtask--pending': !!c.pending }} data-testid="subtask">
                <button
                  type="button"
                  class="subtask__link"
                  disabled={isLocal(c)}
                  onClick={() => props.open(Number(c.number ?? 0))}
                >
                  <span class="subtask__key">{c.key || 'New'}</span>
                  <span class="subtask__title">{c.title}</span>
                  <span class="subtask__status">{statusName(props.board, c.statusId)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={adding()}>
          <form
            class="subtask-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!title().trim()) return;
              props.board.addChild(props.item.id, title());
              setTitle('');
            }}
          >
            <input
              class="field__input"
              aria-label={isEpic() ? 'New story title' : 'New sub-task title'}
              placeholder="Title"
              value={title()}
              maxLength={500}
              onInput={(e) => setTitle(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setAdding(false);
                }
              }}
              ref={(el) => queueMicrotask(() => el.focus())}
              data-testid="subtask-input"
            />
          </form>
        </Show>
      </section>
    </Show>
  );
}
