// Short messages at the corner of the screen: why a change was undone, mostly.
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export interface Toast {
  id: number;
  text: string;
  tone: 'error' | 'info';
}

export interface Toasts {
  list: Accessor<readonly Toast[]>;
  show(text: string, tone?: Toast['tone']): void;
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
    show(text, tone = 'error') {
      const id = next++;
      // Keep the last few: a burst of failures (a dropped permission) must not cover the board.
      setList((l) => [...l.slice(-3), { id, text, tone }]);
      const timer = setTimeout(() => {
        timers.delete(timer);
        dismiss(id);
      }, LIFETIME_MS);
      timers.add(timer);
    },
  };
}
