// The top of every project page: breadcrumbs (Projects / KEY / page), the
// project's name over the page title, the page's badges and the connection
// indicator (and Ask, when the server has an assistant), then the Board | Backlog | Members | Reports | Trash | Settings tabs
// (and Pool after Backlog while the project is in pull mode, RAID after Backlog for a RAID log).
import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { useLive } from '../store/live.ts';
import { hasRaidView } from '../store/model/raid-view.ts';
import { AskButton } from './ask-panel.tsx';
import { LinkIndicator } from './link-status.tsx';

/** Board | Backlog | (RAID) | (Pool) | Members | Reports | Trash | Settings, under a project's title. */
function ProjectTabs(props: { projectKey: string }) {
  const live = useLive();
  const base = () => `/p/${props.projectKey}`;
  // The project list learns every change the open page sees, so the tab comes and goes live.
  const pullMode = () => Boolean(live.projects.resolve(props.projectKey)?.pullMode);
  // A RAID log: a Risk type with Probability and Impact fields (the template's, or an admin's own).
  const raid = () => hasRaidView(live.projects.resolve(props.projectKey));
  return (
    <nav class="project-tabs" aria-label="Project views">
      <A href={base()} end class="project-tabs__tab" activeClass="project-tabs__tab--active" data-testid="tab-board">
        Board
      </A>
      <A href={`${base()}/backlog`} class="project-tabs__tab" activeClass="project-tabs__tab--active" data-testid="tab-backlog">
        Backlog
      </A>
      <Show when={raid()}>
        <A href={`${base()}/raid`} class="project-tabs__tab" activeClass="project-tabs__tab--active" data-testid="tab-raid">
          RAID
        </A>
      </Show>
      <Show when={pullMode()}>
        <A href={`${base()}/pool`} class="project-tabs__tab" activeClass="project-tabs__tab--active" data-testid="tab-pool">
          Pool
        </A>
      </Show>
      <A href={`${base()}/members`} class="project-tabs__tab" activeClass="project-tabs__tab--active" data-testid="tab-members">
        Members
      </A>
      <A href={`${base()}/reports`} class="project-tabs__tab" activeClass="project-tabs__tab--active" data-testid="tab-reports">
        Reports
      </A>
      <A href={`${base()}/trash`} class="project-tabs__tab" activeClass="project-tabs__tab--active" data-testid="tab-trash">
        Trash
      </A>
      <A href={`${base()}/settings`} class="project-tabs__tab" activeClass="project-tabs__tab--active" data-testid="tab-settings">
        Settings
      </A>
    </nav>
  );
}

export function ProjectPageHeader(props: {
  projectKey: string;
  projectName: string | undefined;
  /** "Backlog", "Members": the last breadcrumb and the title's second word. */
  page: string;
  /** Read only, with why, when the person cannot change this page. */
  readOnly: string | null;
  /** When the page shows a board saved on this device rather than the server's (epoch ms). */
  savedCopyAt?: number | null;
  children?: JSX.Element;
}) {
  const live = useLive();
  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href="/">Projects</A>
        <span aria-hidden="true">/</span>
        <A href={`/p/${props.projectKey}`}>{props.projectKey}</A>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{props.page}</span>
      </nav>
      <header class="page__header">
        <div>
          <p class="page__eyebrow">{props.projectName ?? props.projectKey}</p>
          <h1 class="page__title" data-testid="page-title">
            {props.projectKey} {props.page.toLowerCase()}
          </h1>
        </div>
        <div class="page__actions">
          <Show when={props.readOnly}>
            {(why) => (
              <span class="role-badge" data-testid="read-only" title={why()}>
                Read only
              </span>
            )}
          </Show>
          {props.children}
          <AskButton projectKey={props.projectKey} />
          <LinkIndicator status={live.status()} savedCopyAt={props.savedCopyAt} />
        </div>
      </header>
      <ProjectTabs projectKey={props.projectKey} />
    </>
  );
}
