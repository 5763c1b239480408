// "/p/:key/backlog": sprint planning. The open sprints (the active one, then
// the planned ones) sit above the backlog (items in no sprint that are not
// done; "Show done" brings those back), each list in rank order. Items are
// dragged between lists (or sent with the row's "Move to" menu): one
// move_work_item with the new sprint_id and the neighbours at the drop point,
// through the board slice (shown at once, pending until answered, kept across
// a reload). A click on a row opens the item in the panel, at ?item=<number>
// (as Jira's backlog does), over the plan. Items and their live changes come
// from the board slice; sprints from the sprints slice.
import { useLocation, useParams, useSearchParams } from '@solidjs/router';
import { dropIndex } from '../ui/drop-index.ts';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ReportKind, SprintState, StatusCategory, type ISprint } from '../../../shared/proto.ts';
import { BoardContext, createBoardSlice, type BoardSlice } from '../store/board.ts';
import { useLive, type Live } from '../store/live.ts';
import { sprintLoad, teamVelocity } from '../store/model/capacity.ts';
import { compareCards, neighboursAt, rankFor } from '../store/model/columns.ts';
import type { Card } from '../store/model/items.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { plainError } from '../store/model/plain-error.ts';
import { createReport, reportSourceOf } from '../store/reports.ts';
import { createSprintsSlice, type SprintsSlice } from '../store/sprints.ts';
import { BacklogRow } from './backlog-row.tsx';
import { CapacityDialog } from './capacity-dialog.tsx';
import { CompleteDialog } from './complete-sprint-dialog.tsx';
import { CompletedSprints } from './completed-sprints.tsx';
import { ConflictDialogs } from './conflict-dialog.tsx';
import { ItemPanelView, type ItemPanelNav } from './item-panel.tsx';
import { ProjectBody } from './project-load-states.tsx';
import { ProjectPageHeader } from './project-page-header.tsx';
import { SprintCapacity } from './sprint-capacity.tsx';
import { EditSprint, NewSprint } from './sprint-form.tsx';
import { useUndoKeys } from './undo-keys.ts';
import '../styles/backlog.css';

/** The page's query: the item open in the panel, and whether the backlog shows done items. */
type BacklogQuery = { item?: string; done?: string };
const SHOW_DONE = 'show';

const DONE = new Set<number>([StatusCategory.STATUS_CATEGORY_COMPLETED, StatusCategory.STATUS_CATEGORY_CANCELED]);

/** A list on the page: a sprint, or the backlog (id ''). */
interface Group {
  sprintId: string;
  sprint: ISprint | null;
  cards: Card[];
}

