// "/p/:key": one project's Kanban board. Every change goes through the board
// slice, which shows it at once and undoes it if the server says no. Above
// the columns (board-columns.tsx), a filter bar narrows the cards and can
// group them in swimlanes by epic; the view lives in the query string.
import { A, useLocation, useNavigate, useParams, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show, type Accessor } from 'solid-js';
import { CustomFieldKind, Role, SprintState } from '../../../shared/proto.ts';
import { BoardContext, createBoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import type { Card } from '../store/model/items.ts';
import { itemTypesOf } from '../store/model/item-types-draft.ts';
import { openSprints } from '../store/model/sprints.ts';
import type { FilterOption } from '../ui/filter-menu.tsx';
import { ANY_VALUE, cardMatcher, filtersByValue, isFiltering, ME, NO_VALUE, NONE, parseView, typeFilterOptions, viewQuery, type BoardView, type Facet } from './board-filter.ts';
import { BoardFilterBar, type CustomFacet } from './board-filter-bar.tsx';
import { ConflictDialogs } from './conflict-dialog.tsx';
import { viewedItem } from './item-format.ts';
import { PresenceBar } from './presence-bar.tsx';
import { ProjectBody } from './project-load-states.tsx';
import { ProjectPageHeader } from './project-page-header.tsx';
import { BoardColumns } from './board-columns.tsx';
import { SprintBanner, useSprintScope } from './sprint-banner.tsx';
import { TransferActions } from './transfer-actions.tsx';
import { useUndoKeys } from './undo-keys.ts';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The board's view (filter and grouping), read from the query string once and
 * written back to it on every change, while the URL is this board's or one of
 * its items' (the item panel's links and its close button do not carry the query).
 */
function createBoardView(projectKey: Accessor<string>): [Accessor<BoardView>, (view: BoardView) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const [view, setView] = createSignal(parseView(location.search));
  createEffect(
    on([view, () => location.pathname, () => location.search], ([v, path, search]) => {
      const base = `/p/${projectKey()}`;
      if (path !== base && !path.startsWith(`${base}/item/`)) return;
      const query = viewQuery(v, search);
      if (query !== search) navigate(`${path}${query}`, { replace: true, scroll: false });
    }),
  );
  return [view, setView];
}

