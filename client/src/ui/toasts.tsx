// The toast stack: a polite live region, so a screen reader hears why a change was undone
// (or that an item was deleted, with its Undo button).
import { For, Show } from 'solid-js';
import type { Toasts } from '../store/toasts.ts';

export function ToastStack(props: { toasts: Toasts }) {
  return (
    <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
      <For each={props.toasts.list()}>
        {(toast) => (
          <div class="toast" classList={{ 'toast--error': toast.tone === 'error' }} data-testid="toast">
            <span class="toast__text">{toast.text}</span>
            <Show when={toast.action}>
              {(action) => (
                <button
                  type="button"
                  class="toast__action"
                  data-testid="toast-action"
                  onClick={() => {
                    props.toasts.dismiss(toast.id);
                    action().run();
                  }}
                >
                  {action().label}
                </button>
              )}
            </Show>
            <button type="button" class="toast__close" aria-label="Dismiss" onClick={() => props.toasts.dismiss(toast.id)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
