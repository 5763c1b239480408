// The Capacity editor of a sprint: the project's members, each added with
// days off, focus and hours per day (NEW_AVAILABILITY until changed), saved
// as one set_sprint_capacity against the sprint's version as the dialog
// opened. Someone else's save meanwhile comes back as a conflict: their
// values beside the person's, member by member, and nothing is overwritten
// until the person chooses (as the sprint's edit form does).
import { createMemo, createSignal, For, Show } from 'solid-js';
import { memberHours, workingDays } from '../../../shared/domain/capacity.ts';
import type { IMember, ISprint } from '../../../shared/proto.ts';
import {
  availabilityClashes,
  availabilityOf,
  availabilityProblem,
  availabilityWords,
  hoursWords,
  NEW_AVAILABILITY,
  type Availability,
  type AvailabilityClash,
} from '../store/model/capacity.ts';
import { plainError } from '../store/model/plain-error.ts';
import type { SprintsSlice } from '../store/sprints.ts';
import { ModalDialog } from '../ui/modal-dialog.tsx';

type AvailabilityField = Exclude<keyof Availability, 'userId'>;

const FIELDS: readonly { field: AvailabilityField; label: string; min: number; max: number; step: number }[] = [
  { field: 'daysOff', label: 'Days off', min: 0, max: 366, step: 1 },
  { field: 'focusPercent', label: 'Focus %', min: 0, max: 100, step: 5 },
  { field: 'hoursPerDay', label: 'Hours per day', min: 0.5, max: 24, step: 0.5 },
];