function Planning(props: { live: Live; board: BoardSlice; sprints: SprintsSlice; nav: ItemPanelNav; itemHref(itemNumber: number): string }) {
  const { board, sprints } = props;
  const [query, setQuery] = useSearchParams<BacklogQuery>();
  const showDone = () => query.done === SHOW_DONE;
  const [dragId, setDragId] = createSignal<string | null>(null);
  const [dropAt, setDropAt] = createSignal<{ sprintId: string; index: number } | null>(null);
  const [completing, setCompleting] = createSignal<ISprint | null>(null);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [capacityOf, setCapacityOf] = createSignal<string | null>(null);
  const [sprintError, setSprintError] = createSignal<{ sprintId: string; message: string } | null>(null);

  const statusById = createMemo(() => new Map(board.columns().map((c) => [c.status.id, c.status])));
  const isDone = (card: Card) => DONE.has(statusById().get(card.statusId)?.category ?? 0);
  // Planned moves are the board's pending ops, so they show here after a reload too.
  const cards = createMemo(() => board.columns().flatMap((c) => c.cards));
  const backlogDone = createMemo(() => cards().filter((c) => !c.sprintId && isDone(c)).length);
  const groups = createMemo<Group[]>(() => {
    const open = sprints.open();
    const of = (id: string) => cards().filter((c) => (c.sprintId ?? '') === id).sort(compareCards);
    return [
      // A sprint shows its done items: they are its progress.
      ...open.map((s) => ({ sprintId: s.id ?? '', sprint: s, cards: of(s.id ?? '') })),
      // Items of completed sprints were finished there; the backlog is what has no sprint and is still to do.
      { sprintId: '', sprint: null, cards: showDone() ? of('') : of('').filter((c) => !isDone(c)) },
    ];
  });
  const groupIds = createMemo(() => groups().map((g) => g.sprintId), undefined, { equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]) });
  const listName = (sprintId: string) => (sprintId ? (sprints.open().find((s) => s.id === sprintId)?.name ?? '') : 'Backlog');
  const unfinished = (sprintId: string) => cards().filter((c) => c.sprintId === sprintId && !isDone(c));
  // Points of capacity come from the team's velocity, which the server works out (the Reports page's own request).
  const velocityReport = createReport(props.live, reportSourceOf(board), () => ({ kind: ReportKind.REPORT_KIND_VELOCITY }));
  const velocity = createMemo(() => {
    const view = velocityReport();
    return view.state === 'ready' ? teamVelocity(view.report.velocity) : null;
  });
  const memberName = (userId: string) => board.members().find((m) => m.userId === userId)?.displayName || 'A former member';

  const move = (cardId: string, sprintId: string, index: number) => {
    const card = cards().find((c) => c.id === cardId);
    if (!card || isLocal(card) || !board.canEditItem(card)) return;
    const list = groups().find((g) => g.sprintId === sprintId)?.cards ?? [];
    const { afterId, beforeId } = neighboursAt(list, cardId, index);
    if ((card.sprintId ?? '') === sprintId && list.findIndex((c) => c.id === cardId) === index) return;
    const others = list.filter((c) => c.id !== cardId);
    const rank = rankFor(others.find((c) => c.id === afterId), others.find((c) => c.id === beforeId));
    board.plan(cardId, sprintId, { afterId, beforeId, rank });
  };

  const onDragOver = (e: DragEvent, sprintId: string, list: HTMLElement) => {
    if (!dragId()) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    const index = dropIndex(list, 'itemId', dragId()!, e.clientY);
    const at = dropAt();
    if (!at || at.sprintId !== sprintId || at.index !== index) setDropAt({ sprintId, index });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const id = dragId();
    const at = dropAt();
    setDragId(null);
    setDropAt(null);
    if (id && at) move(id, at.sprintId, at.index);
  };

  const run = (sprint: ISprint, action: string, work: Promise<void>) => {
    setSprintError(null);
    work.catch((err: unknown) => setSprintError({ sprintId: sprint.id ?? '', message: plainError(`${action} ${sprint.name}`, err) }));
  };

  const points = (list: Card[]) => list.reduce((n, c) => n + (c.hasStoryPoints ? Number(c.storyPoints ?? 0) : 0), 0);

  return (
    <>
      <Show when={board.canEdit()}>
        <NewSprint sprints={sprints} />
      </Show>
      {/* Keyed by sprint id, not by the group objects every change makes anew:
          re-creating a section would close an edit form mid-typing and restart a drag. */}
      <For each={groupIds()}>
        {(sprintId) => {
          let list!: HTMLDivElement;
          const group = () => groups().find((g) => g.sprintId === sprintId) ?? { sprintId, sprint: null, cards: [] };
          const s = () => group().sprint;
          const active = () => s()?.state === SprintState.SPRINT_STATE_ACTIVE;
          return (
            <section
              class="plan-group panel"
              classList={{ 'plan-group--active': active(), 'plan-group--target': dropAt()?.sprintId === sprintId }}
              data-testid={s() ? 'sprint' : 'backlog'}
              data-sprint-id={sprintId || undefined}
              data-sprint-name={s()?.name || undefined}
              data-state={s() ? (active() ? 'active' : 'planned') : undefined}
            >
              <header class="plan-group__header">
                <div class="plan-group__heading">
                  <h2 class="plan-group__name">{s()?.name ?? 'Backlog'}</h2>
                  <Show when={s()}>
                    <span class={`sprint-state sprint-state--${active() ? 'active' : 'planned'}`} data-testid="sprint-state">
                      {active() ? 'Active' : 'Planned'}
                    </span>
                  </Show>
                  <Show when={s()?.startDate || s()?.endDate}>
                    <span class="plan-group__dates" data-testid="sprint-dates">
                      {s()!.startDate || '…'} – {s()!.endDate || '…'}
                    </span>
                  </Show>
                  <span class="plan-group__count" data-testid="group-count">
                    {group().cards.length} {group().cards.length === 1 ? 'item' : 'items'} · {points(group().cards)} pts
                  </span>
                </div>
                <Show when={!s()}>
                  <label class="plan-group__toggle">
                    <input type="checkbox" checked={showDone()} onChange={(e) => setQuery({ done: e.currentTarget.checked ? SHOW_DONE : undefined }, { replace: true })} data-testid="show-done" />
                    Show done ({backlogDone()})
                  </label>
                </Show>
                <Show when={s() && board.canEdit()}>
                  <div class="plan-group__actions">
                    <button
                      type="button"
                      class="button button--ghost"
                      data-testid="edit-sprint"
                      aria-expanded={editing() === sprintId}
                      onClick={() => setEditing((id) => (id === sprintId ? null : sprintId))}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="button button--ghost"
                      data-testid="sprint-capacity-open"
                      aria-haspopup="dialog"
                      onClick={() => setCapacityOf(sprintId)}
                    >
                      Capacity
                    </button>
                    <Show when={!active()}>
                      <button type="button" class="button" data-testid="start-sprint" onClick={() => run(s()!, 'start', sprints.start(s()!.id ?? ''))}>
                        Start sprint
                      </button>
                      <button
                        type="button"
                        class="button button--ghost"
                        data-testid="delete-sprint"
                        onClick={() => {
                          if (window.confirm(`Delete ${s()!.name}? Its items go back to the backlog.`)) run(s()!, 'delete', sprints.remove(s()!.id ?? ''));
                        }}
                      >
                        Delete
                      </button>
                    </Show>
                    <Show when={active()}>
                      <button type="button" class="button button--primary" data-testid="complete-sprint" onClick={() => setCompleting(s())}>
                        Complete sprint
                      </button>
                    </Show>
                  </div>
                </Show>
              </header>
              <Show when={s() && editing() === sprintId}>
                <EditSprint sprints={sprints} sprint={s()!} onClose={() => setEditing(null)} />
              </Show>
              <Show when={s()?.goal && editing() !== sprintId}>
                <p class="plan-group__goal" data-testid="sprint-goal-text">
                  {s()!.goal}
                </p>
              </Show>
              <Show when={s()}>
                {(sprint) => <SprintCapacity load={sprintLoad(sprint(), group().cards, isDone, velocity())} nameOf={memberName} />}
              </Show>
              <Show when={s() && sprintError()?.sprintId === sprintId}>
                <p class="form-alert" role="alert" data-testid="sprint-error">
                  {sprintError()!.message}
                </p>
              </Show>
              <div
                class="plan-group__items"
                ref={list}
                onDragOver={(e) => onDragOver(e, sprintId, list)}
                onDragLeave={(e) => {
                  if (!list.contains(e.relatedTarget as Node | null) && dropAt()?.sprintId === sprintId) setDropAt(null);
                }}
                onDrop={onDrop}
              >
                <For each={group().cards}>
                  {(card) => (
                    <BacklogRow
                      card={card}
                      board={board}
                      statusName={statusById().get(card.statusId)?.name ?? ''}
                      lists={groupIds()}
                      listName={listName}
                      dragging={dragId() === card.id}
                      href={props.itemHref(Number(card.number ?? 0))}
                      open={() => props.nav.open(Number(card.number ?? 0))}
                      // To the bottom of the chosen list.
                      moveTo={(to) => move(card.id, to, groups().find((g) => g.sprintId === to)?.cards.length ?? 0)}
                      onDragStart={(e) => {
                        if (!board.canEditItem(card) || isLocal(card)) return e.preventDefault();
                        e.dataTransfer?.setData('text/plain', card.key ?? card.id);
                        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                        setDragId(card.id);
                      }}
                      onDragEnd={() => {
                        setDragId(null);
                        setDropAt(null);
                      }}
                    />
                  )}
                </For>
                <Show when={group().cards.length === 0}>
                  <p class="plan-group__empty" data-testid="group-empty">
                    {s() ? (board.canEdit() ? 'Drag items here to plan them into this sprint.' : 'Nothing planned yet.') : 'The backlog is empty.'}
                  </p>
                </Show>
              </div>
            </section>
          );
        }}
      </For>
      <Show when={sprints.open().find((s) => s.id === capacityOf())}>
        {(s) => <CapacityDialog sprints={sprints} sprint={s()} members={board.members()} onClose={() => setCapacityOf(null)} />}
      </Show>
      <Show when={completing()}>
        {(s) => (
          <CompleteDialog
            sprint={s()}
            unfinished={unfinished(s().id ?? '').length}
            planned={sprints.planned()}
            onCancel={() => setCompleting(null)}
            onConfirm={(next) => {
              const sprint = s();
              setCompleting(null);
              run(sprint, 'complete', sprints.complete(sprint.id ?? '', next));
            }}
          />
        )}
      </Show>
    </>
  );
}

