// The foot of a Settings editor that edits a draft and saves it whole (the
// workflow, item types, custom fields): what is wrong with the draft, why the
// last save failed, Save and Discard, and what the last save did.
import { For, Show } from 'solid-js';

export function DraftFooter(props: {
  /** data-testid prefix: `${testId}-problems`, `-error`, `-save`, `-discard`, `-saved`. */
  testId: string;
  saveLabel: string;
  changed: boolean;
  saving: boolean;
  problems: readonly string[];
  error: string;
  saved: string;
  onSave: () => void;
  onDiscard: () => void;
}) {
  return (
    <>
      <Show when={props.changed && props.problems.length > 0}>
        <ul class="form-alert workflow__problems" data-testid={`${props.testId}-problems`}>
          <For each={props.problems}>{(p) => <li>{p}</li>}</For>
        </ul>
      </Show>
      <Show when={props.error}>
        <p class="form-alert" role="alert" data-testid={`${props.testId}-error`}>
          {props.error}
        </p>
      </Show>
      <div class="workflow__actions">
        <button
          type="button"
          class="button button--primary"
          disabled={props.saving || !props.changed || props.problems.length > 0}
          data-testid={`${props.testId}-save`}
          onClick={() => props.onSave()}
        >
          {props.saving ? 'Saving…' : props.saveLabel}
        </button>
        <Show when={props.changed}>
          <button type="button" class="button button--ghost" disabled={props.saving} data-testid={`${props.testId}-discard`} onClick={() => props.onDiscard()}>
            Discard changes
          </button>
        </Show>
        <span class="workflow__saved" role="status" data-testid={`${props.testId}-saved`}>
          {props.saved}
        </span>
      </div>
    </>
  );
}
