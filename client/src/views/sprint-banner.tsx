// The active sprint above the board: its name, dates, goal, days left, how
// much is done and the time logged and remaining, live as cards move; and
// whether the board shows only its cards (the default once a sprint is
// active, remembered per project on this device when the person chooses all
// items) or every card.
import { createEffect, createMemo, on, Show } from 'solid-js';
import { SprintState, type ISprint, type StatusCategory } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import { makeDeviceStorage } from '../store/device-storage.ts';
import { daysLeftText, doneShare, localToday, sprintProgress } from '../store/model/sprint-progress.ts';
import { isFiltering, type BoardView } from './board-filter.ts';
import { SprintTime } from './time-marks.tsx';

const prefs = makeDeviceStorage();
const scopeKey = (projectKey: string) => `tandem.board-scope:${projectKey}`;

export function activeSprint(board: BoardSlice): ISprint | undefined {
  return [...board.sprints().values()].find((s) => s.state === SprintState.SPRINT_STATE_ACTIVE);
}

/** Whether the view shows exactly the active sprint's cards. */
export const showsOnly = (view: BoardView, sprint: ISprint | undefined) =>
  sprint !== undefined && view.filter.sprints.length === 1 && view.filter.sprints[0] === sprint.id;

/**
 * Opens the board on the active sprint: once, when the board first has its
 * sprints, if the address asks for no view of its own and the person has not
 * chosen all items for this project.
 */
export function useSprintScope(board: BoardSlice, projectKey: () => string, view: () => BoardView, setView: (v: BoardView) => void): void {
  let decided = false;
  createEffect(
    on(
      () => board.load().state,
      (state) => {
        if (decided || state !== 'ready') return;
        decided = true;
        const sprint = activeSprint(board);
        if (!sprint || isFiltering(view().filter) || prefs.get(scopeKey(projectKey())) === 'all') return;
        setView({ ...view(), filter: { ...view().filter, sprints: [sprint.id ?? ''] } });
      },
    ),
  );
}

export function SprintBanner(props: { board: BoardSlice; projectKey: string; view: BoardView; setView(v: BoardView): void }) {
  const sprint = createMemo(() => activeSprint(props.board));
  const categories = createMemo(() => new Map<string, StatusCategory>(props.board.columns().map((c) => [c.status.id, c.status.category ?? 0])));
  const progress = createMemo(() => {
    const s = sprint();
    if (!s) return null;
    return sprintProgress(s, props.board.columns().flatMap((c) => c.cards), (id) => categories().get(id), localToday());
  });
  const choose = (only: boolean) => {
    const s = sprint();
    if (!s) return;
    prefs.set(scopeKey(props.projectKey), only ? 'sprint' : 'all');
    props.setView({ ...props.view, filter: { ...props.view.filter, sprints: only ? [s.id ?? ''] : [] } });
  };
  return (
    <Show when={sprint()}>
      {(s) => {
        const p = () => progress()!;
        const percent = () => Math.round(doneShare(p()) * 100);
        const only = () => showsOnly(props.view, s());
        return (
          <section class="sprint-banner" data-testid="sprint-banner" aria-label="Active sprint">
            <div class="sprint-banner__head">
              <h2 class="sprint-banner__name">{s().name}</h2>
              <Show when={s().startDate || s().endDate}>
                <span class="sprint-banner__dates">
                  {s().startDate || '…'} – {s().endDate || '…'}
                </span>
              </Show>
              <Show when={daysLeftText(p().daysLeft)}>
                <span class="sprint-banner__days" classList={{ 'sprint-banner__days--over': (p().daysLeft ?? 0) < 0 }} data-testid="sprint-days-left">
                  {daysLeftText(p().daysLeft)}
                </span>
              </Show>
              <div class="sprint-banner__scope segmented" role="group" aria-label="Cards shown">
                <button type="button" class="segmented__option" aria-pressed={only()} onClick={() => choose(true)} data-testid="scope-sprint">
                  This sprint
                </button>
                <button type="button" class="segmented__option" aria-pressed={!only()} onClick={() => choose(false)} data-testid="scope-all">
                  All cards
                </button>
              </div>
            </div>
            <Show when={s().goal}>
              <p class="sprint-banner__goal" data-testid="sprint-goal">
                Goal: {s().goal}
              </p>
            </Show>
            <div class="sprint-banner__progress">
              <div class="progress" role="progressbar" aria-label="Sprint done" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent()}>
                <div class="progress__done" style={{ width: `${percent()}%` }} />
              </div>
              <span class="sprint-banner__figures" data-testid="sprint-progress">
                <Show when={p().points > 0} fallback={`${p().doneItems} of ${p().items} cards done`}>
                  {p().donePoints} of {p().points} points done · {p().doneItems} of {p().items} cards
                </Show>
              </span>
              <SprintTime sprintId={s().id ?? ''} board={props.board} categoryOf={(id) => categories().get(id)} />
            </div>
          </section>
        );
      }}
    </Show>
  );
}
