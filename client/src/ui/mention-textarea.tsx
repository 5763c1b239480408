// A textarea that offers people while an `@name` is typed: a listbox of the
// `people` the words after the `@` could mean (mention-query.ts); arrow keys
// choose, Enter or Tab puts `@Full Name ` in, Escape closes the list (and
// nothing else), a click picks. Otherwise it is the textarea it wraps, with
// every attribute and handler the owner gives it. The text is changed the
// way typing changes it (an `input` event), so the owner's onInput keeps its
// state without knowing of the list.
import { createMemo, createSignal, createUniqueId, For, Show, splitProps, type JSX } from 'solid-js';
import type { Person } from '../../../shared/domain/mentions.ts';
import { matchingPeople, mentionQueryAt, withMention, type MentionQuery } from './mention-query.ts';
import '../styles/mentions.css';

export type MentionTextareaProps = JSX.TextareaHTMLAttributes<HTMLTextAreaElement> & {
  people: readonly Person[];
  ref?: (el: HTMLTextAreaElement) => void;
};

export function MentionTextarea(props: MentionTextareaProps) {
  const [own, attributes] = splitProps(props, ['people', 'ref']);
  const listId = createUniqueId();
  const [query, setQuery] = createSignal<MentionQuery | null>(null);
  const [active, setActive] = createSignal(0);
  /** The `@` whose list Escape closed: it stays closed until another `@` is typed. */
  let dismissedAt = -1;
  let textarea!: HTMLTextAreaElement;

  const matches = createMemo(() => {
    const q = query();
    return q ? matchingPeople(own.people, q.text) : [];
  });
  const open = () => matches().length > 0;
  /** The chosen one, still in range when the people change under the same text. */
  const current = () => Math.min(active(), matches().length - 1);
  const optionId = (i: number) => `${listId}-${i}`;

  const look = () => {
    const q = textarea.selectionStart === textarea.selectionEnd ? mentionQueryAt(textarea.value, textarea.selectionStart) : null;
    const next = q && q.at !== dismissedAt ? q : null;
    if (next?.at !== query()?.at || next?.text !== query()?.text) setActive(0);
    if (!q) dismissedAt = -1;
    setQuery(next);
  };

  const pick = (person: Person | undefined) => {
    const q = query();
    if (!person || !q) return;
    const next = withMention(textarea.value, q, person);
    textarea.value = next.value;
    textarea.setSelectionRange(next.caret, next.caret);
    setQuery(null);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  };

  // Native, on the textarea itself: it runs before the owner's (delegated) handlers and the dialog's, so a key the list takes goes no further.
  const onKeyDown = (e: KeyboardEvent) => {
    if (!open() || e.isComposing) return;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
    const count = matches().length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
    else if ((e.key === 'Enter' || e.key === 'Tab') && plain) pick(matches()[current()]);
    else if (e.key === 'Escape') {
      dismissedAt = query()?.at ?? -1;
      setQuery(null);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const attach = (el: HTMLTextAreaElement) => {
    textarea = el;
    el.addEventListener('keydown', onKeyDown);
    el.addEventListener('input', look);
    // The caret moved by a click or an arrow key: another `@`, or none.
    el.addEventListener('click', look);
    el.addEventListener('keyup', (e) => (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') && look());
    el.addEventListener('blur', () => setQuery(null));
    own.ref?.(el);
  };

  return (
    <div class="mention-field">
      <textarea
        {...attributes}
        ref={attach}
        aria-autocomplete="list"
        aria-controls={open() ? listId : undefined}
        aria-activedescendant={open() ? optionId(current()) : undefined}
      />
      <Show when={open()}>
        <ul class="mention-list" id={listId} role="listbox" aria-label="People to mention" data-testid="mention-list">
          <For each={matches()}>
            {(person, i) => (
              <li
                id={optionId(i())}
                class="mention-list__option"
                classList={{ 'mention-list__option--active': i() === current() }}
                role="option"
                aria-selected={i() === current()}
                data-testid="mention-option"
                data-user-id={person.id}
                // Before the textarea blurs (which closes the list): the focus stays in the text.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(person);
                }}
              >
                {person.name}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
