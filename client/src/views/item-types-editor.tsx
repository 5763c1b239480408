// The Settings page's Item types section: the project's own types (v18)
// beside the built-in ones, each with its icon, name, colour and whether it
// may hold sub-tasks; add, rename, reorder (up and down buttons, so the
// keyboard reaches it), remove (with how many items are of it now: the
// server refuses while any are, in words). The changes are a draft
// (store/model/item-types-draft.ts) until Save sends them as one
// set_item_types against the project's version. Someone else's save, seen
// live or brought by a CONFLICT, is rebased under the draft, so nothing
// typed is lost. Admins edit; everyone else reads the list.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ITEM_TYPE_LIMITS, typeInUseMessage } from '../../../shared/domain/item-types.ts';
import type { BoardSlice } from '../store/board.ts';
import {
  addType,
  draftOf,
  draftProblems,
  isChanged,
  itemTypesOf,
  keepType,
  moveType,
  rebaseDraft,
  removedTypes,
  removeType,
  updateType,
  type DraftType,
  type ItemTypeDef,
} from '../store/model/item-types-draft.ts';
import type { ProjectSettings } from '../store/project-settings.ts';
import '../styles/item-types.css';
import '../styles/workflow.css';
import { createDraftEditor } from '../ui/draft-editor.ts';
import { DraftFooter } from '../ui/draft-footer.tsx';
import { RowMoves } from '../ui/row-moves.tsx';

const sameTypes = (a: readonly ItemTypeDef[], b: readonly ItemTypeDef[]) => JSON.stringify(a) === JSON.stringify(b);
const items = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;
const called = (row: DraftType | undefined) => row?.name.trim() || 'the new type';

