import { useSession } from './session.ts';

/** Logs out; the session gate then moves the page to /login. */
export function LogoutButton() {
  const { signOut } = useSession();
  return (
    <button type="button" class="button button--ghost" onClick={() => void signOut()} data-testid="logout-button">
      Log out
    </button>
  );
}
