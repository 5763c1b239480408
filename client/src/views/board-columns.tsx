// The columns of the board, one per workflow status, optionally split into
// swimlanes by epic; each column (or lane cell) renders only the cards near
// its scroll position (virtual-list.tsx). Cards move with the pointer (HTML5
// drag events, the drop position giving the neighbours) or the keyboard
// (Space to pick up, arrows, Space to drop, Escape to cancel); the delete
// key (shortcuts.ts) deletes the card that has the focus.
import { dropIndex } from '../ui/drop-index.ts';
import { createMemo, createSignal, createUniqueId, For, onCleanup, Show, type Accessor } from 'solid-js';
import type { BoardSlice } from '../store/board.ts';
import { keyboardTarget } from '../store/model/columns.ts';
import type { Card } from '../store/model/items.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { columnIndexFor, type GroupBy } from './board-filter.ts';
import { epicLanes, NO_EPIC } from './board-lanes.ts';
import { VirtualList, type VirtualListHandle } from '../ui/virtual-list.tsx';
import { CardView } from './board-card.tsx';
import { deleteCard } from './card-menu.tsx';
import { ColumnHeader, columnWip } from './board-column-header.tsx';
import { ColumnSwitcher } from './column-switcher.tsx';
import type { HiddenByFilter } from './quick-add.tsx';
import { DELETE_KEYS, isDeleteKey, UNDO_KEYS } from './shortcuts.ts';

/** A card's height before it is measured: a title on two lines and the meta row. */
const CARD_ESTIMATE = 110;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
// One formatter for the page: toLocaleString builds one per call, which showed in profiles of a busy board.
const count = new Intl.NumberFormat('en-US').format;

/** The lane id when the board is not grouped: one lane of everything (no epic id or NO_EPIC looks like it). */
const ALL = '*';

/**
 * Where a card being carried would land: a lane, a column, and a position
 * among the other cards of that lane's cell that show (a filter may hide some).
 */
interface Target {
  lane: string;
  column: number;
  index: number;
}

interface Lifted extends Target {
  cardId: string;
}

/** One row of the board: all the shown cards (ungrouped), or an epic's. */
interface LaneRow {
  id: string;
  epic: Card | null;
  /** The lane's shown cards, per column, in board order. */
  columns: Card[][];
}

