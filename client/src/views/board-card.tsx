// One card on the board: key, title, a sub-task's parent, what blocks it,
// type (a project's own type by its icon, name and colour), priority, points, due date, time logged, assignee and labels; it
// opens its item on click and is the handle for pointer and keyboard moves
// (the column decides where a move lands).
import { useLocation, useNavigate, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { isFinished } from '../../../shared/domain/workflow.ts';
import { ItemType, Priority } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import type { Card } from '../store/model/items.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { initials } from '../ui/initials.ts';
import { typeInfo } from './board-filter.ts';
import { CardBlockers, CardDue } from './card-marks.tsx';
import { CardMenu } from './card-menu.tsx';
import { ItemTypeBadge } from './item-type-badge.tsx';
import { CardTime, showsCardTime } from './time-marks.tsx';

const PRIORITY: Record<number, string> = {
  [Priority.PRIORITY_LOW]: 'Low',
  [Priority.PRIORITY_MEDIUM]: 'Medium',
  [Priority.PRIORITY_HIGH]: 'High',
  [Priority.PRIORITY_URGENT]: 'Urgent',
};

export function CardView(props: {
  card: Card;
  board: BoardSlice;
  lifted: boolean;
  dragging: boolean;
  onDragStart(e: DragEvent): void;
  onDragEnd(): void;
  onKeyDown(e: KeyboardEvent): void;
}) {
  const type = () => typeInfo(props.card.itemType);
  const assignee = () => props.board.members().find((m) => m.userId === props.card.assigneeId);
  const labelColor = (name: string) => props.board.labels().find((l) => l.name === name || l.id === name)?.color || '';
  const movable = () => props.board.canEditItem(props.card) && !isLocal(props.card);
  const finished = () => isFinished(props.board.columns().find((c) => c.status.id === props.card.statusId)?.status.category ?? 0);
  // Only sub-tasks name their parent: a story's epic is its lane when the board is grouped.
  const parent = () => (props.card.itemType === ItemType.ITEM_TYPE_SUBTASK && props.card.parentId ? props.board.items().get(props.card.parentId) : undefined);
  const navigate = useNavigate();
  const location = useLocation();
  const params = useParams<{ key: string }>();
  // The board's filter rides along, so closing the panel comes back to the same board.
  const openItem = () => !isLocal(props.card) && navigate(`/p/${params.key}/item/${Number(props.card.number ?? 0)}${location.search}`);
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
      data-opens-item={props.card.id}
      data-key={props.card.key}
      data-pending={props.card.pending ? 'true' : undefined}
      onDragStart={(e) => props.onDragStart(e)}
      onDragEnd={() => props.onDragEnd()}
      onKeyDown={(e) => (e.key === 'Enter' && !props.lifted ? openItem() : props.onKeyDown(e))}
      onClick={openItem}
    >
      <header class="card__top">
        <Show when={props.card.customTypeId || type()}>
          <ItemTypeBadge item={props.card} project={props.board.project()} testId="card-type" />
        </Show>
        <span class="card__key" data-testid="card-key">
          {props.card.key || 'New'}
        </span>
        <Show when={props.card.pending}>
          <span class="card__pending" title="Saving…" aria-label="Saving" />
        </Show>
        <Show when={movable()}>
          <CardMenu card={props.card} board={props.board} />
        </Show>
      </header>
      <p class="card__title" data-testid="card-title">
        {props.card.title}
      </p>
      <Show when={parent()}>
        {(p) => (
          <p class="card__parent" title={`Sub-task of ${p().key} ${p().title}`} data-testid="card-parent">
            ↳ {p().key} {p().title}
          </p>
        )}
      </Show>
      <CardBlockers blockers={props.board.blockers().get(props.card.id)} />
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
      <Show when={PRIORITY[props.card.priority ?? 0] || props.card.hasStoryPoints || props.card.dueDate || showsCardTime(props.card, props.board) || assignee()}>
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
        <Show when={props.card.dueDate}>{(due) => <CardDue due={due()} finished={finished()} />}</Show>
        <CardTime card={props.card} board={props.board} />
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
