// The item's description: markdown shown as text, and for editors an editor
// with a preview tab. The edit is based on the version the item had when the
// editor opened, so a description someone saved meanwhile is a conflict to
// resolve, not overwritten. What is typed is kept on this device as a draft
// (across closing the panel and a reload) until it is saved or discarded;
// the item opens with its draft in the editor, marked unsaved. A card comes
// without its description (store/item-description.ts): until it has arrived
// there is nothing to show or to edit from.
import { createSignal, Show } from 'solid-js';
import type { BoardSlice } from '../store/board.ts';
import type { DraftStore } from '../store/drafts.ts';
import type { DescriptionLoad } from '../store/item-description.ts';
import type { ItemPatch } from '../store/model/item-patch.ts';
import type { Card } from '../store/model/items.ts';
import { Markdown } from '../ui/markdown-view.tsx';
import { MentionTextarea } from '../ui/mention-textarea.tsx';
import { mentionable } from './item-format.ts';
import { DraftBadge } from '../ui/draft-badge.tsx';

const LOAD_TEXT: Record<DescriptionLoad, string> = {
  loading: 'Loading the description…',
  offline: 'The description is not on this device yet; it loads when you are back online.',
  error: 'The description could not be loaded. Close the item and open it again to retry.',
};

export function Description(props: {
  board: BoardSlice;
  item: Card;
  load: DescriptionLoad;
  editable: boolean;
  drafts: DraftStore;
  save(patch: ItemPatch, base: number): void;
}) {
  // The panel makes this anew for each item it shows, so the draft is read once, here.
  const kept = props.editable ? props.drafts.read(props.item.id, 'description') : null;
  const [mode, setMode] = createSignal<'view' | 'edit' | 'preview'>(kept ? 'edit' : 'view');
  const [draft, setDraft] = createSignal(kept?.text ?? '');
  let base = kept?.base ?? { version: props.board.baseVersion(props.item.id), text: props.item.description ?? '' };
  // A draft the panel opens with leaves the focus on the panel; an editor the person opens (or goes back to) takes it.
  let focusEditor = !kept;
  const changed = () => mode() !== 'view' && draft() !== base.text;
  const missing = () => props.item.descriptionOmitted === true;
  const begin = () => {
    base = { version: props.board.baseVersion(props.item.id), text: props.item.description ?? '' };
    setDraft(base.text);
    setMode('edit');
  };
  const type = (text: string) => {
    setDraft(text);
    props.drafts.write(props.item.id, 'description', { text, base });
  };
  const close = () => {
    props.drafts.discard(props.item.id, 'description');
    setMode('view');
  };
  const save = () => {
    const text = draft();
    close();
    if (text !== base.text) props.save({ description: text }, base.version);
  };
  return (
    <section class="item-section" aria-labelledby="item-description-title">
      <div class="item-section__bar">
        <h2 id="item-description-title" class="item-section__title">
          Description
        </h2>
        <Show when={changed()}>
          <DraftBadge testId="description-draft" />
        </Show>
        <Show when={props.editable}>
          <Show
            when={mode() !== 'view'}
            fallback={
              <button type="button" class="link-button" data-testid="description-edit" disabled={missing()} onClick={begin}>
                Edit
              </button>
            }
          >
            <div class="tabs" role="tablist" aria-label="Description editor">
              <button type="button" role="tab" aria-selected={mode() === 'edit'} class="tab" data-testid="description-tab-edit" onClick={() => setMode('edit')}>
                Edit
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={mode() === 'preview'}
                class="tab"
                data-testid="description-tab-preview"
                onClick={() => setMode('preview')}
              >
                Preview
              </button>
            </div>
          </Show>
        </Show>
      </div>
      <Show
        when={mode() !== 'view'}
        fallback={
          <Show when={!missing()} fallback={<p class="item-muted" data-testid="description-loading">{LOAD_TEXT[props.load]}</p>}>
            <Show when={props.item.description} fallback={<p class="item-muted" data-testid="description-empty">No description.</p>}>
              <Markdown text={props.item.description ?? ''} people={mentionable(props.board)} testId="description" class="item-description" />
            </Show>
          </Show>
        }
      >
        <Show
          when={mode() === 'edit'}
          fallback={
            <Markdown text={draft()} people={mentionable(props.board)} testId="description-preview" class="item-description item-description--preview" />
          }
        >
          <MentionTextarea
            people={mentionable(props.board)}
            class="field__input item-textarea item-textarea--tall"
            aria-label="Description (markdown)"
            value={draft()}
            onInput={(e) => type(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              e.stopPropagation();
              // A draft stays in view (the next Escape closes the panel, which keeps it too); nothing typed closes the editor.
              if (changed()) e.currentTarget.blur();
              else setMode('view');
            }}
            ref={(el) => {
              if (focusEditor) queueMicrotask(() => el.focus());
              focusEditor = true;
            }}
            data-testid="description-input"
          />
        </Show>
        <div class="item-actions">
          <button type="button" class="button button--primary" data-testid="description-save" onClick={save}>
            Save
          </button>
          <Show
            when={changed()}
            fallback={
              <button type="button" class="button" data-testid="description-cancel" onClick={close}>
                Cancel
              </button>
            }
          >
            <button type="button" class="button" data-testid="description-discard" onClick={close}>
              Discard draft
            </button>
          </Show>
          <span class="item-muted">Markdown: **bold**, *italic*, `code`, lists, - [ ] tasks, &gt; quotes, tables, [links](https://…), @name</span>
        </div>
      </Show>
    </section>
  );
}
