// The command palette: Ctrl/Cmd-K on every signed-in page. Typing searches
// items across the person's projects (store/palette-search.ts) and filters
// the commands; arrow keys choose, Enter opens. A modal dialog (ui/modal-dialog.tsx):
// Escape closes it and the focus goes back where it was.
import { useLocation, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { useLive } from '../store/live.ts';
import { createPaletteSearch } from '../store/palette-search.ts';
import {
  answered, itemPath, listProjects, moved, PALETTE_START, paletteEntries, typed, type PaletteCommand, type PaletteEntry,
} from '../store/model/palette.ts';
import { useTheme } from '../theme/theme.ts';
import { ModalDialog } from '../ui/modal-dialog.tsx';
import '../styles/palette.css';

const isPaletteKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';

export function CommandPalette() {
  const [open, setOpen] = createSignal(false);
  const onKey = (e: KeyboardEvent) => {
    if (!isPaletteKey(e)) return;
    // The browser's own Ctrl-K (its search bar) is not what a person in the app means.
    e.preventDefault();
    setOpen((o) => !o);
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));
  return (
    <>
      <button type="button" class="palette-trigger" onClick={() => setOpen(true)} aria-keyshortcuts="Control+K Meta+K" data-testid="palette-open">
        <span>Search</span>
        <kbd class="palette-trigger__keys">Ctrl K</kbd>
      </button>
      <Show when={open()}>
        <Palette close={() => setOpen(false)} />
      </Show>
    </>
  );
}

function Palette(props: { close(): void }) {
  const live = useLive();
  const theme = useTheme();
  const navigate = useNavigate();
  const location = useLocation();
  const [state, setState] = createSignal(PALETTE_START);
  const projectKey = () => /^\/p\/([^/]+)/.exec(location.pathname)?.[1] ?? null;
  const entries = createMemo(() =>
    paletteEntries(state(), {
      projectKey: projectKey(),
      projects: (live.projects.list() ?? []).map((p) => ({ key: p.key ?? '', name: p.name ?? '' })),
    }),
  );
  const problem = createPaletteSearch(
    live,
    () => (state().mode === 'all' ? state().query : ''),
    (query, hits) => setState((s) => answered(s, query, hits)),
  );
  let input: HTMLInputElement | undefined;

  const go = (path: string) => {
    props.close();
    navigate(path);
  };
  const run = (command: PaletteCommand) => {
    const key = projectKey();
    switch (command) {
      case 'create-item':
        return go(`/p/${key}?add=1`);
      case 'go-board':
        return go(`/p/${key}`);
      case 'go-backlog':
        return go(`/p/${key}/backlog`);
      case 'switch-project':
        setState(listProjects);
        return input?.focus();
      case 'toggle-theme':
        theme.toggle();
        return props.close();
    }
  };
  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    if (entry.kind === 'item') go(itemPath(entry.hit));
    else if (entry.kind === 'project') go(`/p/${entry.project.key}`);
    else run(entry.command);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step) {
      e.preventDefault();
      setState((s) => moved(s, step, entries().length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(entries()[state().selected]);
    }
  };
  const optionId = (entry: PaletteEntry) => `palette-${entry.id.replace(/[^\w-]/g, '-')}`;
  const active = () => entries()[state().selected];

  return (
    <ModalDialog class="palette" aria-label="Command palette" onDismiss={props.close} initialFocus={() => input} data-testid="palette">
      <input
        ref={input}
        class="palette__input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-autocomplete="list"
        aria-activedescendant={active() ? optionId(active()!) : undefined}
        aria-label={state().mode === 'projects' ? 'Switch to project' : 'Search items or type a command'}
        placeholder={state().mode === 'projects' ? 'Project…' : 'Search items or type a command…'}
        value={state().query}
        onInput={(e) => setState((s) => typed(s, e.currentTarget.value))}
        onKeyDown={onKeyDown}
        data-testid="palette-input"
      />
      <Show when={problem()}>
        <p class="palette__note" role="status">
          {problem()}
        </p>
      </Show>
      <ul id="palette-list" class="palette__list" role="listbox" aria-label="Results">
        <For each={entries()}>
          {(entry, i) => (
            <li
              id={optionId(entry)}
              role="option"
              class="palette__option"
              aria-selected={i() === state().selected}
              data-kind={entry.kind}
              data-testid="palette-option"
              onMouseMove={() => i() !== state().selected && setState((s) => ({ ...s, selected: i() }))}
              onClick={() => choose(entry)}
            >
              <EntryView entry={entry} />
            </li>
          )}
        </For>
      </ul>
    </ModalDialog>
  );
}

function EntryView(props: { entry: PaletteEntry }) {
  const e = props.entry;
  if (e.kind === 'command') return <span class="palette__command">{e.label}</span>;
  if (e.kind === 'project') {
    return (
      <span class="palette__item">
        <span class="palette__key">{e.project.key}</span>
        <span class="palette__title">{e.project.name}</span>
      </span>
    );
  }
  const hit = e.hit;
  const context = hit.matchedIn === 'description' || hit.matchedIn === 'comment';
  return (
    <span class="palette__item">
      <span class="palette__key">{hit.key}</span>
      <span class="palette__title">{hit.title}</span>
      <span class="palette__status">{hit.statusName}</span>
      <Show when={context}>
        <span class="palette__snippet" data-testid="palette-snippet">
          <span class="palette__where">{hit.matchedIn === 'comment' ? 'Comment: ' : ''}</span>
          <For each={hit.snippet ?? []}>{(part) => (part.match ? <mark>{part.text}</mark> : part.text)}</For>
        </span>
      </Show>
    </span>
  );
}
