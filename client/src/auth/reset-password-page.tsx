// "/reset-password#<token>": where a one-time link an admin made lands
// (PROTOCOL.md §2.6). The token rides in the fragment, so it never reaches a
// server log or a Referer. The person chooses their new password here; every
// session the account had ends, and they log in with it.
import { A } from '@solidjs/router';
import { Show, createSignal } from 'solid-js';
import { Field, FormAlert } from '../ui/field.tsx';
import * as api from './auth-api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { createAuthForm } from './form.ts';
import { newPasswordProblem } from './rules.ts';

export function ResetPasswordPage() {
  const token = location.hash.slice(1);
  const [setFor, setSetFor] = createSignal<string | null>(null);
  const form = createAuthForm(
    { password: '', repeatPassword: '' },
    {
      password: newPasswordProblem,
      repeatPassword: (value: string): string => (value === form.values.password ? '' : 'The two passwords are not the same.'),
    },
  );
  const onSubmit = (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    void form.submit(e.currentTarget, async (v) => {
      const { email } = await api.completePasswordReset({ token, password: v.password });
      // Used up: nothing in the address bar or the history should look like it still works.
      history.replaceState(null, '', location.pathname);
      setSetFor(email);
    });
  };
  return (
    <AuthLayout
      title="Set a new password"
      subtitle="Choose the password you will log in with from now on."
      footer={
        <>
          Remember it after all? <A href="/login">Log in</A>
        </>
      }
    >
      <Show
        when={setFor() === null}
        fallback={
          <div class="form" data-testid="reset-done">
            <p class="form-note" role="status">
              Your password is set{setFor() ? ` for ${setFor()}` : ''}. Every place you were logged in has been logged out.
            </p>
            <A href="/login" class="button button--primary button--block" data-testid="reset-login">
              Log in
            </A>
          </div>
        }
      >
        <Show when={token} fallback={<p class="form-alert" role="alert" data-testid="reset-incomplete">This link is not complete. Copy the whole link you were given, or ask for a new one.</p>}>
          <form class="form" novalidate onSubmit={onSubmit} aria-busy={form.pending()} data-testid="reset-form">
            <FormAlert message={form.formError()} testId="reset-form-error" />
            <Field {...form.bind('password')} label="New password" type="password" autocomplete="new-password" hint="At least 10 characters; not a common one." autofocus testId="reset-password" />
            <Field {...form.bind('repeatPassword')} label="New password again" type="password" autocomplete="new-password" testId="reset-repeat" />
            <button type="submit" class="button button--primary button--block" disabled={form.pending()} data-testid="reset-submit">
              {form.pending() ? 'Setting…' : 'Set password'}
            </button>
          </form>
        </Show>
      </Show>
    </AuthLayout>
  );
}
