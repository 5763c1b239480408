// The gate in front of every signed-in page: without a session the person is
// sent to /login, which brings them back here afterwards, unless they chose to
// log out (then a plain /login: returning them to where they left is a
// surprise, not a help). With one, it opens the tab's live connection, which
// lives exactly as long as this person's session (keyed on who is signed in:
// a new sign-in, a new socket; a refreshed token, the same page).
import { Navigate, useLocation, type RouteSectionProps } from '@solidjs/router';
import { Show, createMemo, type JSX } from 'solid-js';
import { LiveContext, createLive } from '../store/live.ts';
import { ToastStack } from '../ui/toasts.tsx';
import { AppShell } from '../views/app-shell.tsx';
import { loginHref } from './redirect.ts';
import { useSession, type Session } from './session.ts';

function LiveProvider(props: { session: Session; children?: JSX.Element }) {
  // Read once on purpose: the Show above is keyed, so another person mounts a new provider (and socket).
  const live = createLive(props.session);
  return (
    <LiveContext.Provider value={live}>
      {props.children}
      <ToastStack toasts={live.toasts} />
    </LiveContext.Provider>
  );
}

export function RequireSession(props: RouteSectionProps) {
  const { session, endedBy, resuming } = useSession();
  const location = useLocation();
  const target = () => (endedBy() === 'logout' ? '/login' : loginHref(location.pathname + location.search));
  // A refresh replaces the session object every few minutes; the page must stay.
  const signedIn = createMemo(session, null, { equals: (a, b) => a?.user.id === b?.user.id && a?.tenantId === b?.tenantId });
  return (
    <Show
      when={signedIn()}
      keyed
      fallback={
        <Show when={!resuming()} fallback={<p class="resuming" role="status" data-testid="resuming">Signing you in…</p>}>
          <Navigate href={target()} />
        </Show>
      }
    >
      {(current) => (
        <LiveProvider session={current}>
          <AppShell session={current}>{props.children}</AppShell>
        </LiveProvider>
      )}
    </Show>
  );
}
