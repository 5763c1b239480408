// The gate in front of every signed-in page: without a session the person is
// sent to /login, which brings them back here afterwards, unless they chose to
// log out (then a plain /login: returning them to where they left is a
// surprise, not a help).
import { Navigate, useLocation, type RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { AppShell } from '../views/app-shell.tsx';
import { loginHref } from './redirect.ts';
import { useSession } from './session.ts';

export function RequireSession(props: RouteSectionProps) {
  const { session, endedBy } = useSession();
  const location = useLocation();
  const target = () => (endedBy() === 'logout' ? '/login' : loginHref(location.pathname + location.search));
  return (
    <Show when={session()} fallback={<Navigate href={target()} />}>
      {(current) => <AppShell session={current()}>{props.children}</AppShell>}
    </Show>
  );
}
