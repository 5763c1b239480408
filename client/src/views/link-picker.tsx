// The item panel's form for a new link: what the open item is to the other
// (blocks, is blocked by...), then the other item, found by key or title
// across the person's projects (the `search` read) and picked from the hits.
import { createSignal, For, Show } from 'solid-js';
import type { ILinkedItem, ISearchHit } from '../../../shared/proto.ts';
import { useLive } from '../store/live.ts';
import { LINK_CHOICES, type LinkChoice, type LinkTarget } from '../store/model/link-writes.ts';
import { createPaletteSearch } from '../store/palette-search.ts';
import { Select } from '../ui/select.tsx';

export type PickedItem = LinkTarget & ILinkedItem;

const pickedOf = (hit: ISearchHit): PickedItem => ({
  id: hit.workItemId ?? '',
  key: hit.key ?? '',
  projectId: hit.projectId ?? '',
  projectKey: hit.projectKey ?? '',
  title: hit.title ?? '',
  statusCategory: hit.statusCategory ?? 0,
});

export function LinkPicker(props: { itemId: string; pick(choice: LinkChoice, item: PickedItem): void; close(): void }) {
  const live = useLive();
  const [choice, setChoice] = createSignal<LinkChoice>(LINK_CHOICES[0]!);
  const [query, setQuery] = createSignal('');
  const [hits, setHits] = createSignal<readonly ISearchHit[]>([]);
  const problem = createPaletteSearch(
    live,
    query,
    // An answer to an older query than the one typed is dropped.
    (asked, found) => asked === query() && setHits(found.filter((h) => h.workItemId !== props.itemId)),
    'Finding an item to link needs a connection.',
  );
  const shown = () => (query().trim() ? hits() : []);
  const pick = (hit: ISearchHit) => props.pick(choice(), pickedOf(hit));

  return (
    <form
      class="link-picker"
      data-testid="link-picker"
      onSubmit={(e) => {
        e.preventDefault();
        const first = shown()[0];
        if (first) pick(first);
      }}
    >
      <div class="link-picker__row">
        <span class="link-picker__lead" aria-hidden="true">
          This item
        </span>
        <Select
          label="This item"
          testId="link-kind"
          class="link-picker__kind"
          value={choice().name}
          options={LINK_CHOICES.map((c) => ({ value: c.name, label: c.words }))}
          onChange={(name) => setChoice(LINK_CHOICES.find((c) => c.name === name) ?? LINK_CHOICES[0]!)}
        />
        <input
          class="field__input link-picker__search"
          type="search"
          aria-label="Find the item to link, by key or title"
          placeholder="Key or title"
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            // The form closes, not the panel.
            e.stopPropagation();
            props.close();
          }}
          ref={(el) => queueMicrotask(() => el.focus())}
          data-testid="link-search"
        />
        <button type="button" class="button button--ghost" onClick={() => props.close()} data-testid="link-cancel">
          Cancel
        </button>
      </div>
      <Show when={problem()}>
        <p class="item-muted" data-testid="link-search-problem">
          {problem()}
        </p>
      </Show>
      <ul class="subtasks" aria-label="Items found" data-testid="link-hits">
        <For each={shown()}>
          {(hit) => (
            <li>
              <button type="button" class="subtask__link" onClick={() => pick(hit)} data-testid="link-hit" data-key={hit.key}>
                <span class="subtask__key">{hit.key}</span>
                <span class="subtask__title">{hit.title}</span>
                <span class="subtask__status">{hit.statusName}</span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </form>
  );
}
