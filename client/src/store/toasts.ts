// Short messages at the corner of the screen: why a change was undone, mostly,
// and what was just deleted, with the button that brings it back.
import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** A button on the toast ("Undo"); the toast goes when it is pressed. */
export interface ToastAction {
  label: string;
  run(): void;
}

export interface Toast {
  id: number;
  text: string;
  tone: 'error' | 'info';
  action?: ToastAction;
}

export interface Toasts {
  list: Accessor<readonly Toast[]>;
  /** Returns the toast's id, to take it away early (its action no longer applies). */
  show(text: string, tone?: Toast['tone'], action?: ToastAction): number;
  dismiss(id: number): void;
}

const LIFETIME_MS = 8000;

export function createToasts(): Toasts {
  const [list, setList] = createSignal<readonly Toast[]>([]);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let next = 1;
  const dismiss = (id: number) => setList((l) => l.filter((t) => t.id !== id));
  onCleanup(() => timers.forEach(clearTimeout));
  return {
    list,
    dismiss,
    show(text, tone = 'error', action) {
      const id = next++;
      // Keep the last few: a burst of failures (a dropped permission) must not cover the board.
      setList((l) => [...l.slice(-3), { id, text, tone, ...(action ? { action } : {}) }]);
      const timer = setTimeout(() => {
        timers.delete(timer);
        dismiss(id);
      }, LIFETIME_MS);
      timers.add(timer);
      return id;
    },
  };
}
