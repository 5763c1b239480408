// The routes. Signed-in pages sit under RequireSession, which draws the app
// shell or sends the person to /login.
import { Route, Router } from '@solidjs/router';
import { LoginPage } from './auth/login-page.tsx';
import { RequireSession } from './auth/require-session.tsx';
import { ResetPasswordPage } from './auth/reset-password-page.tsx';
import { SessionContext, createSession } from './auth/session.ts';
import { SignupPage } from './auth/signup-page.tsx';
import { ThemeContext, createTheme } from './theme/theme.ts';
import { AccountPage } from './views/account-page.tsx';
import { BacklogPage } from './views/backlog-page.tsx';
import { BoardPage } from './views/board-page.tsx';
import { ImportPage } from './views/import-page.tsx';
import { InboxPage } from './views/inbox-page.tsx';
import { ItemPanel } from './views/item-panel.tsx';
import { MembersPage } from './views/members-page.tsx';
import { MyWorkPage } from './views/my-work-page.tsx';
import { NotFoundPage } from './views/not-found-page.tsx';
import { PeoplePage } from './views/people-page.tsx';
import { PoolPage } from './views/pool-page.tsx';
import { ProjectsPage } from './views/projects-page.tsx';
import { RaidPage } from './views/raid-page.tsx';
import { ReportsPage } from './views/reports-page.tsx';
import { TimesheetPage } from './views/timesheet-page.tsx';
import { TrashPage } from './views/trash-page.tsx';
import { SettingsPage } from './views/settings-page.tsx';
import { WebhooksPage } from './views/webhooks-page.tsx';

export function App() {
  return (
    <ThemeContext.Provider value={createTheme()}>
      <SessionContext.Provider value={createSession()}>
        <Router>
          <Route path="/login" component={LoginPage} />
          <Route path="/signup" component={SignupPage} />
          <Route path="/reset-password" component={ResetPasswordPage} />
          <Route path="/" component={RequireSession}>
            <Route path="/" component={ProjectsPage} />
            <Route path="/my-work" component={MyWorkPage} />
            <Route path="/timesheet" component={TimesheetPage} />
            <Route path="/inbox" component={InboxPage} />
            <Route path="/people" component={PeoplePage} />
            <Route path="/webhooks" component={WebhooksPage} />
            <Route path="/account" component={AccountPage} />
            <Route path="/p/:key" component={BoardPage}>
              <Route path="/" />
              <Route path="/item/:number" component={ItemPanel} />
            </Route>
            <Route path="/p/:key/backlog" component={BacklogPage} />
            <Route path="/p/:key/pool" component={PoolPage} />
            <Route path="/p/:key/raid" component={RaidPage} />
            <Route path="/p/:key/members" component={MembersPage} />
            <Route path="/p/:key/reports" component={ReportsPage} />
            <Route path="/p/:key/trash" component={TrashPage} />
            <Route path="/p/:key/settings" component={SettingsPage} />
            <Route path="/p/:key/import" component={ImportPage} />
          </Route>
          <Route path="*404" component={NotFoundPage} />
        </Router>
      </SessionContext.Provider>
    </ThemeContext.Provider>
  );
}
