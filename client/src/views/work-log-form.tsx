// The "Log work" form: how long, when (now unless changed), a note, and what
// remains: by default the remaining estimate goes down by the time logged,
// or the person says what is left. Read and checked before sending
// (work-log-input.ts); the form closes once the log is sent, and a refusal
// arriving later is said by the section.
import { createSignal, Show } from 'solid-js';
import { hoursPerDay } from '../store/hours-per-day.ts';
import { localDateTime, readLogForm } from '../store/model/work-log-input.ts';
import type { ItemWorkLogs } from '../store/work-logs.ts';

export function WorkLogForm(props: { logs: ItemWorkLogs; close(): void; say(words: string | null): void }) {
  const [problem, setProblem] = createSignal('');
  const [setsRemaining, setSetsRemaining] = createSignal(false);
  const submit = (form: HTMLFormElement) => {
    const text = (name: string) => String(new FormData(form).get(name) ?? '');
    const read = readLogForm(
      { duration: text('duration'), when: text('when'), note: text('note'), remaining: setsRemaining() ? text('remaining') : null },
      hoursPerDay(),
      Date.now(),
    );
    if (!read.ok) return setProblem(read.problem);
    void props.logs.log(read.value).then(props.say);
    props.close();
  };
  return (
    <form
      class="work-log-form"
      aria-label="Log work"
      data-testid="log-work-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Closes the form, not the panel around it.
        e.stopPropagation();
        props.close();
      }}
    >
      <div class="work-log-form__row">
        <label class="field">
          <span class="field__label">Time spent</span>
          <input class="field__input" name="duration" placeholder="1h 30m" data-testid="log-work-duration" ref={(el) => queueMicrotask(() => el.focus())} />
        </label>
        <label class="field">
          <span class="field__label">Started</span>
          <input class="field__input" type="datetime-local" name="when" value={localDateTime(Date.now())} data-testid="log-work-when" />
        </label>
      </div>
      <label class="field">
        <span class="field__label">Note</span>
        <input class="field__input" name="note" placeholder="What was done (optional)" data-testid="log-work-note" />
      </label>
      <fieldset class="work-log-form__remaining">
        <legend class="field__label">Remaining estimate</legend>
        <label class="work-log-form__choice">
          <input type="radio" name="remaining-choice" checked={!setsRemaining()} onChange={() => setSetsRemaining(false)} data-testid="log-work-reduce" />
          Reduce it by the time spent
        </label>
        <label class="work-log-form__choice">
          <input type="radio" name="remaining-choice" checked={setsRemaining()} onChange={() => setSetsRemaining(true)} data-testid="log-work-set-remaining" />
          Set it to
        </label>
        <input
          class="field__input work-log-form__left"
          name="remaining"
          aria-label="Remaining estimate after this log"
          placeholder="2h"
          disabled={!setsRemaining()}
          data-testid="log-work-remaining"
        />
      </fieldset>
      <Show when={problem()}>
        <p class="form-alert" role="alert" data-testid="log-work-error">
          {problem()}
        </p>
      </Show>
      <div class="item-actions">
        <button type="submit" class="button button--primary" data-testid="log-work-save">
          Log
        </button>
        <button type="button" class="button" onClick={() => props.close()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
