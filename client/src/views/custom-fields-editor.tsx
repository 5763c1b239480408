// The Settings page's Custom fields section: the project's fields in the
// order the item panel shows them, each with its name, kind (fixed once
// saved), a select's options typed one per line, the item types it applies
// to and whether it is required; add, reorder (up and down buttons, so the
// keyboard reaches it), remove (listed until the save, with Keep). The changes
// are a draft (store/model/custom-fields-draft.ts), checked by the server's
// own rules, until Save sends them as one set_custom_fields against the
// project's version. A refusal is said in words and the draft stays; someone
// else's save is rebased under it. Admins edit; everyone else reads the list.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { CUSTOM_FIELD_LIMITS, ITEM_TYPE_NAMES, type CustomFieldDef } from '../../../shared/domain/custom-fields.ts';
import { CustomFieldKind, ItemType } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import {
  addField,
  draftOf,
  draftProblems,
  isChanged,
  isSelectKind,
  keepField,
  KINDS,
  kindName,
  moveField,
  rebaseDraft,
  removedFields,
  removeField,
  toggleItemType,
  typesLabel,
  updateField,
  type DraftField,
} from '../store/model/custom-fields-draft.ts';
import type { ProjectSettings } from '../store/project-settings.ts';
import { Select } from '../ui/select.tsx';
import { TYPE_NAMES } from './item-format.ts';
import '../styles/workflow.css';
import '../styles/custom-fields.css';
import { createDraftEditor } from '../ui/draft-editor.ts';
import { DraftFooter } from '../ui/draft-footer.tsx';
import { RowMoves } from '../ui/row-moves.tsx';

const called = (row: DraftField | undefined) => row?.name.trim() || 'the new field';
const typeWord = (name: string) => TYPE_NAMES[ItemType[`ITEM_TYPE_${name}` as keyof typeof ItemType] as number] ?? name;

function ReadRow(props: { field: DraftField }) {
  return (
    <li class="workflow-row workflow-row--read cf-row" data-testid="cf-field" data-key={props.field.key} data-field-name={props.field.name}>
      <span class="workflow-row__name">{props.field.name}</span>
      <span class="workflow-row__meta">
        {kindName(props.field.kind)}
        {props.field.options.length > 0 ? `: ${props.field.options.join(', ')}` : ''}
      </span>
      <span class="workflow-row__meta">{typesLabel(props.field.itemTypes)}</span>
      <span class="workflow-row__meta">{props.field.required ? 'Required' : 'Optional'}</span>
    </li>
  );
}