export function ItemTypesEditor(props: { board: BoardSlice; settings: ProjectSettings; editable: boolean }) {
  const types = createMemo<ItemTypeDef[]>(() => itemTypesOf(props.board.project()), [], { equals: sameTypes });
  /** How many items of the board are of each type now: the server refuses removing one that has any. */
  const counts = createMemo(() => {
    const out = new Map<string, number>();
    for (const card of props.board.items().values()) if (card.customTypeId) out.set(card.customTypeId, (out.get(card.customTypeId) ?? 0) + 1);
    return out;
  });
  const countOf = (id: string) => counts().get(id) ?? 0;

  const { draft, change, saving, error, saved, announcement, announce: setAnnouncement, keys, rowOf, problems, changed, move, save, discard } = createDraftEditor({
    saved: types,
    empty: [],
    model: { draftOf, rebase: rebaseDraft, rows: (d) => d.types, move: moveType, problems: draftProblems, isChanged },
    testIds: { row: 'item-type', up: 'item-type-up', down: 'item-type-down' },
    called,
    send: (d) => props.settings.setItemTypes(d),
    words: {
      action: 'save the item types',
      saved: 'Saved. Every board of this project offers these types.',
      conflict: 'Someone else changed this project while you were editing. Their item types are now under your changes: check them, then save again.',
    },
  });
  const [newName, setNewName] = createSignal('');
  let nextKey = 0;

  const remove = (row: DraftType) => {
    change(removeType(draft(), row.key));
    setAnnouncement(row.id ? `${called(row)} will be removed when you save.` : `Removed ${called(row)}.`);
  };
  const add = (e: Event) => {
    e.preventDefault();
    const name = newName().trim();
    if (!name) return;
    const key = `new:${++nextKey}`;
    change(addType(draft(), key, name));
    setNewName('');
    setAnnouncement(`Added ${name}. Choose its icon and colour, then save.`);
  };
  return (
    <section class="panel workflow item-types" data-testid="item-types" data-changed={changed() ? 'true' : 'false'} aria-labelledby="item-types-title">
      <h2 class="member-form__title" id="item-types-title">
        Item types
      </h2>
      <p class="workflow__note">
        Types of this project's own, offered beside epic, story, task, bug and sub-task. Cards show a type's icon, name and colour.
      </p>
      <Show
        when={props.editable}
        fallback={
          <ul class="workflow__list" aria-label="Item types">
            <For each={draft().types} fallback={<li class="workflow__note">This project has no types of its own.</li>}>
              {(row) => (
                <li class="workflow-row workflow-row--read" data-testid="item-type" data-key={row.key} data-type-name={row.name}>
                  <span class="item-type-row__swatch" style={{ '--type-colour': row.colour }} aria-hidden="true">
                    {row.icon}
                  </span>
                  <span class="workflow-row__name">{row.name}</span>
                  <span class="workflow-row__meta">{row.canBeParent ? 'Can hold sub-tasks' : 'No sub-tasks'}</span>
                  <span class="workflow-row__meta">{items(countOf(row.id))}</span>
                </li>
              )}
            </For>
          </ul>
        }
      >
        {/* Keyed by the row's key, not its object: every edit makes a new object, and new DOM would drop the focus. */}
        <ol class="workflow__list" aria-label="Item types">
          <For each={keys()} fallback={<li class="workflow__note">No types of its own yet: add one below.</li>}>
            {(key, index) => {
              const row = () => rowOf(key)!;
              const name = () => called(row());
              return (
                <Show when={rowOf(key)}>
                  <li class="workflow-row item-type-row" data-testid="item-type" data-key={key} data-type-id={row().id} data-type-name={row().name}>
                    <input
                      class="field__input item-type-row__icon"
                      aria-label={`Icon of ${name()}`}
                      value={row().icon}
                      data-testid="item-type-icon"
                      onInput={(e) => change(updateType(draft(), key, { icon: e.currentTarget.value }))}
                    />
                    <input
                      class="field__input workflow-row__name"
                      aria-label={`Name of type ${index() + 1}`}
                      maxLength={ITEM_TYPE_LIMITS.nameMax}
                      value={row().name}
                      data-testid="item-type-name"
                      onInput={(e) => change(updateType(draft(), key, { name: e.currentTarget.value }))}
                    />
                    <input
                      type="color"
                      class="item-type-row__colour"
                      aria-label={`Colour of ${name()}`}
                      value={row().colour}
                      data-testid="item-type-colour"
                      onInput={(e) => change(updateType(draft(), key, { colour: e.currentTarget.value }))}
                    />
                    <label class="item-type-row__parent">
                      <input
                        type="checkbox"
                        checked={row().canBeParent}
                        data-testid="item-type-parent"
                        onChange={(e) => change(updateType(draft(), key, { canBeParent: e.currentTarget.checked }))}
                      />
                      Can hold sub-tasks
                    </label>
                    <span class="workflow-row__count" data-testid="item-type-count">
                      {row().id ? items(countOf(row().id)) : 'New'}
                    </span>
                    <span class="workflow-row__actions">
                      <RowMoves name={name()} first={index() === 0} last={index() === keys().length - 1} testId="item-type" onMove={(by) => move(key, by)} />
                      <button type="button" class="button button--ghost" aria-label={`Remove ${name()}`} data-testid="item-type-remove" onClick={() => remove(row())}>
                        Remove
                      </button>
                    </span>
                  </li>
                </Show>
              );
            }}
          </For>
        </ol>
        <Show when={removedTypes(draft()).length > 0}>
          <h3 class="workflow__subtitle">Removed when you save</h3>
          <ul class="workflow__list" aria-label="Item types to remove">
            <For each={removedTypes(draft())}>
              {(type) => (
                <li class="workflow-row workflow-row--removed" data-testid="item-type-removal" data-type-id={type.id}>
                  <span class="workflow-row__name">
                    {type.name}
                    {countOf(type.id) > 0 ? `: ${typeInUseMessage(type, countOf(type.id))}, or saving is refused` : ''}
                  </span>
                  <button type="button" class="button button--ghost" aria-label={`Keep ${type.name}`} data-testid="item-type-keep" onClick={() => change(keepType(draft(), type.id))}>
                    Keep
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <form class="workflow__add" onSubmit={add} data-testid="item-type-add-form">
          <input
            class="field__input workflow-row__name"
            aria-label="New type name"
            placeholder="New type, like Risk"
            maxLength={ITEM_TYPE_LIMITS.nameMax}
            value={newName()}
            data-testid="item-type-new-name"
            onInput={(e) => setNewName(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={!newName().trim() || draft().types.length >= ITEM_TYPE_LIMITS.typesMax} data-testid="item-type-add">
            Add type
          </button>
        </form>
        <DraftFooter
          testId="item-type"
          saveLabel="Save item types"
          changed={changed()}
          saving={saving()}
          problems={problems()}
          error={error()}
          saved={saved()}
          onSave={save}
          onDiscard={discard}
        />
      </Show>
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
    </section>
  );
}
