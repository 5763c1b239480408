// The dialog an update's CONFLICT opens: for each field this person changed,
// their version (the server's, error.workItem) beside yours. Keep theirs
// drops the edit; take mine resends it against their version (a new message
// id); merge resends only the fields where "mine" is chosen. Until one of
// those is chosen the edit is kept here: nothing is lost silently. Escape
// puts the choice off, never makes it: a bar then says what waits, and
// brings the dialog back.
import { createSignal, For, Show } from 'solid-js';
import type { BoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { conflictRows, mergedPatch, mergedValues, valueConflictRows, type Choice, type Conflict } from '../store/model/conflicts.ts';
import { valueWords } from '../store/model/custom-values.ts';
import { fieldLabel, type PatchField } from '../store/model/item-patch.ts';
import { ModalDialog } from '../ui/modal-dialog.tsx';
import { changedBy, describeValue, memberName } from './item-format.ts';

function ConflictBody(props: { board: BoardSlice; conflict: Conflict; later(): void }) {
  const rows = () => conflictRows(props.conflict.patch, props.conflict.theirs);
  const values = () => props.conflict.values ?? [];
  const valueRows = () => valueConflictRows(values(), props.conflict.theirs);
  const [choices, setChoices] = createSignal<Partial<Record<PatchField, Choice>>>({});
  const choiceOf = (f: PatchField) => choices()[f] ?? 'yours';
  /** Custom fields' choices, by field id. */
  const [valueChoices, setValueChoices] = createSignal<Partial<Record<string, Choice>>>({});
  const valueChoiceOf = (id: string) => valueChoices()[id] ?? 'yours';
  const fieldOf = (id: string) => props.board.customFields().find((f) => f.id === id);
  const valueText = (id: string, value: Parameters<typeof valueWords>[1]) => {
    const field = fieldOf(id);
    return field ? valueWords(field, value, (userId) => memberName(props.board, userId)) : value ? 'A value' : 'None';
  };
  const resolve = (patch: Parameters<BoardSlice['resolveConflict']>[1], chosen: Partial<Record<string, Choice>>) =>
    props.board.resolveConflict(props.conflict.id, patch, mergedValues(values(), props.conflict.theirs, chosen));
  const titleId = `conflict-title-${props.conflict.id}`;
  const me = useLive().session.user.id;
  let first: HTMLButtonElement | undefined;
  return (
    <ModalDialog
      class="conflict"
      role="alertdialog"
      aria-labelledby={titleId}
      data-testid="conflict-dialog"
      data-item-id={props.conflict.itemId}
      onDismiss={props.later}
      initialFocus={() => first}
    >
      <h2 id={titleId} class="conflict__title">
        <span data-testid="conflict-author">{changedBy(props.board, props.conflict.theirs.updatedBy, me)}</span> changed{' '}
        {props.conflict.itemKey || 'this item'} while you were editing
      </h2>
      <p class="conflict__text">
        Your change was not saved yet. Compare their version with yours and choose what to keep, field by field if you like.
      </p>
      <table class="conflict__table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Theirs (saved now)</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(row) => (
              <tr data-testid="conflict-row" data-field={row.field} classList={{ 'conflict__row--same': row.same }}>
                <th scope="row">{fieldLabel(row.field)}</th>
                <td classList={{ 'conflict__cell--chosen': choiceOf(row.field) === 'theirs' }}>
                  <label class="conflict__choice">
                    <input
                      type="radio"
                      name={`${titleId}-${row.field}`}
                      checked={choiceOf(row.field) === 'theirs'}
                      onChange={() => setChoices((c) => ({ ...c, [row.field]: 'theirs' }))}
                      data-testid="conflict-pick-theirs"
                    />
                    <span class="conflict__value" data-testid="conflict-theirs">
                      {describeValue(props.board, row.field, row.theirs)}
                    </span>
                  </label>
                </td>
                <td classList={{ 'conflict__cell--chosen': choiceOf(row.field) === 'yours' }}>
                  <label class="conflict__choice">
                    <input
                      type="radio"
                      name={`${titleId}-${row.field}`}
                      checked={choiceOf(row.field) === 'yours'}
                      onChange={() => setChoices((c) => ({ ...c, [row.field]: 'yours' }))}
                      data-testid="conflict-pick-yours"
                    />
                    <span class="conflict__value" data-testid="conflict-yours">
                      {describeValue(props.board, row.field, row.yours)}
                    </span>
                  </label>
                </td>
              </tr>
            )}
          </For>
          <For each={valueRows()}>
            {(row) => (
              <tr data-testid="conflict-row" data-field={`custom:${row.fieldId}`} classList={{ 'conflict__row--same': row.same }}>
                <th scope="row">{fieldOf(row.fieldId)?.name ?? 'A removed field'}</th>
                <td classList={{ 'conflict__cell--chosen': valueChoiceOf(row.fieldId) === 'theirs' }}>
                  <label class="conflict__choice">
                    <input
                      type="radio"
                      name={`${titleId}-custom-${row.fieldId}`}
                      checked={valueChoiceOf(row.fieldId) === 'theirs'}
                      onChange={() => setValueChoices((c) => ({ ...c, [row.fieldId]: 'theirs' }))}
                      data-testid="conflict-pick-theirs"
                    />
                    <span class="conflict__value" data-testid="conflict-theirs">
                      {valueText(row.fieldId, row.theirs)}
                    </span>
                  </label>
                </td>
                <td classList={{ 'conflict__cell--chosen': valueChoiceOf(row.fieldId) === 'yours' }}>
                  <label class="conflict__choice">
                    <input
                      type="radio"
                      name={`${titleId}-custom-${row.fieldId}`}
                      checked={valueChoiceOf(row.fieldId) === 'yours'}
                      onChange={() => setValueChoices((c) => ({ ...c, [row.fieldId]: 'yours' }))}
                      data-testid="conflict-pick-yours"
                    />
                    <span class="conflict__value" data-testid="conflict-yours">
                      {valueText(row.fieldId, row.yours)}
                    </span>
                  </label>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <footer class="conflict__actions">
        <button ref={first} type="button" class="button" data-testid="conflict-keep-theirs" onClick={() => props.board.resolveConflict(props.conflict.id, {})}>
          Keep theirs
        </button>
        <Show when={rows().length + valueRows().length > 1}>
          <button
            type="button"
            class="button"
            data-testid="conflict-merge"
            onClick={() => resolve(mergedPatch(props.conflict.patch, props.conflict.theirs, choices()), valueChoices())}
          >
            Save my choices
          </button>
        </Show>
        <button
          type="button"
          class="button button--primary"
          data-testid="conflict-take-yours"
          onClick={() => resolve(mergedPatch(props.conflict.patch, props.conflict.theirs, {}), {})}
        >
          Take mine
        </button>
      </footer>
    </ModalDialog>
  );
}

/** The oldest unresolved conflict of the board not put off, if any (one dialog at a time); the bar while all are. */
export function ConflictDialogs(props: { board: BoardSlice }) {
  const [putOff, setPutOff] = createSignal<ReadonlySet<string>>(new Set());
  const current = () => props.board.conflicts().find((c) => !putOff().has(c.id));
  const waiting = () => props.board.conflicts().length;
  return (
    <>
      <Show when={current()} keyed>
        {(conflict) => <ConflictBody board={props.board} conflict={conflict} later={() => setPutOff((ids) => new Set(ids).add(conflict.id))} />}
      </Show>
      <Show when={!current() && waiting() > 0}>
        <div class="conflict-waiting" role="status" data-testid="conflict-waiting">
          <span>
            {waiting() === 1
              ? `Your change to ${props.board.conflicts()[0]!.itemKey || 'an item'} is not saved yet.`
              : `${waiting()} of your changes are not saved yet.`}
          </span>
          <button type="button" class="button" data-testid="conflict-resume" onClick={() => setPutOff(new Set<string>())}>
            Choose what to keep
          </button>
        </div>
      </Show>
    </>
  );
}