export function CustomFieldsEditor(props: { board: BoardSlice; settings: ProjectSettings; editable: boolean }) {
  const fields = createMemo<readonly CustomFieldDef[]>(() => props.board.customFields());
  const { draft, change, saving, error, saved, announcement, announce: setAnnouncement, keys, rowOf, focusIn, problems, changed, move, save, discard } = createDraftEditor({
    saved: fields,
    empty: [],
    model: { draftOf, rebase: rebaseDraft, rows: (d) => d.fields, move: moveField, problems: draftProblems, isChanged },
    testIds: { row: 'cf-field', up: 'cf-up', down: 'cf-down' },
    called,
    send: (d) => props.settings.setCustomFields(d),
    words: {
      action: 'save the custom fields',
      saved: 'Saved. Every item panel of this project shows the fields.',
      conflict: 'Someone else changed this project while you were editing. Their fields are now under your changes: check them, then save again.',
    },
  });
  const [newName, setNewName] = createSignal('');
  const [newKind, setNewKind] = createSignal(CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT);
  let nextKey = 0;

  const remove = (row: DraftField) => {
    change(removeField(draft(), row.key));
    setAnnouncement(row.id ? `${called(row)} will be removed when you save, with its values.` : `Removed ${called(row)}.`);
  };
  const add = (e: Event) => {
    e.preventDefault();
    const name = newName().trim();
    if (!name) return;
    const key = `new:${++nextKey}`;
    change(addField(draft(), key, name, newKind()));
    setNewName('');
    setAnnouncement(`Added ${name}.${isSelectKind(newKind()) ? ' Type its options, one per line.' : ''} Save to offer it on items.`);
    if (isSelectKind(newKind())) focusIn(key, 'cf-options');
  };
  return (
    <section class="panel workflow custom-fields" data-testid="custom-fields" data-changed={changed() ? 'true' : 'false'} aria-labelledby="custom-fields-title">
      <h2 class="member-form__title" id="custom-fields-title">
        Custom fields
      </h2>
      <p class="workflow__note">
        Fields every item of the chosen types shows in its panel, in this order. A required one must be set when an item is created, and cannot be
        cleared. Selects, people and set values can filter the board.
      </p>
      <Show
        when={props.editable}
        fallback={
          <ol class="workflow__list" aria-label="Custom fields">
            <For each={draft().fields} fallback={<li class="workflow__note">This project has no custom fields.</li>}>
              {(row) => <ReadRow field={row} />}
            </For>
          </ol>
        }
      >
        {/* Keyed by the row's key, not its object: every edit makes a new object, and new DOM would drop the focus. */}
        <ol class="workflow__list" aria-label="Custom fields">
          <For each={keys()}>
            {(key, index) => {
              const row = () => rowOf(key)!;
              const name = () => called(row());
              return (
                <Show when={rowOf(key)}>
                  <li class="workflow-row cf-row" data-testid="cf-field" data-key={key} data-field-id={row().id} data-field-name={row().name}>
                    <span class="workflow-row__place" aria-hidden="true">
                      {index() + 1}
                    </span>
                    <input
                      class="field__input workflow-row__name"
                      aria-label={`Name of field ${index() + 1}`}
                      maxLength={CUSTOM_FIELD_LIMITS.nameMax}
                      value={row().name}
                      data-testid="cf-name"
                      onInput={(e) => change(updateField(draft(), key, { name: e.currentTarget.value }))}
                    />
                    <Show
                      when={!row().id}
                      fallback={
                        <span class="workflow-row__meta" data-testid="cf-kind-fixed" title="A saved field keeps its kind">
                          {kindName(row().kind)}
                        </span>
                      }
                    >
                      <Select
                        label={`Kind of ${name()}`}
                        testId="cf-kind"
                        class="workflow-row__category"
                        value={row().kind}
                        options={KINDS}
                        onChange={(kind) => change(updateField(draft(), key, { kind }))}
                      />
                    </Show>
                    <label class="cf-required">
                      <input
                        type="checkbox"
                        checked={row().required}
                        data-testid="cf-required"
                        onChange={(e) => change(updateField(draft(), key, { required: e.currentTarget.checked }))}
                      />
                      Required
                    </label>
                    <span class="workflow-row__actions">
                      <RowMoves name={name()} first={index() === 0} last={index() === keys().length - 1} testId="cf" onMove={(by) => move(key, by)} />
                      <button type="button" class="button button--ghost" aria-label={`Remove ${name()}`} data-testid="cf-remove" onClick={() => remove(row())}>
                        Remove
                      </button>
                    </span>
                    <div class="cf-row__details">
                      <Show when={isSelectKind(row().kind)}>
                        <div class="cf-row__options">
                          <label class="field__label" for={`cf-options-${key}`}>
                            Options of {name()}, one per line
                          </label>
                          <textarea
                            id={`cf-options-${key}`}
                            class="field__input cf-options"
                            rows={Math.min(8, Math.max(3, row().options.length + 1))}
                            value={row().options.join('\n')}
                            data-testid="cf-options"
                            onInput={(e) => change(updateField(draft(), key, { options: e.currentTarget.value.split('\n') }))}
                          />
                        </div>
                      </Show>
                      <fieldset class="cf-types">
                        <legend class="field__label">{name()} applies to (none ticked: every type)</legend>
                        <For each={ITEM_TYPE_NAMES}>
                          {(type) => (
                            <label class="cf-choice">
                              <input
                                type="checkbox"
                                checked={row().itemTypes.includes(type)}
                                data-testid="cf-type"
                                data-value={type}
                                onChange={() => change(toggleItemType(draft(), key, type))}
                              />
                              <span>{typeWord(type)}</span>
                            </label>
                          )}
                        </For>
                      </fieldset>
                    </div>
                  </li>
                </Show>
              );
            }}
          </For>
        </ol>
        <Show when={removedFields(draft()).length > 0}>
          <h3 class="workflow__subtitle">Removed when you save (their values leave every item)</h3>
          <ul class="workflow__list" aria-label="Custom fields to remove">
            <For each={removedFields(draft())}>
              {(removed) => (
                <li class="workflow-row workflow-row--removed" data-testid="cf-removal" data-field-id={removed.id}>
                  <span class="workflow-row__name">{removed.name}</span>
                  <button type="button" class="button button--ghost" aria-label={`Keep ${removed.name}`} data-testid="cf-keep" onClick={() => change(keepField(draft(), removed.id))}>
                    Keep
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <form class="workflow__add" onSubmit={add} data-testid="cf-add-form">
          <input
            class="field__input workflow-row__name"
            aria-label="New field name"
            placeholder="New field"
            maxLength={CUSTOM_FIELD_LIMITS.nameMax}
            value={newName()}
            data-testid="cf-new-name"
            onInput={(e) => setNewName(e.currentTarget.value)}
          />
          <Select label="Kind of the new field" testId="cf-new-kind" class="workflow-row__category" value={newKind()} options={KINDS} onChange={setNewKind} />
          <button type="submit" class="button" disabled={!newName().trim()} data-testid="cf-add">
            Add field
          </button>
        </form>
        <DraftFooter
          testId="cf"
          saveLabel="Save fields"
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
