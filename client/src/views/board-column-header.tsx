// A column's name and card count, and for editors the quick-add form
// (quick-add.tsx) that puts new cards at the top of the column.
import { Show } from 'solid-js';
import { type BoardSlice, type Column } from '../store/board.ts';
import { QuickAdd, type HiddenByFilter } from './quick-add.tsx';

// One formatter for the page: toLocaleString builds one per call, which showed in profiles of a busy board.
const count = new Intl.NumberFormat('en-US').format;

export function ColumnHeader(props: { column: Column; count: number; board: BoardSlice; hiddenByFilter: HiddenByFilter }) {
  return (
    <>
      <header class="column__header">
        <h2 class="column__name">{props.column.status.name}</h2>
        <span class="column__count" data-testid="column-count">
          {count(props.count)}
        </span>
      </header>
      <Show when={props.board.canEdit()}>
        <QuickAdd column={props.column} board={props.board} hiddenByFilter={props.hiddenByFilter} />
      </Show>
    </>
  );
}