function ClashNotice(props: { clashes: AvailabilityClash[]; nameOf(userId: string): string; onKeepTheirs(): void; onSaveMine(): void }) {
  return (
    <div class="sprint-conflict" role="alert" data-testid="capacity-conflict">
      <p class="sprint-conflict__title">Someone else saved this sprint while you were editing. Your availability is not saved yet.</p>
      <table class="sprint-conflict__table">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Theirs (saved now)</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.clashes}>
            {(c) => (
              <tr data-testid="capacity-conflict-row">
                <th scope="row">{props.nameOf(c.userId)}</th>
                <td data-testid="capacity-conflict-theirs">{availabilityWords(c.theirs)}</td>
                <td data-testid="capacity-conflict-mine">{availabilityWords(c.mine)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="sprint-conflict__buttons">
        <button type="button" class="button" data-testid="capacity-keep-theirs" onClick={() => props.onKeepTheirs()}>
          Keep theirs
        </button>
        <button type="button" class="button button--primary" data-testid="capacity-save-mine" onClick={() => props.onSaveMine()}>
          Save mine
        </button>
      </div>
    </div>
  );
}

export function CapacityDialog(props: { sprints: SprintsSlice; sprint: ISprint; members: readonly IMember[]; onClose(): void }) {
  // Read once: a live change must not overwrite what is being typed (a save then meets it as a conflict).
  const [rows, setRows] = createSignal<Availability[]>(availabilityOf(props.sprint));
  const [base, setBase] = createSignal<ISprint>(props.sprint);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [conflict, setConflict] = createSignal<{ clashes: AvailabilityClash[]; mine: Availability[]; theirs: ISprint } | null>(null);
  const days = createMemo(() => workingDays(base().startDate ?? '', base().endDate ?? ''));
  const people = createMemo(() => [...props.members].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '')));
  const nameOf = (userId: string) => props.members.find((m) => m.userId === userId)?.displayName || 'A former member';
  const rowOf = (userId: string) => rows().find((r) => r.userId === userId);
  const change = (userId: string, field: AvailabilityField, value: number) => setRows((list) => list.map((r) => (r.userId === userId ? { ...r, [field]: value } : r)));

  const save = (wanted: Availability[], against: ISprint) => {
    // The server takes availability only for members: someone who left the project meanwhile is not sent.
    const list = wanted.filter((r) => props.members.some((m) => m.userId === r.userId));
    const wrong = availabilityProblem(list);
    if (wrong) return setProblem(wrong);
    setBusy(true);
    setProblem(null);
    setConflict(null);
    props.sprints
      .setCapacity(against, list)
      .then(
        (outcome) => {
          if (outcome.kind !== 'conflict') return props.onClose();
          setConflict({ clashes: availabilityClashes(availabilityOf(against), availabilityOf(outcome.theirs), list), mine: list, theirs: outcome.theirs });
          setBase(outcome.theirs);
        },
        (err: unknown) => setProblem(plainError(`save the availability for ${props.sprint.name || 'the sprint'}`, err)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <ModalDialog class="dialog dialog--wide panel" aria-labelledby="capacity-title" data-testid="capacity-dialog" onDismiss={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save(rows(), base());
        }}
      >
        <h2 id="capacity-title" class="dialog__title">
          Capacity of {props.sprint.name}
        </h2>
        <p class="form-note" data-testid="capacity-days">
          {days()} working {days() === 1 ? 'day' : 'days'}
          {base().startDate && base().endDate ? ` from ${base().startDate} to ${base().endDate}` : ' (the sprint has no dates: two weeks are assumed)'}.
        </p>
        <table class="capacity-editor">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <For each={FIELDS}>{(f) => <th scope="col">{f.label}</th>}</For>
              <th scope="col">Hours</th>
              <th scope="col">
                <span class="visually-hidden">Add or remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={people()}>
              {(member) => {
                const userId = member.userId ?? '';
                const row = () => rowOf(userId);
                return (
                  <tr data-testid="capacity-member" data-user-name={member.displayName ?? ''} data-listed={row() ? 'true' : 'false'}>
                    <th scope="row">{member.displayName}</th>
                    <Show
                      when={row()}
                      fallback={
                        <td colSpan={FIELDS.length + 1} class="capacity-editor__absent">
                          Not counted in this sprint
                        </td>
                      }
                    >
                      {(r) => (
                        <>
                          <For each={FIELDS}>
                            {(f) => (
                              <td>
                                <input
                                  class="field__input capacity-editor__input"
                                  type="number"
                                  min={f.min}
                                  max={f.max}
                                  step={f.step}
                                  value={r()[f.field]}
                                  aria-label={`${f.label} of ${member.displayName}`}
                                  data-testid={`capacity-${f.field}`}
                                  onInput={(e) => change(userId, f.field, e.currentTarget.valueAsNumber)}
                                />
                              </td>
                            )}
                          </For>
                          <td data-testid="capacity-member-hours">{hoursWords(memberHours(r(), days()) || 0)}</td>
                        </>
                      )}
                    </Show>
                    <td>
                      <Show
                        when={row()}
                        fallback={
                          <button
                            type="button"
                            class="button button--ghost"
                            data-testid="capacity-add"
                            aria-label={`Add ${member.displayName}`}
                            onClick={() => setRows((list) => [...list, { userId, ...NEW_AVAILABILITY }])}
                          >
                            Add
                          </button>
                        }
                      >
                        <button
                          type="button"
                          class="button button--ghost"
                          data-testid="capacity-remove"
                          aria-label={`Remove ${member.displayName}`}
                          onClick={() => setRows((list) => list.filter((r) => r.userId !== userId))}
                        >
                          Remove
                        </button>
                      </Show>
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
        <Show when={problem()}>
          <p class="form-alert" role="alert" data-testid="capacity-error">
            {problem()}
          </p>
        </Show>
        <Show when={conflict()}>
          {(c) => <ClashNotice clashes={c().clashes} nameOf={nameOf} onKeepTheirs={() => props.onClose()} onSaveMine={() => save(c().mine, c().theirs)} />}
        </Show>
        <div class="dialog__buttons">
          <button type="button" class="button button--ghost" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={busy()} data-testid="capacity-save">
            {busy() ? 'Saving…' : 'Save capacity'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
