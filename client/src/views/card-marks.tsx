// What a card says of its schedule: the unfinished items blocking it, and its
// due date, marked when it is past (and the work not done) or close.
import { Show } from 'solid-js';
import type { LinkEnd } from '../store/model/link-views.ts';
import '../styles/links-dates.css';
import { dayWords, dueState, localDay } from './due-dates.ts';

const DUE_WORDS = { overdue: 'Overdue', soon: 'Due soon', later: 'Due' } as const;

export function CardBlockers(props: { blockers: readonly LinkEnd[] | undefined }) {
  const keys = () => (props.blockers ?? []).map((b) => b.key).join(', ');
  const titles = () => (props.blockers ?? []).map((b) => `${b.key} ${b.title} (${b.status})`).join('; ');
  return (
    <Show when={keys()}>
      <p class="card__blocked" title={`Blocked by ${titles()}`} data-testid="card-blocked">
        Blocked by {keys()}
      </p>
    </Show>
  );
}

export function CardDue(props: { due: string; finished: boolean }) {
  // The day is read again whenever the card changes, not on a timer: a board left open past midnight marks it then.
  const today = () => localDay();
  const state = () => dueState(props.due, today(), props.finished);
  return (
    <span class={`due due--${state()}`} title={`${DUE_WORDS[state()]} ${dayWords(props.due, today())}`} data-testid="card-due" data-due={props.due} data-state={state()}>
      <span class="visually-hidden">{DUE_WORDS[state()]} </span>
      {dayWords(props.due, today())}
    </span>
  );
}
