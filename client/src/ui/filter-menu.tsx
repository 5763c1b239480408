// One facet of a filter as a button that opens a list of checkboxes (several
// may be ticked: within a facet they are an OR). Closes on Escape, which gives
// the focus back to the button, and on a click or focus outside it; a click
// on an option's text ticks it and leaves the menu open, as on its box.
import { createEffect, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';

export interface FilterOption {
  value: string;
  label: string;
}

export function FilterMenu(props: {
  /** The facet's name: the button's text and the list's label. */
  label: string;
  /** For data-testid: filter-<name>. */
  name: string;
  options: readonly FilterOption[];
  selected: readonly string[];
  onToggle(value: string): void;
  /** Shown when there is nothing to pick. */
  empty?: string;
}) {
  const [open, setOpen] = createSignal(false);
  const id = createUniqueId();
  let root!: HTMLDivElement;
  let button!: HTMLButtonElement;

  const closeWhenOutside = (e: Event) => {
    if (!root.contains(e.target as Node | null)) setOpen(false);
  };
  // Listening only while open: a board has several of these menus, and most of the time none is open.
  createEffect(() => {
    if (!open()) return;
    document.addEventListener('pointerdown', closeWhenOutside);
    document.addEventListener('focusin', closeWhenOutside);
    onCleanup(() => {
      document.removeEventListener('pointerdown', closeWhenOutside);
      document.removeEventListener('focusin', closeWhenOutside);
    });
  });

  const count = () => props.selected.length;
  const summary = () => {
    if (count() === 0) return '';
    if (count() > 1) return String(count());
    const only = props.selected[0];
    return props.options.find((o) => o.value === only)?.label ?? '1';
  };

  return (
    <div
      class="filter-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open()) {
          e.stopPropagation();
          setOpen(false);
          button.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        class="filter-menu__button"
        classList={{ 'filter-menu__button--active': count() > 0 }}
        aria-expanded={open()}
        aria-controls={id}
        data-testid={`filter-${props.name}`}
        onClick={() => setOpen(!open())}
      >
        {props.label}
        <Show when={summary()}>
          <span class="filter-menu__summary">{summary()}</span>
          {/* Said, not shown: a name that holds what is shown (the summary) and how many are chosen. */}
          <span class="visually-hidden">, {count()} selected</span>
        </Show>
        <span class="filter-menu__chevron" aria-hidden="true" />
      </button>
      <Show when={open()}>
        {/* Focusable so that a press on an option's text, which is not focusable itself, puts the focus here:
            otherwise it goes to the nearest focusable ancestor (the page's <main>), which reads as a focus
            outside and closes the menu before the click can tick the box. */}
        <fieldset class="filter-menu__panel" id={id} tabIndex={-1} data-testid={`filter-${props.name}-options`}>
          <legend class="visually-hidden">{props.label}</legend>
          <For each={props.options} fallback={<p class="filter-menu__empty">{props.empty ?? 'Nothing to pick'}</p>}>
            {(option) => (
              <label class="filter-menu__option">
                <input
                  type="checkbox"
                  value={option.value}
                  checked={props.selected.includes(option.value)}
                  data-testid="filter-option"
                  data-value={option.value}
                  onChange={() => props.onToggle(option.value)}
                />
                <span>{option.label}</span>
              </label>
            )}
          </For>
        </fieldset>
      </Show>
    </div>
  );
}
