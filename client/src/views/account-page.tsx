// "/account": who is signed in, and their own password change (PROTOCOL.md
// §2.6): the current password is required; when it is done, every other
// session of the account ends and this one goes on.
import { A } from '@solidjs/router';
import { Show, createSignal } from 'solid-js';
import * as api from '../auth/auth-api.ts';
import { createAuthForm } from '../auth/form.ts';
import { newPasswordProblem, passwordProblem } from '../auth/rules.ts';
import { useSession } from '../auth/session.ts';
import { useLive } from '../store/live.ts';
import { Field, FormAlert } from '../ui/field.tsx';
import { managesPeople } from './people-api.ts';
import '../styles/people.css';

const ROLE_WORDS = { owner: 'Owner', admin: 'Admin', member: 'Member' } as const;

function PasswordForm(props: { onDone(): void }) {
  const live = useLive();
  const form = createAuthForm(
    { currentPassword: '', newPassword: '', repeatPassword: '' },
    {
      currentPassword: passwordProblem,
      newPassword: newPasswordProblem,
      repeatPassword: (value: string): string => (value === form.values.newPassword ? '' : 'The two new passwords are not the same.'),
    },
  );
  const onSubmit = (e: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    e.preventDefault();
    void form.submit(e.currentTarget, async (v) => {
      await api.changePassword(await live.token(), { currentPassword: v.currentPassword, newPassword: v.newPassword });
      props.onDone();
    });
  };
  return (
    <form class="form" novalidate onSubmit={onSubmit} aria-busy={form.pending()} data-testid="password-form">
      <FormAlert message={form.formError()} testId="password-form-error" />
      <Field {...form.bind('currentPassword')} label="Current password" type="password" autocomplete="current-password" testId="current-password" />
      <Field {...form.bind('newPassword')} label="New password" type="password" autocomplete="new-password" hint="At least 10 characters; not a common one." testId="new-password" />
      <Field {...form.bind('repeatPassword')} label="New password again" type="password" autocomplete="new-password" testId="repeat-password" />
      <button type="submit" class="button button--primary" disabled={form.pending()} data-testid="password-submit">
        {form.pending() ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}

export function AccountPage() {
  const { session } = useSession();
  const [changed, setChanged] = createSignal(false);
  return (
    <div class="page page--account">
      <header class="page__header">
        <div>
          <p class="page__eyebrow">{session()?.workspaceName ?? 'Workspace'}</p>
          <h1 class="page__title">Your account</h1>
        </div>
      </header>
      <div class="account-grid">
        <section class="panel account-panel" aria-labelledby="account-who">
          <h2 id="account-who" class="account-panel__title">
            {session()?.user.displayName}
          </h2>
          <dl class="account-facts">
            <dt>Email</dt>
            <dd data-testid="account-email">{session()?.user.email}</dd>
            <dt>Workspace role</dt>
            <dd data-testid="account-role">{ROLE_WORDS[session()?.role ?? 'member']}</dd>
          </dl>
          <Show when={managesPeople(session())}>
            <A href="/people" class="button">
              People in this workspace
            </A>
          </Show>
        </section>
        <section class="panel account-panel" aria-labelledby="account-password">
          <h2 id="account-password" class="account-panel__title">
            Password
          </h2>
          <Show
            when={!changed()}
            fallback={
              <>
                <p class="form-note" role="status" data-testid="password-changed">
                  Your password is changed. Every other place you were logged in has been logged out; this one stays.
                </p>
                <button type="button" class="button" onClick={() => setChanged(false)}>
                  Change it again
                </button>
              </>
            }
          >
            <Show when={session()?.workspaceName != null} fallback={<p class="form-note">Passwords here are managed by the platform Tandem is embedded in.</p>}>
              <PasswordForm onDone={() => setChanged(true)} />
            </Show>
          </Show>
        </section>
      </div>
    </div>
  );
}