export function BoardColumns(props: {
  board: BoardSlice;
  shown: Accessor<Card[][]>;
  groupBy: GroupBy;
  filtering: boolean;
  hiddenByFilter: HiddenByFilter;
}) {
  const board = props.board;
  const [drag, setDrag] = createSignal<{ cardId: string; lane: string } | null>(null);
  const [dropAt, setDropAt] = createSignal<Target | null>(null);
  const [lifted, setLifted] = createSignal<Lifted | null>(null);
  const [announcement, setAnnouncement] = createSignal('');
  const [collapsed, setCollapsed] = createSignal<ReadonlySet<string>>(new Set());
  /** Each cell's list, to scroll the keyboard's target into view. */
  const lists = new Map<string, VirtualListHandle>();
  const cellKey = (lane: string, column: number) => `${column}|${lane}`;

  const statusIds = createMemo(() => board.columns().map((c) => c.status.id), undefined, { equals: sameList });
  const lanes = createMemo<LaneRow[]>(() => {
    const shown = props.shown();
    if (props.groupBy !== 'epic') return [{ id: ALL, epic: null, columns: shown }];
    const { lanes, laneOf } = epicLanes(shown.flat(), board.items());
    // With nothing to show, one empty lane still gives the columns somewhere to drop into.
    const rows = lanes.length > 0 ? lanes : [{ id: NO_EPIC, epic: null }];
    return rows.map((lane) => ({ ...lane, columns: shown.map((cards) => cards.filter((c) => laneOf.get(c.id) === lane.id)) }));
  });
  const laneIds = createMemo(() => lanes().map((l) => l.id), undefined, { equals: sameList });
  const laneById = createMemo(() => new Map(lanes().map((l) => [l.id, l])));
  const laneCards = (lane: string, column: number): Card[] => laneById().get(lane)?.columns[column] ?? [];

  const carried = () => lifted()?.cardId ?? drag()?.cardId ?? null;
  const target = () => lifted() ?? dropAt();

  const focusCard = (id: string) =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`)?.focus());

  const describe = (t: Target) => {
    const col = board.columns()[t.column];
    const n = laneCards(t.lane, t.column).filter((c) => c.id !== carried()).length + 1;
    return `${col?.status.name ?? ''}, position ${t.index + 1} of ${n}`;
  };

  /** Puts the card down: the shown position turned into one in the whole column, which is what the server ranks by. */
  const commit = (cardId: string, at: Target) => {
    const col = board.columns()[at.column];
    if (col) board.move(cardId, col.status.id, columnIndexFor(col.cards, laneCards(at.lane, at.column), cardId, at.index));
  };

  /** Scrolls a cell so the place the keyboard is about to drop at shows (it may be far outside the rendered window). */
  const reveal = (at: Target) => {
    const cards = laneCards(at.lane, at.column);
    const others = cards.filter((c) => c.id !== carried());
    const anchor = others[at.index] ?? others[others.length - 1];
    if (anchor) lists.get(cellKey(at.lane, at.column))?.scrollToIndex(cards.indexOf(anchor));
  };

  /**
   * The drop position under the pointer, among the cell's shown cards. Only a
   * window of them is in the DOM, so the DOM's answer counts from the first
   * rendered card, whose place in the whole cell is known.
   */
  const pointerIndex = (list: HTMLElement, cards: readonly Card[], movingId: string, clientY: number) => {
    const inWindow = dropIndex(list, 'cardId', movingId, clientY);
    const first = [...list.querySelectorAll<HTMLElement>('[data-card-id]')].find((el) => el.dataset['cardId'] !== movingId);
    if (!first) return 0;
    const others = cards.filter((c) => c.id !== movingId);
    return Math.max(0, others.findIndex((c) => c.id === first.dataset['cardId'])) + inWindow;
  };

  const onCardKey = (e: KeyboardEvent, card: Card, lane: string, column: number, index: number) => {
    if (!board.canEditItem(card) || isLocal(card)) return;
    const current = lifted();
    if (isDeleteKey(e) && !current) {
      e.preventDefault();
      deleteCard(board, card.id, e.target as Element);
      return;
    }
    if (e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault();
      if (!current) {
        const at = { cardId: card.id, lane, column, index };
        setLifted(at);
        setAnnouncement(`Picked up ${card.key}. ${describe(at)}. Use the arrow keys to move, Space to drop, Escape to cancel.`);
        return;
      }
      const said = `Dropped ${card.key}. ${describe(current)}.`;
      setLifted(null);
      commit(current.cardId, current);
      setAnnouncement(said);
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
    // Left and right stay in the card's lane: a lane is the card's epic, which a move does not change.
    const cells = laneById().get(current.lane)?.columns ?? [];
    const next = keyboardTarget(
      cells.map((cards, i) => ({ statusId: statusIds()[i] ?? '', cards })),
      current,
      current.cardId,
      e.key,
    );
    if (e.key.startsWith('Arrow')) e.preventDefault();
    if (!next) return;
    const at = { ...next, lane: current.lane };
    setLifted({ ...at, cardId: current.cardId });
    reveal(at);
    setAnnouncement(describe(at));
  };

  // A card picked up and then left (a click elsewhere) is put down where it was.
  const cancelOnBlur = (e: FocusEvent) => {
    const to = e.relatedTarget as HTMLElement | null;
    if (lifted() && !to?.closest?.('[data-card-id]')) setLifted(null);
  };

  /** The cards of one column in one lane: a scrolling drop zone that renders only the cards in view. */
  function CardCell(cell: { lane: string; column: number }) {
    let list!: HTMLDivElement;
    const cards = createMemo(() => laneCards(cell.lane, cell.column));
    // Only a change of which cards or their order reaches the list; an edit to a card reaches that card alone.
    const ids = createMemo(() => cards().map((c) => c.id), undefined, { equals: sameList });
    const movingAt = createMemo(() => {
      const id = carried();
      return id ? ids().indexOf(id) : -1;
    });
    const here = (t: Target | null): t is Target => !!t && t.lane === cell.lane && t.column === cell.column;
    const amongOthers = (i: number) => (movingAt() >= 0 && movingAt() < i ? i - 1 : i);
    const indicatorBefore = (i: number) => {
      const t = target();
      return here(t) && t.index === amongOthers(i) && i !== movingAt();
    };
    const indicatorAtEnd = () => {
      const t = target();
      const othersCount = ids().length - (movingAt() >= 0 ? 1 : 0);
      return here(t) && t.index === othersCount && movingAt() !== ids().length - 1;
    };
    const keep = () => {
      const id = carried();
      return id && movingAt() >= 0 ? id : null;
    };
    onCleanup(() => lists.delete(cellKey(cell.lane, cell.column)));

    return (
      <div
        class="column__cards"
        ref={list}
        data-testid="column-cards"
        onDragOver={(e) => {
          const from = drag();
          // A drag does not leave its lane: the lane is the card's epic, which a move does not change.
          if (!from || from.lane !== cell.lane) return;
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
          const index = pointerIndex(list, cards(), from.cardId, e.clientY);
          const current = dropAt();
          if (!here(current) || current.index !== index) setDropAt({ lane: cell.lane, column: cell.column, index });
        }}
        onDragLeave={(e) => {
          if (!list.contains(e.relatedTarget as Node | null) && here(dropAt())) setDropAt(null);
        }}
        onDrop={(e) => {
          e.preventDefault();
          const id = drag()?.cardId;
          const at = dropAt();
          setDrag(null);
          setDropAt(null);
          if (id && here(at)) commit(id, at);
        }}
      >
        <VirtualList
          keys={ids()}
          scroller={list}
          estimate={CARD_ESTIMATE}
          keep={keep()}
          handle={(h) => lists.set(cellKey(cell.lane, cell.column), h)}
        >
          {(id, i) => (
            <Show when={board.items().get(id)}>
              {(card) => (
                <>
                  <Show when={indicatorBefore(i())}>
                    <div class="drop-indicator" data-testid="drop-indicator" />
                  </Show>
                  <CardView
                    card={card()}
                    board={board}
                    lifted={lifted()?.cardId === card().id}
                    dragging={drag()?.cardId === card().id}
                    onDragStart={(e) => {
                      if (!board.canEditItem(card()) || isLocal(card())) return e.preventDefault();
                      e.dataTransfer?.setData('text/plain', card().key ?? card().id);
                      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                      setLifted(null);
                      setDrag({ cardId: card().id, lane: cell.lane });
                    }}
                    onDragEnd={() => {
                      setDrag(null);
                      setDropAt(null);
                    }}
                    onKeyDown={(e) => onCardKey(e, card(), cell.lane, cell.column, i())}
                  />
                </>
              )}
            </Show>
          )}
        </VirtualList>
        <Show when={indicatorAtEnd()}>
          <div class="drop-indicator" data-testid="drop-indicator" />
        </Show>
        <Show when={cell.lane === ALL && ids().length === 0 && !target()}>
          <p class="column__empty" data-testid="column-empty">
            {props.filtering ? 'No matching cards.' : board.canEdit() ? 'No cards. Drop one here or add one above.' : 'No cards here.'}
          </p>
        </Show>
      </div>
    );
  }

  const columnAt = (i: number) => board.columns()[i]!;
  const shownIn = (i: number) => props.shown()[i]?.length ?? 0;
  const overLimit = (i: number) => columnWip(columnAt(i))?.over === true;
  /** "In Progress, 4 cards, over the WIP limit of 3": the WIP words when the column has a limit. */
  const columnLabel = (i: number) => {
    const wip = columnWip(columnAt(i));
    const n = shownIn(i);
    return `${columnAt(i).status.name}, ${wip && !props.filtering ? wip.words : `${n} ${n === 1 ? 'card' : 'cards'}`}`;
  };
  let scroller!: HTMLDivElement;
  const scrollerId = createUniqueId();

  return (
    <>
      <p id="board-dnd-help" class="visually-hidden">
        Press Space to pick the card up, the arrow keys to move it, Space again to drop it, Escape to cancel. {DELETE_KEYS} deletes
        it, {UNDO_KEYS} undoes.
      </p>
      <p class="visually-hidden" aria-live="assertive" data-testid="dnd-announcement">
        {announcement()}
      </p>
      {/* Keyed by id strings, not by objects: every change makes new column and
          card objects, and re-creating their DOM would drop focus (keyboard moves)
          and restart any drag in progress. */}
      <ColumnSwitcher
        columns={statusIds()}
        name={(i) => columnAt(i).status.name ?? ''}
        count={shownIn}
        scroller={() => scroller}
        scrollerId={scrollerId}
        follow={() => lifted()?.column}
      />
      <div class="board__scroller" ref={scroller} id={scrollerId} onFocusOut={cancelOnBlur} data-testid="board-scroller">
        <div class="board__grid" classList={{ 'board__grid--lanes': props.groupBy === 'epic' }} style={{ '--columns': statusIds().length }}>
          <Show
            when={props.groupBy === 'epic'}
            fallback={
              <For each={statusIds()}>
                {(_statusId, columnIndex) => (
                  <section
                    class="column"
                    classList={{ 'column--target': target()?.column === columnIndex(), 'column--over-limit': overLimit(columnIndex()) }}
                    data-testid="column"
                    data-status-id={columnAt(columnIndex()).status.id}
                    data-status-name={columnAt(columnIndex()).status.name}
                    data-over-limit={overLimit(columnIndex()) ? 'true' : undefined}
                    aria-label={columnLabel(columnIndex())}
                  >
                    <ColumnHeader column={columnAt(columnIndex())} count={shownIn(columnIndex())} board={board} hiddenByFilter={props.hiddenByFilter} />
                    <CardCell lane={ALL} column={columnIndex()} />
                  </section>
                )}
              </For>
            }
          >
            <For each={statusIds()}>
              {(_statusId, columnIndex) => (
                <div
                  class="column column--head"
                  classList={{ 'column--over-limit': overLimit(columnIndex()) }}
                  data-testid="column-head"
                  data-status-name={columnAt(columnIndex()).status.name}
                  data-over-limit={overLimit(columnIndex()) ? 'true' : undefined}
                >
                  <ColumnHeader column={columnAt(columnIndex())} count={shownIn(columnIndex())} board={board} hiddenByFilter={props.hiddenByFilter} />
                </div>
              )}
            </For>
            <For each={laneIds()}>
              {(laneId) => {
                const lane = () => laneById().get(laneId);
                const cellsId = createUniqueId();
                const open = () => !collapsed().has(laneId);
                const laneCount = () => (lane()?.columns ?? []).reduce((n, cards) => n + cards.length, 0);
                const toggleLane = () =>
                  setCollapsed((set) => {
                    const next = new Set(set);
                    if (!next.delete(laneId)) next.add(laneId);
                    return next;
                  });
                return (
                  <section class="lane" data-testid="lane" data-lane-key={lane()?.epic?.key ?? 'none'} aria-label={lane()?.epic ? `Epic ${lane()!.epic!.key}` : 'No epic'}>
                    <h2 class="lane__header">
                      <button type="button" class="lane__toggle" aria-expanded={open()} aria-controls={cellsId} onClick={toggleLane} data-testid="lane-toggle">
                        <span class="lane__chevron" aria-hidden="true" />
                        <Show when={lane()?.epic} fallback={<span class="lane__title">No epic</span>}>
                          {(epic) => (
                            <>
                              <span class="type-badge type-badge--epic">{epic().key}</span>
                              <span class="lane__title">{epic().title}</span>
                            </>
                          )}
                        </Show>
                        <span class="column__count" data-testid="lane-count">
                          {count(laneCount())}
                        </span>
                      </button>
                    </h2>
                    <Show when={open()}>
                      <div class="lane__cells" id={cellsId}>
                        <For each={statusIds()}>
                          {(_statusId, columnIndex) => (
                            <div
                              class="column column--cell"
                              classList={{ 'column--target': target()?.lane === laneId && target()?.column === columnIndex() }}
                              role="group"
                              aria-label={columnAt(columnIndex()).status.name ?? ''}
                              data-testid="column"
                              data-status-id={columnAt(columnIndex()).status.id}
                              data-status-name={columnAt(columnIndex()).status.name}
                            >
                              <CardCell lane={laneId} column={columnIndex()} />
                            </div>
                          )}
                        </For>
                      </div>
                    </Show>
                  </section>
                );
              }}
            </For>
          </Show>
        </div>
      </div>
    </>
  );
}
