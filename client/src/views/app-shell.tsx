// The frame of every signed-in page: the top bar (home, My work, Timesheet, People and
// Webhooks for a workspace's owners and admins, who is signed in and a link to their
// account, the Inbox with its unread count, theme, log out) and the page
// below it.
import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { LogoutButton } from '../auth/logout-button.tsx';
import { useSession, type Session } from '../auth/session.ts';
import { ThemeToggle } from '../theme/theme-toggle.tsx';
import { BrandMark } from '../ui/brand.tsx';
import { CommandPalette } from './command-palette.tsx';
import { FormerKeyRedirect } from './former-key-redirect.tsx';
import { InboxLink } from './inbox-link.tsx';
import { managesPeople } from './people-api.ts';
import { managesWebhooks } from './webhooks-api.ts';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts.slice(0, 1);
  return letters.map((p) => Array.from(p)[0]!.toUpperCase()).join('') || '?';
}

export function AppShell(props: { session: Session; children?: JSX.Element }) {
  // The live session, not the prop: a new role arrives with the next refresh.
  const { session } = useSession();
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <A href="/" class="brand" aria-label="Tandem: your projects">
          <BrandMark />
          <span class="brand__name">Tandem</span>
        </A>
        <nav class="topbar__nav" aria-label="Main">
          <A href="/" end class="topbar__link" activeClass="topbar__link--active">
            Projects
          </A>
          <A href="/my-work" class="topbar__link" activeClass="topbar__link--active" data-testid="my-work-link">
            My work
          </A>
          <A href="/timesheet" class="topbar__link topbar__link--roomy" activeClass="topbar__link--active" data-testid="timesheet-link">
            Timesheet
          </A>
          <Show when={managesPeople(session())}>
            <A href="/people" class="topbar__link topbar__link--roomy" activeClass="topbar__link--active" data-testid="people-link">
              People
            </A>
          </Show>
          <Show when={managesWebhooks(session())}>
            <A href="/webhooks" class="topbar__link" activeClass="topbar__link--active" data-testid="webhooks-link">
              Webhooks
            </A>
          </Show>
        </nav>
        <div class="topbar__end">
          <A href="/account" class="account account--link" title={`${props.session.user.email}: your account`} data-testid="account-link">
            <span class="avatar" aria-hidden="true">
              {initials(props.session.user.displayName)}
            </span>
            <span class="account__text">
              <span class="account__name" data-testid="user-name">
                {props.session.user.displayName}
              </span>
              {/* The id stands in only where no name is known: embedded mode, or a tab's session saved before names were kept. */}
              <span class="account__workspace" data-testid="workspace-name">
                {props.session.workspaceName ?? props.session.tenantId}
              </span>
            </span>
          </A>
          <InboxLink />
          <CommandPalette />
          <ThemeToggle />
          <LogoutButton />
        </div>
      </header>
      <main id="main" class="shell__main" tabIndex={-1}>
        <FormerKeyRedirect />
        {props.children}
      </main>
    </div>
  );
}
