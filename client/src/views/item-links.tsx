// The item's links in the panel, grouped by what they say from its side
// ("is blocked by"), each naming the other item with its status and opening
// it; editors remove a link or add one (link-picker.tsx). Both go through the
// board's send path: shown at once, rolled back with the server's words.
import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import type { BoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import type { Card } from '../store/model/items.ts';
import { itemLinkGroups, type LinkEnd, type LinkEntry } from '../store/model/link-views.ts';
import '../styles/links-dates.css';
import { LinkPicker } from './link-picker.tsx';

export function ItemLinks(props: { board: BoardSlice; item: Card; editable: boolean; open(itemNumber: number): void }) {
  const live = useLive();
  const navigate = useNavigate();
  const board = props.board;
  const groups = createMemo(() => itemLinkGroups(props.item.id, board.links(), board.linkEnds()));
  const count = () => groups().reduce((n, g) => n + g.entries.length, 0);
  const [adding, setAdding] = createSignal(false);
  const [problem, setProblem] = createSignal('');
  let shown = true;
  onCleanup(() => (shown = false));
  // A refusal may come after the panel closed (a write queued offline): then a toast says it.
  const say = (words: string | null) => {
    if (!words) return;
    if (shown) setProblem(words);
    else live.toasts.show(words);
  };
  const openEnd = (end: LinkEnd) => (end.onBoard ? props.open(end.number) : navigate(`/p/${end.projectKey}/item/${end.number}`));
  const remove = (entry: LinkEntry) => {
    setProblem('');
    void board.unlink(entry.link, entry.other.key).then(say);
  };

  return (
    <section class="item-section" aria-labelledby="item-links-title" data-testid="item-links">
      <div class="item-section__bar">
        <h2 id="item-links-title" class="item-section__title">
          Links <span class="item-section__count">{count()}</span>
        </h2>
        <Show when={props.editable && !adding()}>
          <button type="button" class="link-button" data-testid="add-link" onClick={() => setAdding(true)}>
            + Add link
          </button>
        </Show>
      </div>
      <Show when={problem()}>
        <p class="form-alert" role="alert" data-testid="links-error">
          {problem()}
        </p>
      </Show>
      <Show when={adding()}>
        <LinkPicker
          itemId={props.item.id}
          close={() => setAdding(false)}
          pick={(choice, other) => {
            setAdding(false);
            setProblem('');
            void board.link(props.item.id, choice, other).then(say);
          }}
        />
      </Show>
      <For each={groups()}>
        {(group) => (
          <div class="link-group" data-testid="link-group" data-words={group.words}>
            <h3 class="link-group__words">{group.words}</h3>
            <ul class="subtasks">
              <For each={group.entries}>
                {(entry) => (
                  <li class="item-link" classList={{ 'subtask--pending': !!entry.link.pending }} data-testid="link" data-key={entry.other.key} data-pending={entry.link.pending ? 'true' : undefined}>
                    <button type="button" class="subtask__link" onClick={() => openEnd(entry.other)} data-testid="link-open">
                      <span class="subtask__key">{entry.other.key}</span>
                      <span class="subtask__title">{entry.other.title}</span>
                      <span class="subtask__status" data-testid="link-status">
                        {entry.other.status}
                      </span>
                    </button>
                    <Show when={props.editable && !entry.link.pending}>
                      <button
                        type="button"
                        class="icon-button"
                        aria-label={`Remove the link: ${group.words} ${entry.other.key}`}
                        title="Remove the link"
                        data-testid="link-remove"
                        onClick={() => remove(entry)}
                      >
                        ×
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </For>
    </section>
  );
}
