// The elements Tab stops at inside a container, in document order, by the
// browser's own rules as far as a dialog's contents need them: shown, enabled,
// not taken out with tabindex="-1", and of a radio group only the checked one
// (or every one while none is).
const CANDIDATES = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]:not([contenteditable="false"])';

function isRadioStop(el: HTMLElement): boolean {
  if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name || el.checked) return true;
  const scope = el.form ?? el.ownerDocument;
  return ![...scope.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]`)].some((r) => r.checked);
}

export function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(CANDIDATES)].filter(
    (el) => el.tabIndex >= 0 && !el.matches(':disabled') && !el.closest('[inert]') && el.checkVisibility({ checkVisibilityCSS: true }) && isRadioStop(el),
  );
}
