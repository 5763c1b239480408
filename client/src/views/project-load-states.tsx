// What a project page shows instead of its content when the project's board
// is not there (a wrong key, or not a member) or could not be loaded.
import { A } from '@solidjs/router';

export function ProjectMissing(props: { projectKey: string }) {
  return (
    <div class="panel empty-state" data-testid="board-missing">
      <p class="empty-state__title">There is no project {props.projectKey} here</p>
      <p class="empty-state__text">
        It may have another key, or you are not a member of it yet. Go back to <A href="/">your projects</A>.
      </p>
    </div>
  );
}

/** `what`: "board", "backlog", "members". */
export function ProjectLoadFailed(props: { what: string; message: string | undefined; testId: string }) {
  return (
    <div class="panel empty-state" data-testid={props.testId}>
      <p class="empty-state__title">The {props.what} could not be loaded</p>
      <p class="empty-state__text">{props.message}</p>
    </div>
  );
}
