// "/p/:key/backlog": sprint planning. The open sprints (the active one, then
// the planned ones) sit above the backlog (items in no sprint), each list in
// rank order. Items are dragged between lists (or sent with the row's "Move
// to" menu, which also serves the keyboard): one move_work_item with the new
// sprint_id and the neighbours at the drop point, through the board slice
// (shown at once, pending until answered, kept across a reload). Items and
// their live changes come from the board slice; sprints from the sprints slice.
import { useParams } from '@solidjs/router';
import { dropIndex } from '../ui/drop-index.ts';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ItemType, SprintState, StatusCategory, type ISprint } from '../../../shared/proto.ts';
import { BoardContext, createBoardSlice, type BoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { compareCards, neighboursAt, rankFor } from '../store/model/columns.ts';
import type { Card } from '../store/model/items.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { plainError } from '../store/model/plain-error.ts';
import { createSprintsSlice, type SprintsSlice } from '../store/sprints.ts';
import { initials } from '../ui/initials.ts';
import { ConflictDialogs } from './conflict-dialog.tsx';
import { ProjectBody } from './project-load-states.tsx';
import { ProjectPageHeader } from './project-page-header.tsx';
import { EditSprint, NewSprint } from './sprint-form.tsx';
import '../styles/backlog.css';

const TYPE: Record<number, string> = {
  [ItemType.ITEM_TYPE_EPIC]: 'Epic',
  [ItemType.ITEM_TYPE_STORY]: 'Story',
  [ItemType.ITEM_TYPE_TASK]: 'Task',
  [ItemType.ITEM_TYPE_BUG]: 'Bug',
  [ItemType.ITEM_TYPE_SUBTASK]: 'Sub-task',
};

const DONE = new Set<number>([StatusCategory.STATUS_CATEGORY_COMPLETED, StatusCategory.STATUS_CATEGORY_CANCELED]);

/** A list on the page: a sprint, or the backlog (id ''). */
interface Group {
  sprintId: string;
  sprint: ISprint | null;
  cards: Card[];
}

function Planning(props: { board: BoardSlice; sprints: SprintsSlice }) {
  const { board, sprints } = props;
  const [dragId, setDragId] = createSignal<string | null>(null);
  const [dropAt, setDropAt] = createSignal<{ sprintId: string; index: number } | null>(null);
  const [completing, setCompleting] = createSignal<ISprint | null>(null);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [sprintError, setSprintError] = createSignal<{ sprintId: string; message: string } | null>(null);

  const statusById = createMemo(() => new Map(board.columns().map((c) => [c.status.id, c.status])));
  // Planned moves are the board's pending ops, so they show here after a reload too.
  const cards = createMemo(() => board.columns().flatMap((c) => c.cards));
  const groups = createMemo<Group[]>(() => {
    const open = sprints.open();
    const of = (id: string) => cards().filter((c) => (c.sprintId ?? '') === id).sort(compareCards);
    return [
      ...open.map((s) => ({ sprintId: s.id ?? '', sprint: s, cards: of(s.id ?? '') })),
      // Items of completed sprints were finished there; the backlog is what has no sprint.
      { sprintId: '', sprint: null, cards: of('') },
    ];
  });
  const groupIds = createMemo(() => groups().map((g) => g.sprintId), undefined, { equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]) });
  const unfinished = (sprintId: string) =>
    cards().filter((c) => c.sprintId === sprintId && !DONE.has(statusById().get(c.statusId)?.category ?? 0));

  const move = (cardId: string, sprintId: string, index: number) => {
    const card = cards().find((c) => c.id === cardId);
    if (!card || isLocal(card) || !board.canEdit()) return;
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
                    <Show when={!active()}>
                      <button type="button" class="button" data-testid="start-sprint" onClick={() => run(s()!, 'start', sprints.start(s()!.id ?? ''))}>
                        Start sprint
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
                    <div
                      class="plan-item"
                      classList={{ 'plan-item--pending': !!card.pending, 'plan-item--dragging': dragId() === card.id }}
                      draggable={board.canEdit() && !isLocal(card)}
                      data-testid="backlog-item"
                      data-item-id={card.id}
                      data-key={card.key}
                      data-pending={card.pending ? 'true' : undefined}
                      onDragStart={(e) => {
                        if (!board.canEdit() || isLocal(card)) return e.preventDefault();
                        e.dataTransfer?.setData('text/plain', card.key ?? card.id);
                        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                        setDragId(card.id);
                      }}
                      onDragEnd={() => {
                        setDragId(null);
                        setDropAt(null);
                      }}
                    >
                      <span class="plan-item__type">{TYPE[card.itemType ?? 0] ?? ''}</span>
                      <span class="plan-item__key">{card.key || 'New'}</span>
                      <span class="plan-item__title" data-testid="item-title">
                        {card.title}
                      </span>
                      <span class="plan-item__status">{statusById().get(card.statusId)?.name ?? ''}</span>
                      <span class="points" title="Story points">
                        {card.hasStoryPoints ? card.storyPoints : ''}
                      </span>
                      <Show when={board.members().find((m) => m.userId === card.assigneeId)}>
                        {(m) => (
                          <span class="avatar avatar--sm" title={`Assigned to ${m().displayName}`}>
                            {initials(m().displayName ?? '')}
                          </span>
                        )}
                      </Show>
                      <Show when={board.canEdit() && !isLocal(card)}>
                        <select
                          class="plan-item__move"
                          aria-label={`Move ${card.key} to`}
                          data-testid="move-to"
                          value={card.sprintId ?? ''}
                          onChange={(e) => {
                            const to = e.currentTarget.value;
                            // To the bottom of the chosen list.
                            move(card.id, to, groups().find((g) => g.sprintId === to)?.cards.length ?? 0);
                          }}
                        >
                          <For each={groups()}>{(g) => <option value={g.sprintId}>{g.sprint ? g.sprint.name : 'Backlog'}</option>}</For>
                        </select>
                      </Show>
                    </div>
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

function CompleteDialog(props: {
  sprint: ISprint;
  unfinished: number;
  planned: ISprint[];
  onCancel(): void;
  onConfirm(nextSprintId: string): void;
}) {
  const [next, setNext] = createSignal('');
  return (
    <div class="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <form
        class="dialog panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="complete-title"
        data-testid="complete-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          props.onConfirm(next());
        }}
      >
        <h2 id="complete-title" class="dialog__title">
          Complete {props.sprint.name}
        </h2>
        <p data-testid="unfinished-count">
          {props.unfinished === 0
            ? 'Every item in this sprint is done.'
            : `${props.unfinished} ${props.unfinished === 1 ? 'item is' : 'items are'} not finished. Where should ${props.unfinished === 1 ? 'it' : 'they'} go?`}
        </p>
        <fieldset class="dialog__choices">
          <legend class="visually-hidden">Unfinished items go to</legend>
          <label class="dialog__choice">
            <input type="radio" name="next" value="" checked={next() === ''} onChange={() => setNext('')} data-testid="complete-to-backlog" />
            The backlog
          </label>
          <For each={props.planned}>
            {(s) => (
              <label class="dialog__choice">
                <input type="radio" name="next" value={s.id ?? ''} checked={next() === s.id} onChange={() => setNext(s.id ?? '')} data-testid="complete-to-sprint" />
                {s.name}
              </label>
            )}
          </For>
        </fieldset>
        <div class="dialog__buttons">
          <button type="button" class="button button--ghost" onClick={() => props.onCancel()}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" data-testid="complete-confirm" ref={(el) => queueMicrotask(() => el.focus())}>
            Complete sprint
          </button>
        </div>
      </form>
    </div>
  );
}

export function BacklogPage() {
  const params = useParams<{ key: string }>();
  const live = useLive();
  const board = createBoardSlice(live, () => params.key);
  const sprints = createSprintsSlice(board);
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
            <Planning board={board} sprints={sprints} />
          </ProjectBody>
        </section>
      </div>
      <ConflictDialogs board={board} />
    </BoardContext.Provider>
  );
}
