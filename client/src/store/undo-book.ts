// The undo history of each project this tab has opened (model/undo.ts),
// kept for the tab's life rather than a page's: a change made on the board
// can be undone from the backlog or the Trash. Nothing shows it, so it is a
// plain map, not a signal.
import { EMPTY_HISTORY, type UndoHistory } from './model/undo.ts';

export interface UndoBook {
  of(projectId: string): UndoHistory;
  change(projectId: string, next: (history: UndoHistory) => UndoHistory): void;
}

export function makeUndoBook(): UndoBook {
  const byProject = new Map<string, UndoHistory>();
  const of = (projectId: string) => byProject.get(projectId) ?? EMPTY_HISTORY;
  return {
    of,
    change: (projectId, next) => {
      if (projectId) byProject.set(projectId, next(of(projectId)));
    },
  };
}
