// Creating and editing a sprint: one form (name, goal, start and end dates),
// checked in plain words before it is sent. An edit is based on the sprint as
// it was when the form opened; if someone saves the sprint meanwhile the
// server answers CONFLICT and the form shows their values beside the
// person's, who keeps theirs (the form closes) or saves their own over them
// (sent against the new version). Nothing is overwritten without that choice.
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { ISprint } from '../../../shared/proto.ts';
import { plainError } from '../store/model/plain-error.ts';
import {
  SPRINT_FIELD_LABELS,
  SPRINT_FIELDS,
  sprintFieldOfWire,
  sprintFields,
  sprintProblem,
  type SprintField,
  type SprintFields,
} from '../store/model/sprint-edit.ts';
import { useLive } from '../store/live.ts';
import type { SprintsSlice } from '../store/sprints.ts';

interface Problem {
  field: SprintField | null;
  message: string;
}

/** A refusal from the server, said for the field it names when it names one. */
function refusal(action: string, err: unknown): Problem {
  const field = sprintFieldOfWire((err as { field?: string } | null)?.field ?? '');
  return { field, message: plainError(action, err) };
}

function readForm(form: HTMLFormElement): SprintFields {
  const data = new FormData(form);
  const get = (k: string) => String(data.get(k) ?? '');
  return { name: get('name').trim(), goal: get('goal').trim(), startDate: get('startDate'), endDate: get('endDate') };
}

const DATE_FIELDS = [
  { field: 'startDate', label: 'Starts', testId: 'sprint-start' },
  { field: 'endDate', label: 'Ends', testId: 'sprint-end' },
] as const;

