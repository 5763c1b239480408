// "/p/:key": one project's Kanban board. Columns are the workflow statuses in
// order; cards move with the pointer (HTML5 drag events, the drop position
// giving the neighbours) or the keyboard (Space to pick up, arrows, Space to
// drop, Escape to cancel). Every change goes through the board slice, which
// shows it at once and undoes it if the server says no.
import { A, useNavigate, useParams, type RouteSectionProps } from '@solidjs/router';
import { dropIndex } from '../ui/drop-index.ts';
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { ItemType, Priority, Role } from '../../../shared/proto.ts';
import { keyboardTarget, type Card } from '../store/board-logic.ts';
import { BoardContext, createBoardSlice, isLocal, type BoardSlice, type Column } from '../store/board.ts';
import { ConflictDialogs } from '../ui/conflict-dialog.tsx';
import { useLive } from '../store/live.ts';
import { LinkIndicator } from '../ui/link-status.tsx';
import { PresenceBar } from '../ui/presence-bar.tsx';
import { ProjectTabs } from './backlog-page.tsx';

const TYPE: Record<number, { label: string; short: string }> = {
  [ItemType.ITEM_TYPE_EPIC]: { label: 'Epic', short: 'epic' },
  [ItemType.ITEM_TYPE_STORY]: { label: 'Story', short: 'story' },
  [ItemType.ITEM_TYPE_TASK]: { label: 'Task', short: 'task' },
  [ItemType.ITEM_TYPE_BUG]: { label: 'Bug', short: 'bug' },
  [ItemType.ITEM_TYPE_SUBTASK]: { label: 'Sub-task', short: 'subtask' },
};
const PRIORITY: Record<number, string> = {
  [Priority.PRIORITY_LOW]: 'Low',
  [Priority.PRIORITY_MEDIUM]: 'Medium',
  [Priority.PRIORITY_HIGH]: 'High',
  [Priority.PRIORITY_URGENT]: 'Urgent',
};

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts.slice(0, 1);
  return letters.map((p) => Array.from(p)[0]!.toUpperCase()).join('') || '?';
}

/** Where a card being carried would land: a column and a position among the column's other cards. */
interface Target {
  column: number;
  index: number;
}

interface Lifted extends Target {
  cardId: string;
}

