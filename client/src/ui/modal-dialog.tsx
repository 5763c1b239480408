// A modal dialog on the native <dialog>, shown with showModal() for as long
// as the component is mounted: the browser puts it in the top layer and makes
// the page behind inert (no clicks, no focus, hidden from screen readers).
// What the element leaves undone, this does:
// - Tab and Shift-Tab cycle inside it. Chromium lets focus leave a modal
//   dialog's last element for the browser's own UI, which a headless or
//   embedded page sees as focus on nothing.
// - Escape is a request to the owner (onDismiss), who unmounts the dialog or
//   not; an Escape a control inside handled itself (stopPropagation: a
//   field's edit cancelled) closes nothing. So an Escape from inside never
//   reaches the browser's own close request, which would close the dialog
//   whatever the handlers said; close requests from elsewhere (focus on
//   nothing after a field blurred itself, a phone's back gesture) come as
//   `cancel`, and go to the owner too.
// - Focus goes back to what had it before the dialog opened; when that is
//   gone, was nothing (a field that blurred itself to save) or only holds
//   `returnFocus`, to `returnFocus`, else to where it last was in the dialog below.
import { onCleanup, onMount, splitProps, type JSX } from 'solid-js';
import { tabStops } from './tab-stops.ts';

export type ModalDialogProps = Omit<JSX.DialogHtmlAttributes<HTMLDialogElement>, 'open' | 'ref' | 'onKeyDown' | 'onCancel' | 'onClose'> & {
  /** Escape or another close request: the owner unmounts the dialog to close it. */
  onDismiss(): void;
  /** What gets the focus on opening; the browser's choice (the first control) when not said. */
  initialFocus?: () => HTMLElement | undefined;
  /** Where focus goes on closing when what had it before is no longer on the page. */
  returnFocus?: () => HTMLElement | null | undefined;
};

const usable = (el: Element | null | undefined): el is HTMLElement => el instanceof HTMLElement && el !== document.body && el.isConnected;

/** Per open dialog, where its focus was before a dialog opened over it. */
const focusWithin = new WeakMap<HTMLDialogElement, () => HTMLElement | undefined>();

export function ModalDialog(props: ModalDialogProps) {
  const [own, attributes] = splitProps(props, ['onDismiss', 'initialFocus', 'returnFocus', 'children']);
  // Read as the component is made, before showModal moves the focus.
  const opener = document.activeElement;
  let dialog!: HTMLDialogElement;
  let lastFocused: HTMLElement | undefined;
  let dismissed = false;
  const dismiss = () => {
    if (dismissed) return;
    dismissed = true;
    own.onDismiss();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') e.preventDefault();
    if (e.key !== 'Tab') return;
    const stops = tabStops(dialog);
    const at = stops.indexOf(document.activeElement as HTMLElement);
    const wrapTo = e.shiftKey ? (at <= 0 ? stops[stops.length - 1] : undefined) : at === stops.length - 1 ? stops[0] : undefined;
    if (!wrapTo) return;
    e.preventDefault();
    wrapTo.focus();
  };
  const onCancel = (e: Event) => {
    e.preventDefault();
    dismiss();
  };

  onMount(() => {
    // Native listeners: they run before Solid's delegated ones, so the browser never sees an Escape from inside as a close request.
    dialog.addEventListener('keydown', onKeyDown);
    dialog.addEventListener('cancel', onCancel);
    // A close request the browser would not let be cancelled (one too many without a click between) closes the dialog itself.
    dialog.addEventListener('close', dismiss);
    dialog.addEventListener('focusin', (e) => (lastFocused = e.target as HTMLElement));
    focusWithin.set(dialog, () => [lastFocused, own.initialFocus?.()].find(usable));
    dialog.showModal();
    own.initialFocus?.()?.focus();
  });
  onCleanup(() => {
    dialog.removeEventListener('close', dismiss);
    dialog.close();
    const fallback = own.returnFocus?.();
    // A click on a row's text leaves the focus on what holds it (the page's <main>): the row's own control is what opened the dialog.
    const first = fallback && opener?.contains(fallback) ? fallback : opener;
    const below = [...document.querySelectorAll<HTMLDialogElement>('dialog:modal')].pop();
    const back = [first, fallback, below && focusWithin.get(below)?.()].find(usable);
    // After the change that closed the dialog is done (a conflict's choice is sent just after it closes):
    // a field that takes the focus reads its value then.
    if (back) queueMicrotask(() => back.isConnected && back.focus());
  });

  return (
    <dialog
      ref={dialog}
      {...attributes}
      onKeyDown={(e) => {
        // Reached only when no control inside handled the Escape.
        if (e.key === 'Escape') dismiss();
      }}
    >
      {own.children}
    </dialog>
  );
}
