// One item in a sprint's list or the backlog: type (a project's own type as
// its badge), key, title, status,
// points, assignee and, for editors, the "Move to" menu (which also serves
// the keyboard). The row is the handle for dragging it between lists; a click
// on it, or on its title (a link, for the keyboard and a new tab), opens the item.
import { For, Show } from 'solid-js';
import type { BoardSlice } from '../store/board.ts';
import type { Card } from '../store/model/items.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { initials } from '../ui/initials.ts';
import { typeInfo } from './board-filter.ts';
import { ItemTypeBadge } from './item-type-badge.tsx';

/** A click the browser should keep: a new tab or window, a download. */
const keepsDefault = (e: MouseEvent) => e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey;

export function BacklogRow(props: {
  card: Card;
  board: BoardSlice;
  statusName: string;
  /** Where "Move to" can send it: sprint ids, '' for the backlog, in page order. */
  lists: readonly string[];
  listName(sprintId: string): string;
  dragging: boolean;
  /** The item's own address on this page (for the title's link). */
  href: string;
  open(): void;
  moveTo(sprintId: string): void;
  onDragStart(e: DragEvent): void;
  onDragEnd(): void;
}) {
  const card = () => props.card;
  const movable = () => props.board.canEditItem(card()) && !isLocal(card());
  const assignee = () => props.board.members().find((m) => m.userId === card().assigneeId);
  const sprintId = () => card().sprintId ?? '';
  return (
    <div
      class="plan-item"
      classList={{ 'plan-item--pending': !!card().pending, 'plan-item--dragging': props.dragging }}
      draggable={movable()}
      data-testid="backlog-item"
      data-item-id={card().id}
      data-key={card().key}
      data-pending={card().pending ? 'true' : undefined}
      onDragStart={(e) => props.onDragStart(e)}
      onDragEnd={() => props.onDragEnd()}
      onClick={(e) => {
        // The title's link and the menu do their own thing.
        if (isLocal(card()) || (e.target as Element).closest('a, select')) return;
        props.open();
      }}
    >
      <span class="plan-item__type">
        <Show when={card().customTypeId} fallback={typeInfo(card().itemType)?.label ?? ''}>
          <ItemTypeBadge item={card()} project={props.board.project()} testId="backlog-item-type" />
        </Show>
      </span>
      <span class="plan-item__key">{card().key || 'New'}</span>
      <Show
        when={!isLocal(card())}
        fallback={
          <span class="plan-item__title" data-testid="item-title">
            {card().title}
          </span>
        }
      >
        {/* Not draggable itself: a drag that starts on the title carries the row, not the link. */}
        <a
          class="plan-item__title"
          href={props.href}
          draggable={false}
          data-testid="item-title"
          data-opens-item={card().id}
          onClick={(e) => {
            if (keepsDefault(e)) return;
            e.preventDefault();
            props.open();
          }}
        >
          {card().title}
        </a>
      </Show>
      <span class="plan-item__status">{props.statusName}</span>
      <span class="points" title="Story points">
        {card().hasStoryPoints ? card().storyPoints : ''}
      </span>
      <Show when={assignee()}>
        {(m) => (
          <span class="avatar avatar--sm" title={`Assigned to ${m().displayName}`}>
            {initials(m().displayName ?? '')}
          </span>
        )}
      </Show>
      <Show when={movable()}>
        {/* Options keyed by sprint id and each told whether it is the row's list: options made anew
            (as a list of new objects would be on every change) leave a select on its first option,
            so a row would show a sprint it is not in, and choosing that sprint would change nothing. */}
        <select class="plan-item__move" aria-label={`Move ${card().key} to`} data-testid="move-to" onChange={(e) => props.moveTo(e.currentTarget.value)}>
          <For each={props.lists}>
            {(id) => (
              <option value={id} selected={id === sprintId()}>
                {props.listName(id)}
              </option>
            )}
          </For>
        </select>
      </Show>
    </div>
  );
}
