// A text input that edits one value. The draft lives here while it has the
// focus, so a new `value` arriving meanwhile (someone else's change) does not
// overwrite what is being typed; blur or Enter commits it together with what
// `begin` returned when the edit started (the version it is based on, say),
// and Escape puts the value back.
import { createSignal } from 'solid-js';

export function DraftInput<T>(props: {
  value: string;
  label: string;
  testId: string;
  class?: string;
  inputMode?: 'decimal';
  /** The browser's date input (`YYYY-MM-DD`): committed on blur or Enter like text, so a year typed digit by digit never saves the days it passes through. */
  type?: 'date';
  min?: string;
  max?: string;
  placeholder?: string;
  begin(): T;
  commit(text: string, begun: T): void;
}) {
  const [draft, setDraft] = createSignal<string | null>(null);
  let begun: T;
  let start = '';
  let cancelled = false;
  return (
    <input
      class={`field__input ${props.class ?? ''}`}
      aria-label={props.label}
      placeholder={props.placeholder}
      inputMode={props.inputMode}
      type={props.type}
      min={props.min}
      max={props.max}
      value={draft() ?? props.value}
      data-testid={props.testId}
      onFocus={() => {
        begun = props.begin();
        start = props.value;
        cancelled = false;
        setDraft(props.value);
      }}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          e.stopPropagation();
          cancelled = true;
          e.currentTarget.blur();
        }
      }}
      onBlur={(e) => {
        const text = draft();
        setDraft(null);
        e.currentTarget.value = props.value;
        if (cancelled || text === null || text === start) return;
        props.commit(text, begun);
      }}
    />
  );
}
