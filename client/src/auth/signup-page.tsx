import { A, Navigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field, FormAlert } from '../ui/field.tsx';
import * as api from './auth-api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { createAuthForm } from './form.ts';
import { MIN_PASSWORD_LENGTH, emailProblem, nameProblem, newPasswordProblem } from './rules.ts';
import { useSession } from './session.ts';

export function SignupPage() {
  const { session, signIn } = useSession();
  const form = createAuthForm(
    { displayName: '', email: '', password: '', workspaceName: '' },
    {
      displayName: (v) => nameProblem(v, 'your name'),
      email: emailProblem,
      password: newPasswordProblem,
      workspaceName: (v) => nameProblem(v, 'a workspace name'),
    },
  );

  const onSubmit = (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    // Signing in flips the <Show> below, whose fallback moves on.
    void form.submit(e.currentTarget, async (v) => {
      signIn(
        await api.signup({
          email: v.email.trim(),
          password: v.password,
          displayName: v.displayName.trim(),
          workspaceName: v.workspaceName.trim(),
        }),
      );
    });
  };

  return (
    <Show when={!session()} fallback={<Navigate href="/" />}>
      <AuthLayout
        title="Create your workspace"
        subtitle="Set up a workspace for your team. You will be its owner."
        footer={
          <>
            Already have an account? <A href="/login">Log in</A>
          </>
        }
      >
        <form class="form" novalidate onSubmit={onSubmit} aria-busy={form.pending()} data-testid="signup-form">
          <FormAlert message={form.formError()} testId="signup-form-error" />
          <Field
            {...form.bind('displayName')}
            label="Your name"
            autocomplete="name"
            autofocus
            testId="signup-display-name"
          />
          <Field
            {...form.bind('email')}
            label="Work email"
            type="email"
            autocomplete="email"
            testId="signup-email"
          />
          <Field
            {...form.bind('password')}
            label="Password"
            type="password"
            autocomplete="new-password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
            testId="signup-password"
          />
          <Field
            {...form.bind('workspaceName')}
            label="Workspace name"
            autocomplete="organization"
            hint="Usually your team or company name."
            testId="signup-workspace-name"
          />
          <button type="submit" class="button button--primary button--block" disabled={form.pending()} data-testid="signup-submit">
            {form.pending() ? 'Creating workspace…' : 'Create workspace'}
          </button>
        </form>
      </AuthLayout>
    </Show>
  );
}
