// The My work page's answer kept live: get_my_work when the socket opens,
// then the feeds of the projects its items are in; an event there (or an
// assignment told to the person, which may be in a project not followed
// yet) asks again, once for a burst. Nothing is polled.
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { NotificationKind } from '../../../shared/proto.ts';
import { ConnectionError } from '../../../shared/sdk/index.ts';
import type { Live } from './live.ts';
import { projectsOf, type MyWork } from './model/my-work.ts';
import { plainError } from './model/plain-error.ts';

export type MyWorkView = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; work: MyWork };

/** As the Reports page (store/reports.ts): the first event starts the wait and the rest of a burst join it, so a busy project still updates. */
const GATHER_MS = 300;

export function createMyWork(live: Live): Accessor<MyWorkView> {
  const [view, setView] = createSignal<MyWorkView>({ state: 'loading' });
  /** Bumped per request: an older answer must not replace a newer one. */
  let generation = 0;
  let gathering: ReturnType<typeof setTimeout> | undefined;
  const following = new Map<string, () => void>();

  const soon = () => {
    gathering ??= setTimeout(ask, GATHER_MS);
  };

  const follow = (projectIds: readonly string[]) => {
    for (const [id, stop] of following) {
      if (projectIds.includes(id)) continue;
      stop();
      following.delete(id);
    }
    for (const id of projectIds) {
      if (following.has(id)) continue;
      let first = true;
      following.set(
        id,
        // From now: the answer is the state so far.
        live.feed.watch(id, 0, {
          // Presence comes with seq 0 and changes nothing here.
          onEvent: (event) => Number(event.seq ?? 0) > 0 && soon(),
          // The feed dropped the project; asking again follows it anew.
          onResync: () => {
            following.delete(id);
            soon();
          },
          // A change between the answer and this subscription came with neither: one more look.
          onSubscribed: () => {
            if (first) soon();
            first = false;
          },
        }),
      );
    }
  };

  function ask() {
    clearTimeout(gathering);
    gathering = undefined;
    const mine = ++generation;
    live.connection.request({ getMyWork: {} }).then(
      (result) => {
        if (mine !== generation) return;
        if (!result.myWork) return setView({ state: 'error', message: 'The server answered without your work.' });
        setView({ state: 'ready', work: result.myWork });
        follow(projectsOf(result.myWork));
      },
      (err: unknown) => {
        // A dropped socket: the next open asks again, and what is shown stays.
        if (mine === generation && !(err instanceof ConnectionError)) setView({ state: 'error', message: plainError('read your work', err) });
      },
    );
  }

  // Each open: whatever changed while away is in the answer.
  createEffect(on(live.open, (open) => open && ask()));
  const offNotice = live.connection.onNotification((notice) => {
    if (notice.notification?.kind === NotificationKind.NOTIFICATION_KIND_ASSIGNED) soon();
  });
  onCleanup(() => {
    offNotice();
    clearTimeout(gathering);
    generation++;
    for (const stop of following.values()) stop();
    following.clear();
  });
  return view;
}