export function BoardPage(props: Partial<RouteSectionProps>) {
  const params = useParams<{ key: string }>();
  const live = useLive();
  const board = createBoardSlice(live, () => params.key);
  useUndoKeys(board);
  const openSprintList = createMemo(() => openSprints(board.sprints().values()));
  const [view, setView] = createBoardView(() => params.key);
  useSprintScope(board, () => params.key, view, setView);
  const me = live.session.user.id;

  const matcher = createMemo(() => cardMatcher(view().filter, me));
  // A column whose cards did not change keeps its filtered list (and the whole list stays the same
  // array when none changed), so a remote edit to one card does not refilter 5,000.
  let filtered = new WeakMap<readonly Card[], Card[]>();
  let filteredWith: ((card: Card) => boolean) | null = null;
  const shown = createMemo<Card[][]>((prev) => {
    const filtering = isFiltering(view().filter);
    const match = matcher();
    if (match !== filteredWith) {
      filtered = new WeakMap();
      filteredWith = match;
    }
    const next = board.columns().map((c) => {
      if (!filtering) return c.cards;
      let cards = filtered.get(c.cards);
      if (!cards) filtered.set(c.cards, (cards = c.cards.filter(match)));
      return cards;
    });
    return next.length === prev.length && next.every((cards, i) => cards === prev[i]) ? prev : next;
  }, []);
  const total = () => board.columns().reduce((n, c) => n + c.cards.length, 0);
  const shownTotal = () => shown().reduce((n, cards) => n + cards.length, 0);
  const hiddenByFilter = (card: Card) => isFiltering(view().filter) && !matcher()(card);
  // Labels made since the board loaded are known only from the cards that carry them.
  const labelNames = createMemo(
    () => {
      const names = new Set(board.labels().map((l) => l.name ?? ''));
      for (const card of board.items().values()) for (const name of card.labels ?? []) names.add(name);
      names.delete('');
      return [...names].sort((a, b) => a.localeCompare(b));
    },
    undefined,
    { equals: sameList },
  );
  const options = createMemo<Record<Facet, FilterOption[]>>(() => ({
    assignees: [
      { value: ME, label: 'Me' },
      { value: NONE, label: 'Unassigned' },
      ...board
        .members()
        .filter((m) => m.userId !== me)
        .map((m) => ({ value: m.userId ?? '', label: m.displayName ?? '' })),
    ],
    types: typeFilterOptions(itemTypesOf(board.project())),
    labels: labelNames().map((name) => ({ value: name, label: name })),
    sprints: [
      ...openSprintList().map((s) => ({
        value: s.id ?? '',
        label: s.state === SprintState.SPRINT_STATE_ACTIVE ? `${s.name} (active)` : (s.name ?? ''),
      })),
      { value: NONE, label: 'No sprint (backlog)' },
    ],
  }));
  // Selects and people by value, the other kinds by whether a card has one.
  const customFacets = createMemo<CustomFacet[]>(() =>
    board.customFields().map((f) => {
      const values: FilterOption[] = !filtersByValue(f.kind)
        ? []
        : f.kind === CustomFieldKind.CUSTOM_FIELD_KIND_PERSON
          ? [{ value: ME, label: 'Me' }, ...board.members().filter((m) => m.userId !== me).map((m) => ({ value: m.userId ?? '', label: m.displayName ?? '' }))]
          : f.options.map((o) => ({ value: o, label: o }));
      return { fieldId: f.id, name: f.name, options: [...values, { value: ANY_VALUE, label: values.length ? 'Any value' : 'Has a value' }, { value: NO_VALUE, label: 'No value' }] };
    }),
  );
  const roleName = () => (board.role() === Role.ROLE_VIEWER ? 'Viewer' : board.role() === Role.ROLE_EDITOR ? 'Editor' : 'Admin');

  return (
    <BoardContext.Provider value={board}>
    <div class="page page--board">
      <ProjectPageHeader
        projectKey={params.key}
        projectName={board.project()?.name ?? undefined}
        page="Board"
        readOnly={board.load().state === 'ready' && !board.canEdit() ? (board.archived() ? 'Archived projects are read-only' : 'Viewers can see the board but not change it') : null}
        savedCopyAt={board.savedCopyAt()}
      >
        <Show when={board.load().state === 'ready'}>
          <span class="role-badge role-badge--quiet" data-testid="my-role">
            {roleName()}
          </span>
          <TransferActions projectKey={params.key} canImport={board.role() === Role.ROLE_ADMIN} />
        </Show>
        <PresenceBar
          live={live}
          projectId={() => board.project()?.id ?? ''}
          ready={() => board.load().state === 'ready'}
          itemName={(id) => viewedItem(board, id)}
        />
      </ProjectPageHeader>
      <section
        class="board"
        data-mount="board"
        data-project-key={params.key}
        data-testid="board"
        data-state={board.load().state}
        data-can-edit={board.canEdit() ? 'true' : 'false'}
        aria-label="Board"
        aria-busy={board.load().state === 'loading'}
      >
        <ProjectBody
          load={board.load()}
          projectKey={params.key}
          what="board"
          errorTestId="board-error"
          skeleton={
            <div class="board__grid" style={{ '--columns': 5 }} aria-hidden="true">
              <For each={[0, 1, 2, 3, 4]}>{() => <div class="column column--skeleton" />}</For>
            </div>
          }
        >
          <Show when={board.archived()}>
            <p class="form-alert" role="status" data-testid="archived-banner">
              This project is archived, so it is read-only.{' '}
              <Show when={board.role() === Role.ROLE_ADMIN}>
                <A href={`/p/${params.key}/settings`}>Restore it in Settings</A>
              </Show>
            </p>
          </Show>
          <SprintBanner board={board} projectKey={params.key} view={view()} setView={setView} />
          <BoardFilterBar view={view()} onChange={setView} options={options()} customFacets={customFacets()} shown={shownTotal()} total={total()} partial={board.partial()} />
          <BoardColumns
            board={board}
            shown={shown}
            groupBy={view().groupBy}
            filtering={isFiltering(view().filter)}
            hiddenByFilter={hiddenByFilter}
          />
        </ProjectBody>
      </section>
    </div>
    {props.children}
    <ConflictDialogs board={board} />
    </BoardContext.Provider>
  );
}