function SprintFieldsForm(props: {
  initial: SprintFields;
  testId: string;
  submitLabel: string;
  busy: boolean;
  problem: Problem | null;
  onSubmit(fields: SprintFields): void;
  onCancel(): void;
  /** Shown above the buttons (the conflict notice). */
  notice?: JSX.Element;
}) {
  const live = useLive();
  const invalid = (f: SprintField) => (props.problem?.field === f ? 'true' : undefined);
  const describedBy = (f: SprintField) => (props.problem?.field === f ? `${props.testId}-problem` : undefined);
  return (
    <form
      class="panel sprint-form"
      data-testid={props.testId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(readForm(e.currentTarget));
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <label class="field">
        <span class="field__label">Name</span>
        <input
          class="field__input"
          name="name"
          value={props.initial.name}
          aria-invalid={invalid('name')}
          aria-describedby={describedBy('name')}
          data-testid="sprint-name"
          ref={(el) => queueMicrotask(() => el.focus())}
        />
      </label>
      <label class="field sprint-form__goal">
        <span class="field__label">Goal</span>
        <input class="field__input" name="goal" value={props.initial.goal} aria-invalid={invalid('goal')} aria-describedby={describedBy('goal')} data-testid="sprint-goal" />
      </label>
      <For each={DATE_FIELDS}>
        {(d) => (
          <label class="field">
            <span class="field__label">{d.label}</span>
            <input
              class="field__input"
              type="date"
              name={d.field}
              value={props.initial[d.field]}
              aria-invalid={invalid(d.field)}
              aria-describedby={describedBy(d.field)}
              data-testid={d.testId}
            />
          </label>
        )}
      </For>
      <Show when={props.problem}>
        {(p) => (
          <p class="form-alert" role="alert" id={`${props.testId}-problem`} data-testid={`${props.testId}-error`} data-field={p().field ?? undefined}>
            {p().message}
          </p>
        )}
      </Show>
      {props.notice}
      <Show when={props.busy && !live.open()}>
        <p class="form-note" role="status" data-testid="sprint-waiting">
          Offline: this is kept on this device and sent when the connection is back.
        </p>
      </Show>
      <div class="sprint-form__buttons">
        <button type="submit" class="button button--primary" disabled={props.busy} data-testid="sprint-submit">
          {props.busy ? 'Saving…' : props.submitLabel}
        </button>
        <button type="button" class="button button--ghost" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const EMPTY: SprintFields = { name: '', goal: '', startDate: '', endDate: '' };

export function NewSprint(props: { sprints: SprintsSlice }) {
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<Problem | null>(null);
  const close = () => {
    setProblem(null);
    setOpen(false);
  };
  const submit = (fields: SprintFields) => {
    const wrong = sprintProblem(fields);
    if (wrong) return setProblem(wrong);
    setBusy(true);
    setProblem(null);
    props.sprints
      .create(fields)
      .then(close, (err: unknown) => setProblem(refusal('create the sprint', err)))
      .finally(() => setBusy(false));
  };
  return (
    <div class="new-sprint">
      <Show
        when={open()}
        fallback={
          <button type="button" class="button button--primary" data-testid="new-sprint" onClick={() => setOpen(true)}>
            + New sprint
          </button>
        }
      >
        <SprintFieldsForm initial={EMPTY} testId="new-sprint-form" submitLabel="Create sprint" busy={busy()} problem={problem()} onSubmit={submit} onCancel={close} />
      </Show>
    </div>
  );
}

/** Their value beside the person's, for each field the person changed and they saved differently. */
function ConflictNotice(props: { theirs: ISprint; mine: SprintFields; base: SprintFields; onKeepTheirs(): void; onSaveMine(): void }) {
  const rows = () => {
    const theirs = sprintFields(props.theirs);
    return SPRINT_FIELDS.filter((f) => props.mine[f] !== props.base[f] && theirs[f] !== props.mine[f]).map((f) => ({ field: f, theirs: theirs[f], mine: props.mine[f] }));
  };
  const shown = (v: string) => v || '(none)';
  return (
    <div class="sprint-conflict" role="alert" data-testid="sprint-conflict">
      <p class="sprint-conflict__title">Someone else saved this sprint while you were editing. Yours is not saved yet.</p>
      <table class="sprint-conflict__table">
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
              <tr data-testid="sprint-conflict-row" data-field={row.field}>
                <th scope="row">{SPRINT_FIELD_LABELS[row.field]}</th>
                <td data-testid="sprint-conflict-theirs">{shown(row.theirs)}</td>
                <td data-testid="sprint-conflict-mine">{shown(row.mine)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="sprint-conflict__buttons">
        <button type="button" class="button" data-testid="sprint-keep-theirs" onClick={() => props.onKeepTheirs()}>
          Keep theirs
        </button>
        <button type="button" class="button button--primary" data-testid="sprint-save-mine" onClick={() => props.onSaveMine()}>
          Save mine
        </button>
      </div>
    </div>
  );
}

export function EditSprint(props: { sprints: SprintsSlice; sprint: ISprint; onClose(): void }) {
  // Read once: a live change to the sprint must not overwrite what is being typed (a save then meets it as a conflict).
  const initial = sprintFields(props.sprint);
  // The version the edit is based on: the sprint as the form opened, or theirs after a conflict.
  const [base, setBase] = createSignal<ISprint>(props.sprint);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<Problem | null>(null);
  const [conflict, setConflict] = createSignal<{ theirs: ISprint; mine: SprintFields; base: SprintFields } | null>(null);
  const save = (fields: SprintFields, against: ISprint) => {
    const wrong = sprintProblem(fields);
    if (wrong) return setProblem(wrong);
    setBusy(true);
    setProblem(null);
    setConflict(null);
    props.sprints
      .update(against, fields)
      .then(
        (outcome) => {
          if (outcome.kind !== 'conflict') return props.onClose();
          setConflict({ theirs: outcome.theirs, mine: fields, base: sprintFields(against) });
          setBase(outcome.theirs);
        },
        (err: unknown) => setProblem(refusal(`save ${props.sprint.name || 'the sprint'}`, err)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <SprintFieldsForm
      initial={initial}
      testId="edit-sprint-form"
      submitLabel="Save sprint"
      busy={busy()}
      problem={problem()}
      onSubmit={(fields) => save(fields, base())}
      onCancel={() => props.onClose()}
      notice={
        <Show when={conflict()}>
          {(c) => <ConflictNotice {...c()} onKeepTheirs={() => props.onClose()} onSaveMine={() => save(c().mine, c().theirs)} />}
        </Show>
      }
    />
  );
}
