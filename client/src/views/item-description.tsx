// The item's description: markdown shown as text, and for editors an editor
// with a preview tab. The edit is based on the version the item had when the
// editor opened, so a description someone saved meanwhile is a conflict to
// resolve, not overwritten.
import { createSignal, Show } from 'solid-js';
import type { BoardSlice } from '../store/board.ts';
import type { ItemPatch } from '../store/model/item-patch.ts';
import type { Card } from '../store/model/items.ts';
import { Markdown } from '../ui/markdown-view.tsx';

export function Description(props: { board: BoardSlice; item: Card; editable: boolean; save(patch: ItemPatch, base: number): void }) {
  const [mode, setMode] = createSignal<'view' | 'edit' | 'preview'>('view');
  const [draft, setDraft] = createSignal('');
  let base = 0;
  let start = '';
  const begin = () => {
    base = props.board.baseVersion(props.item.id);
    start = props.item.description ?? '';
    setDraft(start);
    setMode('edit');
  };
  const save = () => {
    const text = draft();
    setMode('view');
    if (text !== start) props.save({ description: text }, base);
  };
  return (
    <section class="item-section" aria-labelledby="item-description-title">
      <div class="item-section__bar">
        <h2 id="item-description-title" class="item-section__title">
          Description
        </h2>
        <Show when={props.editable}>
          <Show
            when={mode() !== 'view'}
            fallback={
              <button type="button" class="link-button" data-testid="description-edit" onClick={begin}>
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
          <Show when={props.item.description} fallback={<p class="item-muted" data-testid="description-empty">No description.</p>}>
            <Markdown text={props.item.description ?? ''} testId="description" class="item-description" />
          </Show>
        }
      >
        <Show
          when={mode() === 'edit'}
          fallback={<Markdown text={draft()} testId="description-preview" class="item-description item-description--preview" />}
        >
          <textarea
            class="field__input item-textarea item-textarea--tall"
            aria-label="Description (markdown)"
            value={draft()}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setMode('view');
              }
            }}
            ref={(el) => queueMicrotask(() => el.focus())}
            data-testid="description-input"
          />
        </Show>
        <div class="item-actions">
          <button type="button" class="button button--primary" data-testid="description-save" onClick={save}>
            Save
          </button>
          <button type="button" class="button" data-testid="description-cancel" onClick={() => setMode('view')}>
            Cancel
          </button>
          <span class="item-muted">Markdown: **bold**, *italic*, `code`, lists, [links](https://…)</span>
        </div>
      </Show>
    </section>
  );
}
