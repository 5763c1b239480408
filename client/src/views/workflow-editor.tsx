// The Settings page's Workflow section: the project's statuses in board
// order, each with its name, category and WIP limit; add, rename, reorder
// (up and down buttons, so the keyboard reaches it), remove (asking where the
// status's items go, with how many it holds now). The changes are a draft
// (store/model/workflow-draft.ts) until Save sends them as one set_workflow
// against the project's version. Someone else's save, seen live or brought
// by a CONFLICT, is rebased under the draft, so nothing typed is lost.
// Admins edit; everyone else reads the list.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { WORKFLOW_LIMITS } from '../../../shared/domain/workflow.ts';
import { StatusCategory, type IWorkflowStatus } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import {
  addStatus,
  categoryName,
  CATEGORIES,
  destinations,
  draftOf,
  draftProblems,
  isChanged,
  keepStatus,
  moveStatus,
  rebaseDraft,
  redirectRemoval,
  removeStatus,
  updateStatus,
  type DraftStatus,
} from '../store/model/workflow-draft.ts';
import type { ProjectSettings } from '../store/project-settings.ts';
import { Select } from '../ui/select.tsx';
import '../styles/workflow.css';
import { createDraftEditor } from '../ui/draft-editor.ts';
import { DraftFooter } from '../ui/draft-footer.tsx';
import { RowMoves } from '../ui/row-moves.tsx';

const sameList = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const items = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;
const called = (row: DraftStatus | undefined) => row?.name.trim() || 'the new status';