export function BacklogPage() {
  const params = useParams<{ key: string }>();
  const location = useLocation();
  const [query, setQuery] = useSearchParams<BacklogQuery>();
  const live = useLive();
  const board = createBoardSlice(live, () => params.key);
  useUndoKeys(board);
  const sprints = createSprintsSlice(board);
  const itemHref = (itemNumber: number) => {
    const search = new URLSearchParams(location.search);
    search.set('item', String(itemNumber));
    return `/p/${params.key}/backlog?${search}`;
  };
  const nav: ItemPanelNav = {
    open: (itemNumber) => setQuery({ item: String(itemNumber) }),
    close: () => setQuery({ item: undefined }),
  };
  return (
    <BoardContext.Provider value={board}>
      <div class="page page--backlog">
        <ProjectPageHeader
          projectKey={params.key}
          projectName={board.project()?.name ?? undefined}
          page="Backlog"
          readOnly={board.load().state === 'ready' && !board.canEdit() ? 'Viewers can see the backlog but not plan it' : null}
          savedCopyAt={board.savedCopyAt()}
        />
        <section class="planning" data-testid="planning" data-state={board.load().state} aria-busy={board.load().state === 'loading'}>
          <ProjectBody
            load={board.load()}
            projectKey={params.key}
            what="backlog"
            errorTestId="board-error"
            skeleton={<div class="panel plan-group plan-group--skeleton" aria-hidden="true" />}
          >
            <Planning live={live} board={board} sprints={sprints} nav={nav} itemHref={itemHref} />
            <CompletedSprints board={board} />
          </ProjectBody>
        </section>
      </div>
      <Show when={query.item}>{(itemNumber) => <ItemPanelView projectKey={params.key} number={itemNumber()} nav={nav} />}</Show>
      <ConflictDialogs board={board} />
    </BoardContext.Provider>
  );
}
