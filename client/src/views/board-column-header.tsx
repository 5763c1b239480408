// A column's name and card count (against its WIP limit when it has one,
// marked when over it), and for editors the quick-add form (quick-add.tsx)
// that puts new cards at the top of the column.
import { Show } from 'solid-js';
import { FIRST_CARDS_PER_COLUMN } from '../store/board-lifecycle.ts';
import { type BoardSlice, type Column } from '../store/board.ts';
import { wipMark } from '../store/model/workflow-draft.ts';
import { QuickAdd, type HiddenByFilter } from './quick-add.tsx';

// One formatter for the page: toLocaleString builds one per call, which showed in profiles of a busy board.
const count = new Intl.NumberFormat('en-US').format;

/**
 * The column against its WIP limit: every card in the column counts, whatever
 * the filter or sprint scope shows, since the limit is the team's on the work
 * in that status.
 */
export const columnWip = (column: Column) => wipMark(column.cards.length, column.status.wipLimit);

export function ColumnHeader(props: { column: Column; count: number; board: BoardSlice; hiddenByFilter: HiddenByFilter }) {
  const wip = () => columnWip(props.column);
  // A first screen's full column may hold more cards than it shows, for the moment until the whole board lands.
  const more = () => props.board.partial() && props.column.cards.length >= FIRST_CARDS_PER_COLUMN;
  return (
    <>
      <header class="column__header">
        <h2 class="column__name">{props.column.status.name}</h2>
        <Show
          when={wip()}
          fallback={
            <span class="column__count" data-testid="column-count">
              {count(props.count)}
              {more() ? '+' : ''}
            </span>
          }
        >
          {(mark) => (
            <span class="column__count column__count--wip" classList={{ 'column__count--over': mark().over }} data-testid="column-wip" data-over-limit={mark().over ? 'true' : 'false'}>
              <span aria-hidden="true" data-testid="column-wip-count">
                {mark().short}
              </span>
              <span class="visually-hidden">{mark().words}</span>
            </span>
          )}
        </Show>
        <Show when={wip()?.over}>
          <span class="column__over" data-testid="column-over-limit" aria-hidden="true">
            Over limit
          </span>
        </Show>
      </header>
      <Show when={props.board.canEdit()}>
        <QuickAdd column={props.column} board={props.board} hiddenByFilter={props.hiddenByFilter} />
      </Show>
    </>
  );
}
