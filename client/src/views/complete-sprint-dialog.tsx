// The dialog that completes the active sprint: how many of its items are not
// finished, and where they go (the backlog or a planned sprint).
import { createSignal, For } from 'solid-js';
import type { ISprint } from '../../../shared/proto.ts';
import { ModalDialog } from '../ui/modal-dialog.tsx';

export function CompleteDialog(props: {
  sprint: ISprint;
  unfinished: number;
  planned: ISprint[];
  onCancel(): void;
  onConfirm(nextSprintId: string): void;
}) {
  const [next, setNext] = createSignal('');
  let confirm: HTMLButtonElement | undefined;
  return (
    <ModalDialog class="dialog panel" aria-labelledby="complete-title" data-testid="complete-dialog" onDismiss={props.onCancel} initialFocus={() => confirm}>
      <form
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
          <button type="submit" class="button button--primary" data-testid="complete-confirm" ref={confirm}>
            Complete sprint
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
