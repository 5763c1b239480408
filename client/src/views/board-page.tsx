// "/p/:key": one project's board. Only the route for now; the board view
// mounts here when the socket layer arrives.
import { A, useParams } from '@solidjs/router';

export function BoardPage() {
  const params = useParams<{ key: string }>();
  return (
    <div class="page">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href="/">Projects</A>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{params.key}</span>
      </nav>
      <header class="page__header">
        <h1 class="page__title" data-testid="board-title">
          {params.key} board
        </h1>
      </header>
      {/* MOUNT POINT: the board (columns of work items) for params.key. */}
      <section class="panel mount" data-mount="board" data-project-key={params.key} data-testid="board" aria-label="Board">
        <div class="empty-state">
          <p class="empty-state__title">The board is not connected yet</p>
          <p class="empty-state__text">Work items for {params.key} will appear here once the live connection is in place.</p>
        </div>
      </section>
    </div>
  );
}