function CardView(props: {
  card: Card;
  board: BoardSlice;
  lifted: boolean;
  dragging: boolean;
  onDragStart(e: DragEvent): void;
  onDragEnd(): void;
  onKeyDown(e: KeyboardEvent): void;
}) {
  const type = () => TYPE[props.card.itemType ?? 0];
  const assignee = () => props.board.members().find((m) => m.userId === props.card.assigneeId);
  const labelColor = (name: string) => props.board.labels().find((l) => l.name === name || l.id === name)?.color || '';
  const movable = () => props.board.canEdit() && !isLocal(props.card);
  const navigate = useNavigate();
  const params = useParams<{ key: string }>();
  const openItem = () => !isLocal(props.card) && navigate(`/p/${params.key}/item/${Number(props.card.number ?? 0)}`);
  return (
    <article
      class="card"
      classList={{
        'card--pending': !!props.card.pending,
        'card--lifted': props.lifted,
        'card--dragging': props.dragging,
        'card--static': !movable(),
      }}
      tabIndex={0}
      draggable={movable()}
      aria-roledescription={movable() ? 'movable card' : 'card'}
      aria-describedby={movable() ? 'board-dnd-help' : undefined}
      aria-busy={props.card.pending ? 'true' : undefined}
      data-testid="card"
      data-card-id={props.card.id}
      data-key={props.card.key}
      data-pending={props.card.pending ? 'true' : undefined}
      onDragStart={(e) => props.onDragStart(e)}
      onDragEnd={() => props.onDragEnd()}
      onKeyDown={(e) => (e.key === 'Enter' && !props.lifted ? openItem() : props.onKeyDown(e))}
      onClick={openItem}
    >
      <header class="card__top">
        <Show when={type()}>
          {(t) => (
            <span class={`type-badge type-badge--${t().short}`} title={t().label} data-testid="card-type">
              {t().label}
            </span>
          )}
        </Show>
        <span class="card__key" data-testid="card-key">
          {props.card.key || 'New'}
        </span>
        <Show when={props.card.pending}>
          <span class="card__pending" title="Saving…" aria-label="Saving" />
        </Show>
      </header>
      <p class="card__title" data-testid="card-title">
        {props.card.title}
      </p>
      <Show when={(props.card.labels ?? []).length > 0}>
        <ul class="card__labels" aria-label="Labels">
          <For each={props.card.labels ?? []}>
            {(label) => (
              <li class="label-chip" style={labelColor(label) ? { '--label-color': labelColor(label) } : undefined}>
                {label}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={PRIORITY[props.card.priority ?? 0] || props.card.hasStoryPoints || assignee()}>
      <footer class="card__meta">
        <Show when={PRIORITY[props.card.priority ?? 0]}>
          {(p) => (
            <span class={`priority priority--${p().toLowerCase()}`} data-testid="card-priority" title={`Priority: ${p()}`}>
              <span class="priority__bars" aria-hidden="true" />
              {p()}
            </span>
          )}
        </Show>
        <Show when={props.card.hasStoryPoints}>
          <span class="points" title="Story points" data-testid="card-points">
            {props.card.storyPoints}
          </span>
        </Show>
        <span class="card__spacer" />
        <Show when={assignee()}>
          {(m) => (
            <span class="avatar avatar--sm" title={`Assigned to ${m().displayName}`} data-testid="card-assignee">
              {initials(m().displayName ?? '')}
            </span>
          )}
        </Show>
      </footer>
      </Show>
    </article>
  );
}

function QuickAdd(props: { column: Column; board: BoardSlice }) {
  const [open, setOpen] = createSignal(false);
  const [title, setTitle] = createSignal('');
  let input: HTMLInputElement | undefined;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!title().trim()) return;
    props.board.quickAdd(props.column.status.id, title());
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

function BoardColumns(props: { board: BoardSlice }) {
  const board = props.board;
  const [dragId, setDragId] = createSignal<string | null>(null);
  const [dropAt, setDropAt] = createSignal<Target | null>(null);
  const [lifted, setLifted] = createSignal<Lifted | null>(null);
  const [announcement, setAnnouncement] = createSignal('');

  const statusIds = createMemo(() => board.columns().map((c) => c.status.id));
  const cardsById = createMemo(() => new Map(board.columns().flatMap((c) => c.cards.map((card) => [card.id, card] as const))));
  const carried = () => lifted()?.cardId ?? dragId();
  const target = () => lifted() ?? dropAt();
  /** A card's position among the other cards of its column (what a drop index counts). */
  const indexAmongOthers = (cards: readonly Card[], i: number) => {
    const moving = carried();
    const movingAt = moving ? cards.findIndex((c) => c.id === moving) : -1;
    return movingAt >= 0 && movingAt < i ? i - 1 : i;
  };
  const indicatorBefore = (column: number, cards: readonly Card[], i: number) => {
    const t = target();
    return !!t && t.column === column && t.index === indexAmongOthers(cards, i) && cards[i]?.id !== carried();
  };
  const indicatorAtEnd = (column: number, cards: readonly Card[]) => {
    const t = target();
    if (!t || t.column !== column) return false;
    const count = cards.filter((c) => c.id !== carried()).length;
    return t.index === count && cards[cards.length - 1]?.id !== carried();
  };

  const focusCard = (id: string) =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`)?.focus());

  const describe = (t: Target) => {
    const col = board.columns()[t.column];
    const count = col ? col.cards.filter((c) => c.id !== carried()).length + 1 : 0;
    return `${col?.status.name ?? ''}, position ${t.index + 1} of ${count}`;
  };

  const onDragOver = (e: DragEvent, column: number, list: HTMLElement) => {
    if (!dragId()) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    const index = dropIndex(list, 'cardId', dragId()!, e.clientY);
    const current = dropAt();
    if (!current || current.column !== column || current.index !== index) setDropAt({ column, index });
  };

  const onDrop = (e: DragEvent, column: number) => {
    e.preventDefault();
    const id = dragId();
    const at = dropAt();
    setDragId(null);
    setDropAt(null);
    const col = board.columns()[column];
    if (id && at && col) board.move(id, col.status.id, at.index);
  };

  const onCardKey = (e: KeyboardEvent, card: Card, column: number, index: number) => {
    if (!board.canEdit() || isLocal(card)) return;
    const current = lifted();
    if (e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault();
      if (!current) {
        const at = { cardId: card.id, column, index };
        setLifted(at);
        setAnnouncement(`Picked up ${card.key}. ${describe(at)}. Use the arrow keys to move, Space to drop, Escape to cancel.`);
        return;
      }
      setLifted(null);
      const col = board.columns()[current.column];
      if (col) board.move(current.cardId, col.status.id, current.index);
      setAnnouncement(`Dropped ${card.key}. ${describe(current)}.`);
      focusCard(current.cardId);
      return;
    }
    if (!current) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      setLifted(null);
      setAnnouncement(`Move cancelled. ${card.key} is back where it was.`);
      return;
    }
    const next = keyboardTarget(
      board.columns().map((c) => ({ statusId: c.status.id, cards: c.cards })),
      current,
      current.cardId,
      e.key,
    );
    if (e.key.startsWith('Arrow')) e.preventDefault();
    if (!next) return;
    setLifted({ ...next, cardId: current.cardId });
    setAnnouncement(describe(next));
  };

  // A card picked up and then left (a click elsewhere) is put down where it was.
  const cancelOnBlur = (e: FocusEvent) => {
    const to = e.relatedTarget as HTMLElement | null;
    if (lifted() && !to?.closest?.('[data-card-id]')) setLifted(null);
  };

  return (
    <>
      <p id="board-dnd-help" class="visually-hidden">
        Press Space to pick the card up, the arrow keys to move it, Space again to drop it, Escape to cancel.
      </p>
      <p class="visually-hidden" aria-live="assertive" data-testid="dnd-announcement">
        {announcement()}
      </p>
      <div class="board__columns" onFocusOut={cancelOnBlur}>
        {/* Keyed by id strings, not by objects: every change makes new column and
            card objects, and re-creating their DOM would drop focus (keyboard moves)
            and restart any drag in progress. */}
        <For each={statusIds()}>
          {(_statusId, columnIndex) => {
            let list!: HTMLDivElement;
            const column = () => board.columns()[columnIndex()]!;
            const cardIds = createMemo(() => column().cards.map((c) => c.id));
            const count = () => column().cards.length;
            return (
              <section
                class="column"
                classList={{ 'column--target': target()?.column === columnIndex() }}
                data-testid="column"
                data-status-id={column().status.id}
                data-status-name={column().status.name}
                aria-label={`${column().status.name}, ${count()} ${count() === 1 ? 'card' : 'cards'}`}
              >
                <header class="column__header">
                  <h2 class="column__name">{column().status.name}</h2>
                  <span class="column__count" data-testid="column-count">
                    {count()}
                  </span>
                </header>
                <Show when={board.canEdit()}>
                  <QuickAdd column={column()} board={board} />
                </Show>
                <div
                  class="column__cards"
                  ref={list}
                  onDragOver={(e) => onDragOver(e, columnIndex(), list)}
                  onDragLeave={(e) => {
                    if (!list.contains(e.relatedTarget as Node | null) && dropAt()?.column === columnIndex()) setDropAt(null);
                  }}
                  onDrop={(e) => onDrop(e, columnIndex())}
                >
                  <For each={cardIds()}>
                    {(id, i) => (
                      <Show when={cardsById().get(id)}>
                        {(card) => (
                      <>
                        <Show when={indicatorBefore(columnIndex(), column().cards, i())}>
                          <div class="drop-indicator" data-testid="drop-indicator" />
                        </Show>
                        <CardView
                          card={card()}
                          board={board}
                          lifted={lifted()?.cardId === card().id}
                          dragging={dragId() === card().id}
                          onDragStart={(e) => {
                            if (!board.canEdit() || isLocal(card())) return e.preventDefault();
                            e.dataTransfer?.setData('text/plain', card().key ?? card().id);
                            if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                            setLifted(null);
                            setDragId(card().id);
                          }}
                          onDragEnd={() => {
                            setDragId(null);
                            setDropAt(null);
                          }}
                          onKeyDown={(e) => onCardKey(e, card(), columnIndex(), i())}
                        />
                      </>
                        )}
                      </Show>
                    )}
                  </For>
                  <Show when={indicatorAtEnd(columnIndex(), column().cards)}>
                    <div class="drop-indicator" data-testid="drop-indicator" />
                  </Show>
                  <Show when={count() === 0 && !target()}>
                    <p class="column__empty" data-testid="column-empty">
                      {board.canEdit() ? 'No cards. Drop one here or add one above.' : 'No cards here.'}
                    </p>
                  </Show>
                </div>
              </section>
            );
          }}
        </For>
      </div>
    </>
  );
}

export function BoardPage(props: Partial<RouteSectionProps>) {
  const params = useParams<{ key: string }>();
  const live = useLive();
  const board = createBoardSlice(live, () => params.key);
  const roleName = () => (board.role() === Role.ROLE_VIEWER ? 'Viewer' : board.role() === Role.ROLE_EDITOR ? 'Editor' : 'Admin');

  return (
    <BoardContext.Provider value={board}>
    <div class="page page--board">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href="/">Projects</A>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{params.key}</span>
      </nav>
      <header class="page__header">
        <div>
          <p class="page__eyebrow">{board.project()?.name ?? params.key}</p>
          <h1 class="page__title" data-testid="board-title">
            {params.key} board
          </h1>
        </div>
        <div class="page__actions">
          <Show when={board.load().state === 'ready' && !board.canEdit()}>
            <span class="role-badge" data-testid="read-only" title="Viewers can see the board but not change it">
              Read only
            </span>
          </Show>
          <Show when={board.load().state === 'ready'}>
            <span class="role-badge role-badge--quiet" data-testid="my-role">
              {roleName()}
            </span>
          </Show>
          <PresenceBar live={live} projectId={() => board.project()?.id ?? ''} ready={() => board.load().state === 'ready'} />
          <LinkIndicator status={live.status()} />
        </div>
      </header>
      <ProjectTabs projectKey={params.key} />
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
        <Switch>
          <Match when={board.load().state === 'loading'}>
            <div class="board__columns" aria-hidden="true">
              <For each={[0, 1, 2, 3, 4]}>{() => <div class="column column--skeleton" />}</For>
            </div>
          </Match>
          <Match when={board.load().state === 'missing'}>
            <div class="panel empty-state" data-testid="board-missing">
              <p class="empty-state__title">There is no project {params.key} here</p>
              <p class="empty-state__text">
                It may have another key, or you are not a member of it yet. Go back to <A href="/">your projects</A>.
              </p>
            </div>
          </Match>
          <Match when={board.load().state === 'error'}>
            <div class="panel empty-state" data-testid="board-error">
              <p class="empty-state__title">The board could not be loaded</p>
              <p class="empty-state__text">{(board.load() as { message?: string }).message}</p>
            </div>
          </Match>
          <Match when={board.load().state === 'ready'}>
            <BoardColumns board={board} />
          </Match>
        </Switch>
      </section>
    </div>
    {props.children}
    <ConflictDialogs board={board} />
    </BoardContext.Provider>
  );
}
