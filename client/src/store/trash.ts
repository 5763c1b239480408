// A project's Trash kept live for its page: list_deleted_work_items once the
// project is known and each time the socket opens again, then the project's
// events as the board slice hands them on (model/trash.ts), so an item
// deleted in another window arrives and a restored one leaves. Nothing is
// polled.
import { createEffect, createMemo, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import { ConnectionError } from '../../../shared/sdk/index.ts';
import type { BoardSlice } from './board.ts';
import type { Live } from './live.ts';
import { plainError } from './model/plain-error.ts';
import { shownTrash, trashAfter, type Trash } from './model/trash.ts';

export type TrashView =
  | { state: 'loading' }
  /** No socket and nothing read yet: the Trash is not part of the saved board. */
  | { state: 'offline' }
  | { state: 'error'; message: string }
  | { state: 'ready'; items: Trash };

export function createTrash(live: Live, board: Pick<BoardSlice, 'project' | 'onEvent' | 'items'>): Accessor<TrashView> {
  const [read, setRead] = createSignal<TrashView>({ state: 'loading' });
  const projectId = () => board.project()?.id ?? '';
  /** Bumped per request: an answer for another project, or to an older request, must not land. */
  let generation = 0;

  const ask = () => {
    const id = untrack(projectId);
    if (!id) return;
    const mine = ++generation;
    live.connection.request({ listDeletedWorkItems: { projectId: id } }).then(
      (result) => mine === generation && setRead({ state: 'ready', items: result.workItems?.workItems ?? [] }),
      (err: unknown) => {
        if (mine !== generation) return;
        if (!(err instanceof ConnectionError)) return setRead({ state: 'error', message: plainError('read the Trash', err) });
        if (read().state !== 'ready') setRead({ state: 'offline' });
      },
    );
  };

  createEffect(
    on(projectId, (id) => {
      generation++;
      setRead(!id || untrack(live.open) ? { state: 'loading' } : { state: 'offline' });
      ask();
    }),
  );
  // Back online: whatever was deleted or restored meanwhile is in the answer.
  createEffect(on(live.open, (open) => open && ask(), { defer: true }));

  const offEvents = board.onEvent((event) => {
    const now = read();
    if (now.state !== 'ready') return;
    const items = trashAfter(now.items, event);
    if (items !== now.items) setRead({ state: 'ready', items });
  });
  onCleanup(() => {
    offEvents();
    generation++;
  });

  return createMemo<TrashView>(() => {
    const view = read();
    return view.state === 'ready' ? { state: 'ready', items: shownTrash(view.items, board.items()) } : view;
  });
}
