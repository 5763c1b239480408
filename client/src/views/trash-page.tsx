// "/p/:key/trash": the project's deleted items, the latest deleted first,
// each with who deleted it and when, kept live by the project's events
// (store/trash.ts). Editors restore an item with its button (optimistic, like
// any item write: it leaves the list and is on the board at once); viewers
// see the list as it is. Ctrl-Z takes a restore back, as on the board.
import { useParams } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { createBoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { createTrash } from '../store/trash.ts';
import { ItemTypeBadge } from './item-type-badge.tsx';
import { ConflictDialogs } from './conflict-dialog.tsx';
import { memberName, when } from './item-format.ts';
import { ProjectBody } from './project-load-states.tsx';
import { ProjectPageHeader } from './project-page-header.tsx';
import { useUndoKeys } from './undo-keys.ts';
import '../styles/backlog.css';
import '../styles/trash.css';

export function TrashPage() {
  const params = useParams<{ key: string }>();
  const live = useLive();
  const board = createBoardSlice(live, () => params.key);
  const trash = createTrash(live, board);
  const me = live.session.user.id;
  useUndoKeys(board);
  const ready = () => {
    const view = trash();
    return view.state === 'ready' ? view.items : null;
  };
  const failed = () => {
    const view = trash();
    return view.state === 'error' ? view.message : null;
  };
  const deletedBy = (userId: string | null | undefined) => (userId === me ? 'you' : memberName(board, userId));
  return (
    <div class="page page--trash">
      <ProjectPageHeader
        projectKey={params.key}
        projectName={board.project()?.name ?? undefined}
        page="Trash"
        readOnly={board.load().state === 'ready' && !board.canEdit() ? 'Viewers can see the Trash but not restore from it' : null}
        savedCopyAt={board.savedCopyAt()}
      />
      <section class="trash" data-testid="trash" data-state={trash().state} aria-busy={trash().state === 'loading'}>
        <ProjectBody
          load={board.load()}
          projectKey={params.key}
          what="Trash"
          errorTestId="trash-error"
          skeleton={<div class="panel plan-group plan-group--skeleton" aria-hidden="true" />}
        >
          <Switch fallback={<p class="trash__note">Reading the Trash…</p>}>
            <Match when={trash().state === 'offline'}>
              <p class="trash__note" data-testid="trash-offline">
                The Trash is read from the server: it shows once Tandem is back online.
              </p>
            </Match>
            <Match when={failed()}>
              {(message) => (
                <p class="form-alert" role="alert" data-testid="trash-alert">
                  {message()}
                </p>
              )}
            </Match>
            <Match when={ready()}>
              {(items) => (
                <ul class="panel trash-list" aria-label="Deleted items">
                  <For
                    each={items()}
                    fallback={
                      <li class="trash-row trash-row--empty" data-testid="trash-empty">
                        Nothing deleted. Items deleted from the board or an item's panel wait here, to be restored.
                      </li>
                    }
                  >
                    {(item) => (
                      <li class="trash-row" data-testid="trash-item" data-item-id={item.id} data-key={item.key}>
                        <ItemTypeBadge item={item} project={board.project()} />
                        <span class="trash-row__what">
                          <span class="trash-row__title">
                            <span class="trash-row__key" data-testid="trash-key">
                              {item.key}
                            </span>{' '}
                            <span data-testid="trash-title">{item.title}</span>
                          </span>
                          <span class="trash-row__when" data-testid="trash-deleted">
                            Deleted by {deletedBy(item.updatedBy)}, {when(Number(item.deletedAt ?? 0))}
                          </span>
                        </span>
                        <Show when={board.canEdit()}>
                          <button type="button" class="button" data-testid="trash-restore" onClick={() => board.restore(item)}>
                            Restore
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Match>
          </Switch>
        </ProjectBody>
      </section>
      <ConflictDialogs board={board} />
    </div>
  );
}
