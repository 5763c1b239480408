// A Settings list row's up and down buttons: the keyboard's way to reorder a
// list without dragging. The editor's move says the new place aloud and keeps
// the focus on a button (ui/draft-editor.ts).
export function RowMoves(props: { name: string; first: boolean; last: boolean; testId: string; onMove(by: -1 | 1): void }) {
  return (
    <>
      <button type="button" class="icon-button" aria-label={`Move ${props.name} up`} disabled={props.first} data-testid={`${props.testId}-up`} onClick={() => props.onMove(-1)}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" class="icon-button" aria-label={`Move ${props.name} down`} disabled={props.last} data-testid={`${props.testId}-down`} onClick={() => props.onMove(1)}>
        <span aria-hidden="true">↓</span>
      </button>
    </>
  );
}