export function WorkflowEditor(props: { board: BoardSlice; settings: ProjectSettings; editable: boolean }) {
  const statuses = createMemo<IWorkflowStatus[]>(() => props.board.columns().map((c) => c.status), [], { equals: sameList });
  /** How many items each status holds now, for the question a removal asks. */
  const counts = createMemo(() => new Map(props.board.columns().map((c) => [c.status.id, c.cards.length])));
  const countOf = (statusId: string) => counts().get(statusId) ?? 0;

  const editor = createDraftEditor({
    saved: statuses,
    empty: [],
    model: { draftOf, rebase: rebaseDraft, rows: (d) => d.statuses, move: moveStatus, problems: draftProblems, isChanged },
    testIds: { row: 'workflow-status', up: 'workflow-up', down: 'workflow-down' },
    called,
    send: (d) => props.settings.setWorkflow(d),
    words: {
      action: 'save the workflow',
      saved: 'Saved. Every board of this project shows the new columns.',
      conflict: 'Someone else changed this project while you were editing. Their workflow is now under your changes: check them, then save again.',
    },
  });
  const { draft, change, saving, error, saved, announcement, announce: setAnnouncement, keys, rowOf, focusIn, problems, changed, move, save } = editor;
  /** The saved row whose removal is being asked about, and the destination picked so far. */
  const [asking, setAsking] = createSignal<{ key: string; moveTo: string } | null>(null);
  const [newName, setNewName] = createSignal('');
  const [newCategory, setNewCategory] = createSignal(StatusCategory.STATUS_CATEGORY_STARTED);
  let nextKey = 0;

  const askRemove = (row: DraftStatus) => {
    if (!row.id) {
      change(removeStatus(draft(), row.key, ''));
      setAnnouncement(`Removed ${called(row)}.`);
      return;
    }
    setAsking({ key: row.key, moveTo: destinations(draft(), row.key)[0]?.id ?? '' });
    focusIn(row.key, 'workflow-remove-to');
  };
  const confirmRemove = () => {
    const ask = asking();
    if (!ask) return;
    const row = rowOf(ask.key);
    change(removeStatus(draft(), ask.key, ask.moveTo));
    setAsking(null);
    setAnnouncement(`${called(row)} will be removed when you save.`);
  };
  const add = (e: Event) => {
    e.preventDefault();
    const name = newName().trim();
    if (!name) return;
    change(addStatus(draft(), `new:${++nextKey}`, name, newCategory()));
    setNewName('');
    setAnnouncement(`Added ${name}. Save to put it on the board.`);
  };
  const discard = () => {
    editor.discard();
    setAsking(null);
  };

  return (
    <section class="panel workflow" data-testid="workflow" data-changed={changed() ? 'true' : 'false'} aria-labelledby="workflow-title">
      <h2 class="member-form__title" id="workflow-title">
        Workflow
      </h2>
      <p class="workflow__note">
        The board's columns, in order. A WIP limit marks a column that holds more items than it should; nothing is refused.
      </p>
      <Show
        when={props.editable}
        fallback={
          <ol class="workflow__list" aria-label="Statuses">
            <For each={draft().statuses}>
              {(row) => (
                <li class="workflow-row workflow-row--read" data-testid="workflow-status" data-key={row.key} data-status-name={row.name}>
                  <span class="workflow-row__name">{row.name}</span>
                  <span class="workflow-row__meta">{categoryName(row.category)}</span>
                  <span class="workflow-row__meta">{row.wipLimit > 0 ? `WIP limit ${row.wipLimit}` : 'No WIP limit'}</span>
                </li>
              )}
            </For>
          </ol>
        }
      >
        {/* Keyed by the row's key, not its object: every edit makes a new object, and new DOM would drop the focus. */}
        <ol class="workflow__list" aria-label="Statuses">
          <For each={keys()}>
            {(key, index) => {
              const row = () => rowOf(key)!;
              const name = () => called(row());
              return (
                <Show when={rowOf(key)}>
                  <li class="workflow-row" data-testid="workflow-status" data-key={key} data-status-id={row().id} data-status-name={row().name}>
                    <span class="workflow-row__place" aria-hidden="true">
                      {index() + 1}
                    </span>
                    <input
                      class="field__input workflow-row__name"
                      aria-label={`Name of status ${index() + 1}`}
                      maxLength={WORKFLOW_LIMITS.statusNameMax}
                      value={row().name}
                      data-testid="workflow-name"
                      onInput={(e) => change(updateStatus(draft(), key, { name: e.currentTarget.value }))}
                    />
                    <Select
                      label={`Category of ${name()}`}
                      testId="workflow-category"
                      class="workflow-row__category"
                      value={row().category}
                      options={CATEGORIES}
                      onChange={(category) => change(updateStatus(draft(), key, { category }))}
                    />
                    <input
                      class="field__input workflow-row__wip"
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={WORKFLOW_LIMITS.wipLimitMax}
                      placeholder="No limit"
                      aria-label={`WIP limit of ${name()} (empty for no limit)`}
                      value={row().wipLimit > 0 ? String(row().wipLimit) : ''}
                      data-testid="workflow-wip"
                      onInput={(e) => {
                        const n = e.currentTarget.valueAsNumber;
                        change(updateStatus(draft(), key, { wipLimit: Number.isNaN(n) ? 0 : n }));
                      }}
                    />
                    <span class="workflow-row__count" data-testid="workflow-count">
                      {row().id ? items(countOf(row().id)) : 'New'}
                    </span>
                    <span class="workflow-row__actions">
                      <RowMoves name={name()} first={index() === 0} last={index() === keys().length - 1} testId="workflow" onMove={(by) => move(key, by)} />
                      <button
                        type="button"
                        class="button button--ghost"
                        aria-label={`Remove ${name()}`}
                        aria-expanded={asking()?.key === key}
                        data-testid="workflow-remove"
                        onClick={() => (asking()?.key === key ? setAsking(null) : askRemove(row()))}
                      >
                        Remove
                      </button>
                    </span>
                    <Show when={asking()?.key === key ? asking() : null}>
                      {(ask) => (
                        <div class="workflow-row__ask" role="group" aria-label={`Remove ${name()}`} data-testid="workflow-remove-ask">
                          <label class="field__label" for={`workflow-to-${key}`}>
                            {countOf(row().id) > 0 ? `Its ${items(countOf(row().id))} go to` : 'It holds no items now. Any that arrive go to'}
                          </label>
                          <select
                            id={`workflow-to-${key}`}
                            class="field__input workflow-row__to"
                            data-testid="workflow-remove-to"
                            onChange={(e) => setAsking({ key, moveTo: e.currentTarget.value })}
                          >
                            <For each={destinations(draft(), key)}>
                              {(d) => (
                                <option value={d.id} selected={d.id === ask().moveTo}>
                                  {d.name || d.id} ({items(countOf(d.id))})
                                </option>
                              )}
                            </For>
                          </select>
                          <button type="button" class="button" disabled={!ask().moveTo} data-testid="workflow-remove-confirm" onClick={confirmRemove}>
                            Remove {name()}
                          </button>
                          <button type="button" class="button button--ghost" data-testid="workflow-remove-cancel" onClick={() => setAsking(null)}>
                            Cancel
                          </button>
                        </div>
                      )}
                    </Show>
                  </li>
                </Show>
              );
            }}
          </For>
        </ol>
        <Show when={draft().removals.length > 0}>
          <h3 class="workflow__subtitle">Removed when you save</h3>
          <ul class="workflow__list" aria-label="Statuses to remove">
            <For each={draft().removals}>
              {(removal) => (
                <li class="workflow-row workflow-row--removed" data-testid="workflow-removal" data-status-id={removal.statusId}>
                  <label class="workflow-row__name" for={`workflow-moved-${removal.statusId}`}>
                    {removal.name}: its {items(countOf(removal.statusId))} go to
                  </label>
                  <select
                    id={`workflow-moved-${removal.statusId}`}
                    class="field__input workflow-row__to"
                    data-testid="workflow-removal-to"
                    onChange={(e) => change(redirectRemoval(draft(), removal.statusId, e.currentTarget.value))}
                  >
                    <Show when={!removal.moveTo}>
                      <option value="" selected>
                        Choose a status
                      </option>
                    </Show>
                    <For each={destinations(draft())}>
                      {(d) => (
                        <option value={d.id} selected={d.id === removal.moveTo}>
                          {d.name}
                        </option>
                      )}
                    </For>
                  </select>
                  <button
                    type="button"
                    class="button button--ghost"
                    aria-label={`Keep ${removal.name}`}
                    data-testid="workflow-keep"
                    onClick={() => change(keepStatus(draft(), removal.statusId))}
                  >
                    Keep
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <form class="workflow__add" onSubmit={add} data-testid="workflow-add-form">
          <input
            class="field__input workflow-row__name"
            aria-label="New status name"
            placeholder="New status"
            maxLength={WORKFLOW_LIMITS.statusNameMax}
            value={newName()}
            data-testid="workflow-new-name"
            onInput={(e) => setNewName(e.currentTarget.value)}
          />
          <Select label="Category of the new status" testId="workflow-new-category" class="workflow-row__category" value={newCategory()} options={CATEGORIES} onChange={setNewCategory} />
          <button type="submit" class="button" disabled={!newName().trim()} data-testid="workflow-add">
            Add status
          </button>
        </form>
        <DraftFooter
          testId="workflow"
          saveLabel="Save workflow"
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
