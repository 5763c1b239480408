// A board's cards come without descriptions (get_board with omit_descriptions);
// the item panel fetches its item whole with get_work_item. The reply reaches
// the board's model like any Result (board.ts applies every reply), so the
// card then holds its description, the saved copy keeps it for offline use,
// and later changes to it arrive with the item's events.
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import type { Live } from './live.ts';

/** Where the description of an item whose card lacks it stands. */
export type DescriptionLoad = 'loading' | 'offline' | 'error';

export function createDescriptionLoad(live: Live, itemId: Accessor<string>, omitted: Accessor<boolean>): Accessor<DescriptionLoad> {
  const [state, setState] = createSignal<DescriptionLoad>('loading');
  let generation = 0;
  createEffect(
    on([itemId, omitted, live.open], ([id, missing, open]) => {
      const gen = ++generation;
      if (!missing) return;
      if (!open) return setState('offline');
      setState('loading');
      live.connection.request({ getWorkItem: { workItemId: id } }).catch(() => gen === generation && setState('error'));
    }),
  );
  return state;
}
