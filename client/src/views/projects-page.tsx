// "/": the workspace's projects. The list itself comes over the socket
// (list_projects) in the board step; until then this page shows where it
// will go and invents nothing.
import { A } from '@solidjs/router';
import { useSession } from '../auth/session.ts';

export function ProjectsPage() {
  const { session } = useSession();
  const firstName = () => session()?.user.displayName.trim().split(/\s+/)[0] ?? '';
  return (
    <div class="page">
      <header class="page__header">
        <div>
          <p class="page__eyebrow">Welcome, {firstName()}</p>
          <h1 class="page__title">Your projects</h1>
        </div>
      </header>
      {/*
        MOUNT POINT: the project list. The socket layer fills this section
        from the server's project list; keep data-mount="project-list".
      */}
      <section class="panel mount" data-mount="project-list" data-testid="project-list" aria-label="Projects">
        <div class="empty-state">
          <svg class="empty-state__art" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
            <rect x="5" y="9" width="11" height="30" rx="3" fill="none" stroke="currentColor" stroke-width="2" />
            <rect x="19" y="9" width="11" height="20" rx="3" fill="none" stroke="currentColor" stroke-width="2" />
            <rect x="33" y="9" width="11" height="25" rx="3" fill="none" stroke="currentColor" stroke-width="2" />
          </svg>
          <p class="empty-state__title">The project list is not connected yet</p>
          <p class="empty-state__text">
            Projects load over Tandem's live connection, which this version of the app does not open yet. Boards live at
            addresses like <A href="/p/WEB">/p/WEB</A>.
          </p>
        </div>
      </section>
    </div>
  );
}
