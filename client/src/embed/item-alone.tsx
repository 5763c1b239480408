// `view="item"`: one item's panel with no board drawn under it. The panel
// still reads the item from its project's board slice (live changes, writes
// and conflicts go the board's one way); its links to other items of the
// project stay alone, and closing it shows the item's board.
import { useNavigate, useParams } from '@solidjs/router';
import { BoardContext, createBoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { ConflictDialogs } from '../views/conflict-dialog.tsx';
import { ItemPanelView, type ItemPanelNav } from '../views/item-panel.tsx';
import { itemAlonePath } from './views.ts';

export function ItemAlonePage() {
  const params = useParams<{ key: string; number: string }>();
  const navigate = useNavigate();
  const board = createBoardSlice(useLive(), () => params.key);
  const nav: ItemPanelNav = {
    open: (n) => navigate(itemAlonePath(params.key, n)),
    close: () => navigate(`/p/${encodeURIComponent(params.key)}`),
  };
  return (
    <BoardContext.Provider value={board}>
      <div class="tandem-embed__item-alone" data-testid="embed-item-alone" data-state={board.load().state} />
      <ItemPanelView projectKey={params.key} number={params.number} nav={nav} />
      <ConflictDialogs board={board} />
    </BoardContext.Provider>
  );
}
