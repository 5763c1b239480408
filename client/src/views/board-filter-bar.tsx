// The bar above the board's columns: a text filter, one menu per facet (Type
// lists the built-in types, then the project's own: board-filter.ts typeFilterOptions),
// a menu per custom field (its options, people, or whether it has a value), toggles that leave sub-tasks off and keep cards due this week, the grouping, how many cards show, and a way back to all of them. It holds no
// state but whether it is folded: the view is the page's (which keeps it in the URL). At phone width the
// controls fold away behind one button (board.css), so the board's header stays short.
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { FilterMenu, type FilterOption } from '../ui/filter-menu.tsx';
import { customChosen, EMPTY_FILTER, isFiltering, toggle, toggleCustom, type BoardView, type Facet, type GroupBy } from './board-filter.ts';

/** One custom field's menu: its values to pick (board-page.tsx builds them by the field's kind). */
export interface CustomFacet {
  fieldId: string;
  name: string;
  options: readonly FilterOption[];
}

const count = (n: number) => n.toLocaleString('en-US');

export function BoardFilterBar(props: {
  view: BoardView;
  onChange(view: BoardView): void;
  options: Record<Facet, readonly FilterOption[]>;
  customFacets: readonly CustomFacet[];
  shown: number;
  total: number;
  /** The board is a first screen: the whole board has more cards than `total`. */
  partial: boolean;
}) {
  const groupId = createUniqueId();
  const controlsId = createUniqueId();
  const [unfolded, setUnfolded] = createSignal(false);
  const setFilter = (filter: BoardView['filter']) => props.onChange({ ...props.view, filter });
  const facets: { facet: Facet; label: string; name: string; empty: string }[] = [
    { facet: 'assignees', label: 'Assignee', name: 'assignee', empty: 'Nobody to pick' },
    { facet: 'types', label: 'Type', name: 'type', empty: 'No types' },
    { facet: 'labels', label: 'Label', name: 'label', empty: 'This project has no labels yet' },
    { facet: 'sprints', label: 'Sprint', name: 'sprint', empty: 'No sprints' },
  ];
  return (
    <div class="filter-bar" classList={{ 'filter-bar--unfolded': unfolded() }} role="search" aria-label="Filter the board" data-testid="filter-bar">
      <button
        type="button"
        class="filter-menu__button filter-bar__fold"
        classList={{ 'filter-menu__button--active': isFiltering(props.view.filter) }}
        aria-expanded={unfolded()}
        aria-controls={controlsId}
        onClick={() => setUnfolded(!unfolded())}
        data-testid="filter-fold"
      >
        Filters
        <span class="filter-menu__chevron" aria-hidden="true" />
      </button>
      <div class="filter-bar__controls" id={controlsId}>
        <input
          type="search"
          class="field__input filter-bar__text"
          placeholder="Filter by key or title"
          aria-label="Filter cards by key or title"
          value={props.view.filter.text}
          onInput={(e) => setFilter({ ...props.view.filter, text: e.currentTarget.value })}
          data-testid="filter-text"
        />
        <For each={facets}>
          {(f) => (
            <FilterMenu
              label={f.label}
              name={f.name}
              empty={f.empty}
              options={props.options[f.facet]}
              selected={props.view.filter[f.facet]}
              onToggle={(value) => setFilter(toggle(props.view.filter, f.facet, value))}
            />
          )}
        </For>
        <For each={props.customFacets}>
          {(f) => (
            <FilterMenu
              label={f.name}
              name={`cf-${f.fieldId}`}
              options={f.options}
              selected={customChosen(props.view.filter, f.fieldId)}
              onToggle={(value) => setFilter(toggleCustom(props.view.filter, f.fieldId, value))}
            />
          )}
        </For>
        <button
          type="button"
          class="filter-menu__button filter-bar__toggle"
          classList={{ 'filter-menu__button--active': !!props.view.filter.hideSubtasks }}
          aria-pressed={!!props.view.filter.hideSubtasks}
          onClick={() => setFilter({ ...props.view.filter, hideSubtasks: !props.view.filter.hideSubtasks })}
          data-testid="filter-subtasks"
        >
          Hide sub-tasks
        </button>
        <button
          type="button"
          class="filter-menu__button filter-bar__toggle"
          classList={{ 'filter-menu__button--active': !!props.view.filter.dueThisWeek }}
          aria-pressed={!!props.view.filter.dueThisWeek}
          onClick={() => setFilter({ ...props.view.filter, dueThisWeek: !props.view.filter.dueThisWeek })}
          data-testid="filter-due-week"
        >
          Due this week
        </button>
        <div class="filter-bar__group">
          <label for={groupId}>Group by</label>
          <select
            id={groupId}
            class="filter-bar__select"
            value={props.view.groupBy}
            onChange={(e) => props.onChange({ ...props.view, groupBy: e.currentTarget.value as GroupBy })}
            data-testid="group-by"
          >
            <option value="none">None</option>
            <option value="epic">Epic</option>
          </select>
        </div>
      </div>
      <span class="filter-bar__spacer" />
      <p class="filter-bar__count" aria-live="polite" data-testid="filter-count" data-shown={props.shown} data-total={props.total}>
        {isFiltering(props.view.filter)
          ? `${count(props.shown)} of ${count(props.total)}${props.partial ? '+' : ''} cards`
          : `${count(props.total)}${props.partial ? '+' : ''} ${props.total === 1 && !props.partial ? 'card' : 'cards'}`}
      </p>
      <Show when={isFiltering(props.view.filter)}>
        <button type="button" class="button button--ghost filter-bar__clear" onClick={() => setFilter(EMPTY_FILTER)} data-testid="filter-clear">
          Clear filters
        </button>
      </Show>
    </div>
  );
}
