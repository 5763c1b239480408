// State for the sign-up and log-in forms: values, which fields have been
// visited, the checks made here, and the refusals the server sent back.
// An input's error is the server's while that input is unchanged, otherwise
// the local check's once the person has left the input (or tried to submit).
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ApiError } from './auth-api.ts';

export type Checks<K extends string> = Record<K, (value: string) => string>;

export interface FieldBinding {
  name: string;
  readonly value: string;
  readonly error: string;
  onInput(value: string): void;
  onBlur(): void;
}

export interface AuthForm<K extends string> {
  values: Readonly<Record<K, string>>;
  error(name: K): string;
  formError(): string;
  pending(): boolean;
  set(name: K, value: string): void;
  visit(name: K): void;
  /** The props that tie one <Field> to this form: spread them onto it. */
  bind(name: K): FieldBinding;
  /**
   * Runs the local checks; if any fails, shows them all, focuses the first
   * and sends nothing. Otherwise awaits `send` and spreads an ApiError over
   * the input it names (or the whole form).
   */
  submit(form: HTMLFormElement, send: (values: Record<K, string>) => Promise<void>): Promise<void>;
}

export function createAuthForm<K extends string>(initial: Record<K, string>, checks: Checks<K>): AuthForm<K> {
  const names = Object.keys(initial) as K[];
  const [values, setValues] = createStore<Record<K, string>>({ ...initial });
  const [visited, setVisited] = createStore<Record<string, boolean>>({});
  const [serverErrors, setServerErrors] = createStore<Record<string, string>>({});
  const [formError, setFormError] = createSignal('');
  const [pending, setPending] = createSignal(false);

  const localError = (name: K) => (visited[name] ? checks[name](values[name]) : '');
  const focus = (form: HTMLFormElement, name: string) => {
    const el = form.elements.namedItem(name);
    if (el instanceof HTMLElement) el.focus();
  };

  const error = (name: K) => serverErrors[name] || localError(name);
  const set = (name: K, value: string) => {
    setValues((prev) => ({ ...prev, [name]: value }) as Record<K, string>);
    setServerErrors(name, '');
    setFormError('');
  };
  const visit = (name: K) => {
    // Tabbing past an empty input is not a mistake yet; submitting is.
    if (values[name]) setVisited(name, true);
  };

  return {
    values,
    error,
    formError,
    pending,
    set,
    visit,
    bind: (name) => ({
      name,
      // Getters keep the spread props reactive.
      get value() {
        return values[name];
      },
      get error() {
        return error(name);
      },
      onInput: (value) => set(name, value),
      onBlur: () => visit(name),
    }),
    async submit(form, send) {
      if (pending()) return;
      for (const name of names) setVisited(name, true);
      const firstBad = names.find((name) => checks[name](values[name]));
      if (firstBad) {
        focus(form, firstBad);
        return;
      }
      setFormError('');
      setPending(true);
      try {
        await send({ ...values });
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', 'Something went wrong. Try again.');
        if (e.field && (names as string[]).includes(e.field)) {
          setServerErrors(e.field, e.message);
          focus(form, e.field);
        } else {
          setFormError(e.message);
        }
      } finally {
        setPending(false);
      }
    },
  };
}
