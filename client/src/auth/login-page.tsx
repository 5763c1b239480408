import { A, Navigate, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field, FormAlert } from '../ui/field.tsx';
import * as api from './auth-api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { createAuthForm } from './form.ts';
import { safeNext } from './redirect.ts';
import { emailProblem, passwordProblem } from './rules.ts';
import { useSession } from './session.ts';

export function LoginPage() {
  const { session, endedBy, signIn } = useSession();
  const [params] = useSearchParams<{ next?: string }>();
  const next = () => safeNext(params.next);
  const form = createAuthForm({ email: '', password: '' }, { email: emailProblem, password: passwordProblem });

  const onSubmit = (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    // Signing in flips the <Show> below, whose fallback moves on.
    void form.submit(e.currentTarget, async (v) => {
      signIn(await api.login({ email: v.email.trim(), password: v.password }));
    });
  };

  return (
    <Show when={!session()} fallback={<Navigate href={next()} />}>
      <AuthLayout
        title="Log in"
        subtitle="Welcome back. Pick up where your team left off."
        footer={
          <>
            New to Tandem? <A href="/signup">Create a workspace</A>
          </>
        }
      >
        <form class="form" novalidate onSubmit={onSubmit} aria-busy={form.pending()} data-testid="login-form">
          <Show when={endedBy() === 'expired' && !form.formError()}>
            <p class="form-note" role="status" data-testid="login-expired">
              Your session has expired. Log in again to continue.
            </p>
          </Show>
          <FormAlert message={form.formError()} testId="login-form-error" />
          <Field
            {...form.bind('email')}
            label="Email"
            type="email"
            autocomplete="email"
            autofocus
            testId="login-email"
          />
          <Field
            {...form.bind('password')}
            label="Password"
            type="password"
            autocomplete="current-password"
            testId="login-password"
          />
          <button type="submit" class="button button--primary button--block" disabled={form.pending()} data-testid="login-submit">
            {form.pending() ? 'Logging in…' : 'Log in'}
          </button>
        </form>
      </AuthLayout>
    </Show>
  );
}
