// The keys that change items: undo, redo and delete. Delete is Linear's
// ⌘⌫ (Ctrl+Backspace, or Ctrl+Delete, off a Mac) with no "are you sure?",
// since its toast's Undo and Ctrl-Z bring the item back. Each is a test of a
// keydown, plus the words a menu or a title shows it with.
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const withMod = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey;
const letter = (e: KeyboardEvent) => e.key.toLowerCase();

export const isUndoKey = (e: KeyboardEvent): boolean => withMod(e) && !e.shiftKey && letter(e) === 'z';
export const isRedoKey = (e: KeyboardEvent): boolean => withMod(e) && (e.shiftKey ? letter(e) === 'z' : letter(e) === 'y');
export const isDeleteKey = (e: KeyboardEvent): boolean => withMod(e) && !e.shiftKey && (e.key === 'Backspace' || e.key === 'Delete');

export const DELETE_KEYS = MAC ? '⌘⌫' : 'Ctrl+Backspace';
export const UNDO_KEYS = MAC ? '⌘Z' : 'Ctrl+Z';

/** In a field: the browser's own undo and editing keys apply there, not the board's. */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
