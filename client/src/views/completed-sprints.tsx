// Completed sprints under the plan: each with its dates and what it came to
// (committed, done, added after the start, carried over), from the server's
// burndown summary of it (get_report), asked for when the list is opened.
import { createSignal, For, Show } from 'solid-js';
import { ReportKind, SprintState, type ISprint, type ISprintSummary } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { plainError } from '../store/model/plain-error.ts';

const points = (n: number | null | undefined) => `${Number(n ?? 0)} ${Number(n ?? 0) === 1 ? 'point' : 'points'}`;
const cards = (n: number | null | undefined) => `${Number(n ?? 0)} ${Number(n ?? 0) === 1 ? 'card' : 'cards'}`;
const day = (ms: number | null | undefined) => (ms ? new Date(Number(ms)).toLocaleDateString() : '');

export function CompletedSprints(props: { board: BoardSlice }) {
  const [open, setOpen] = createSignal(false);
  const completed = () =>
    [...props.board.sprints().values()]
      .filter((s) => s.state === SprintState.SPRINT_STATE_COMPLETED)
      .sort((a, b) => Number(b.completedAt ?? 0) - Number(a.completedAt ?? 0));
  return (
    <Show when={completed().length > 0}>
      <details class="panel completed-sprints" data-testid="completed-sprints" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary class="completed-sprints__summary">Completed sprints ({completed().length})</summary>
        <Show when={open()}>
          <ul class="completed-sprints__list">
            <For each={completed()}>{(sprint) => <CompletedSprint projectId={props.board.project()?.id ?? ''} sprint={sprint} />}</For>
          </ul>
        </Show>
      </details>
    </Show>
  );
}

function CompletedSprint(props: { projectId: string; sprint: ISprint }) {
  const live = useLive();
  const [summary, setSummary] = createSignal<ISprintSummary | null>(null);
  const [problem, setProblem] = createSignal('');
  // Made when the list is first opened: a summary is asked for only by someone who looks.
  live.connection
    .request({
      getReport: { projectId: props.projectId, kind: ReportKind.REPORT_KIND_BURNDOWN, sprintId: props.sprint.id, utcOffsetMinutes: -new Date().getTimezoneOffset() },
    })
    .then(
      (result) => setSummary(result.report?.burndown?.summary ?? {}),
      (err: unknown) => setProblem(plainError(`read what ${props.sprint.name} came to`, err)),
    );
  const dates = () => [props.sprint.startDate || day(props.sprint.startedAt), props.sprint.endDate || day(props.sprint.completedAt)].join(' – ');
  return (
    <li class="completed-sprint" data-testid="completed-sprint" data-sprint-id={props.sprint.id}>
      <div class="completed-sprint__head">
        <strong>{props.sprint.name}</strong>
        <span class="completed-sprint__dates">{dates()}</span>
        <span class="completed-sprint__dates">completed {day(props.sprint.completedAt)}</span>
      </div>
      <Show when={props.sprint.goal}>
        <p class="completed-sprint__goal">Goal: {props.sprint.goal}</p>
      </Show>
      <Show when={summary()} fallback={<p class="completed-sprint__figures">{problem() || 'Adding it up…'}</p>}>
        {(s) => (
          <p class="completed-sprint__figures" data-testid="completed-sprint-figures">
            Committed {points(s().committedPoints)} ({cards(s().committedItems)}) · done {points(s().completedPoints)} ({cards(s().completedItems)})
            · added after the start {points(s().addedPoints)} ({cards(s().addedItems)}) · carried over {points(s().carriedOverPoints)} (
            {cards(s().carriedOverItems)})
          </p>
        )}
      </Show>
    </li>
  );
}
