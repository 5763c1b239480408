// One labelled input with its message underneath: the error when there is
// one, otherwise the hint. The message area is a polite live region so a
// screen reader hears an error appear without losing its place.
import { createSignal, createUniqueId, Show, type JSX } from 'solid-js';

export interface FieldProps {
  /** The wire name (`displayName`): what the server puts in `error.field`. */
  name: string;
  label: string;
  value: string;
  type?: 'text' | 'email' | 'password';
  autocomplete?: JSX.HTMLAutocomplete;
  hint?: string;
  error?: string;
  testId: string;
  autofocus?: boolean;
  onInput(value: string): void;
  onBlur?(): void;
}

export function Field(props: FieldProps) {
  const id = `field-${createUniqueId()}`;
  const messageId = `${id}-message`;
  const [revealed, setRevealed] = createSignal(false);
  const isPassword = () => props.type === 'password';
  const message = () => props.error || props.hint || '';

  return (
    <div class="field" classList={{ 'field--invalid': !!props.error }}>
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <div class="field__control">
        <input
          id={id}
          class="field__input"
          name={props.name}
          type={isPassword() && revealed() ? 'text' : (props.type ?? 'text')}
          autocomplete={props.autocomplete}
          value={props.value}
          autofocus={props.autofocus}
          spellcheck={false}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={message() ? messageId : undefined}
          data-testid={props.testId}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          onBlur={() => props.onBlur?.()}
        />
        <Show when={isPassword()}>
          <button
            type="button"
            class="field__reveal"
            aria-controls={id}
            aria-label={revealed() ? `Hide ${props.label.toLowerCase()}` : `Show ${props.label.toLowerCase()}`}
            data-testid={`${props.testId}-reveal`}
            onClick={() => setRevealed((v) => !v)}
          >
            {revealed() ? 'Hide' : 'Show'}
          </button>
        </Show>
      </div>
      <p
        id={messageId}
        class="field__message"
        classList={{ 'field__message--error': !!props.error }}
        aria-live="polite"
        data-testid={props.error ? `${props.testId}-error` : `${props.testId}-hint`}
      >
        {message()}
      </p>
    </div>
  );
}

export function FormAlert(props: { message: string; testId: string }) {
  return (
    <Show when={props.message}>
      <div class="form-alert" role="alert" data-testid={props.testId}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8" />
          <path d="M10 5.8v5M10 13.6v.6" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
        <span>{props.message}</span>
      </div>
    </Show>
  );
}
