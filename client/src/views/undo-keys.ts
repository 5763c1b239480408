// Ctrl/Cmd-Z and Ctrl/Cmd-Shift-Z (or Ctrl-Y) on a project page undo and
// redo the person's own changes of the project. Not while they type in a
// field, where the browser's own undo applies, nor inside a dialog other
// than the item panel: a conflict or a sprint's completion waits there for
// a choice, and a change behind it would only muddle that choice.
import { onCleanup, onMount } from 'solid-js';
import type { BoardSlice } from '../store/board.ts';
import { isRedoKey, isTyping, isUndoKey } from './shortcuts.ts';

export function useUndoKeys(board: Pick<BoardSlice, 'undo' | 'redo'>): void {
  const onKey = (e: KeyboardEvent) => {
    const undo = isUndoKey(e);
    if ((!undo && !isRedoKey(e)) || e.defaultPrevented || isTyping(e.target)) return;
    const dialog = e.target instanceof Element ? e.target.closest('dialog') : null;
    if (dialog && !dialog.querySelector('.item-panel')) return;
    e.preventDefault();
    if (undo) board.undo();
    else board.redo();
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));
}
