// "/p/:key/item/:number": one work item in a panel over its board, which
// stays mounted and live behind it. Editors change every field in place; each
// change goes through the board slice (optimistic, pending until its reply,
// rolled back with a toast on refusal, the conflict dialog on CONFLICT).
// An edit is based on the version the item had when the person started it
// (focus, or opening the description editor), so a change someone else saved
// meanwhile is a CONFLICT to resolve, never silently overwritten.
// Viewers get the same panel as plain text: no inputs at all.
import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { setViewing } from '../store/presence.ts';
import { allowedParentTypes } from '../../../shared/domain/hierarchy.ts';
import { ItemType, Priority } from '../../../shared/proto.ts';
import type { Card } from '../store/board-logic.ts';
import { isLocal, useBoard, type BoardSlice } from '../store/board.ts';
import { createItemStore } from '../store/item.ts';
import { parseLabels, type ItemPatch } from '../store/item-logic.ts';
import { useLive } from '../store/live.ts';
import '../styles/item.css';
import { ItemComments, ItemHistory, Markdown } from './item-activity.tsx';
import { memberName, PRIORITY_NAMES, statusName, TYPE_NAMES } from './item-format.ts';

const TYPES = [ItemType.ITEM_TYPE_EPIC, ItemType.ITEM_TYPE_STORY, ItemType.ITEM_TYPE_TASK, ItemType.ITEM_TYPE_BUG, ItemType.ITEM_TYPE_SUBTASK];
const PRIORITIES = [Priority.PRIORITY_NONE, Priority.PRIORITY_LOW, Priority.PRIORITY_MEDIUM, Priority.PRIORITY_HIGH, Priority.PRIORITY_URGENT];

/**
 * A text input that edits one field: the draft lives here while focused (live
 * changes do not overwrite what is being typed), and blur or Enter saves it
 * against the version it started from; Escape puts it back.
 */
function DraftInput(props: {
  board: BoardSlice;
  item: Card;
  value: string;
  label: string;
  testId: string;
  class?: string;
  inputMode?: 'decimal';
  placeholder?: string;
  save(text: string, base: number): void;
}) {
  const [draft, setDraft] = createSignal<string | null>(null);
  let base = 0;
  let start = '';
  let cancelled = false;
  return (
    <input
      class={`field__input ${props.class ?? ''}`}
      aria-label={props.label}
      placeholder={props.placeholder}
      inputMode={props.inputMode}
      value={draft() ?? props.value}
      data-testid={props.testId}
      onFocus={() => {
        base = props.board.baseVersion(props.item.id);
        start = props.value;
        cancelled = false;
        setDraft(props.value);
      }}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          e.stopPropagation();
          cancelled = true;
          e.currentTarget.blur();
        }
      }}
      onBlur={(e) => {
        const text = draft();
        setDraft(null);
        e.currentTarget.value = props.value;
        if (cancelled || text === null || text === start) return;
        props.save(text, base);
      }}
    />
  );
}

function Select<T extends string | number>(props: {
  label: string;
  testId: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
}) {
  return (
    <select
      class="field__input item-select"
      aria-label={props.label}
      data-testid={props.testId}
      onChange={(e) => {
        const picked = props.options[e.currentTarget.selectedIndex];
        if (picked) props.onChange(picked.value);
      }}
    >
      <For each={props.options}>
        {(o) => (
          <option value={String(o.value)} selected={o.value === props.value}>
            {o.label}
          </option>
        )}
      </For>
    </select>
  );
}

function Row(props: { label: string; children: JSX.Element }) {
  return (
    <div class="item-field">
      <dt class="item-field__label">{props.label}</dt>
      <dd class="item-field__value">{props.children}</dd>
    </div>
  );
}

function Description(props: { board: BoardSlice; item: Card; editable: boolean; save(patch: ItemPatch, base: number): void }) {
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

function SubItems(props: { board: BoardSlice; item: Card; projectKey: string; editable: boolean }) {
  const navigate = useNavigate();
  const children = createMemo(() =>
    [...props.board.items().values()].filter((c) => c.parentId === props.item.id).sort((a, b) => Number(a.number ?? 0) - Number(b.number ?? 0)),
  );
  const [adding, setAdding] = createSignal(false);
  const [title, setTitle] = createSignal('');
  const isEpic = () => props.item.itemType === ItemType.ITEM_TYPE_EPIC;
  const canHaveChildren = () => props.item.itemType !== ItemType.ITEM_TYPE_SUBTASK;
  return (
    <Show when={canHaveChildren()}>
      <section class="item-section" aria-labelledby="item-children-title">
        <div class="item-section__bar">
          <h2 id="item-children-title" class="item-section__title">
            {isEpic() ? 'Items in this epic' : 'Sub-tasks'} <span class="item-section__count">{children().length}</span>
          </h2>
          <Show when={props.editable && !adding()}>
            <button type="button" class="link-button" data-testid="add-subtask" onClick={() => setAdding(true)}>
              {isEpic() ? '+ Add story' : '+ Add sub-task'}
            </button>
          </Show>
        </div>
        <ul class="subtasks" data-testid="subtasks">
          <For each={children()}>
            {(c) => (
              <li class="subtask" classList={{ 'subtask--pending': !!c.pending }} data-testid="subtask">
                <button
                  type="button"
                  class="subtask__link"
                  disabled={isLocal(c)}
                  onClick={() => navigate(`/p/${props.projectKey}/item/${Number(c.number ?? 0)}`)}
                >
                  <span class="subtask__key">{c.key || 'New'}</span>
                  <span class="subtask__title">{c.title}</span>
                  <span class="subtask__status">{statusName(props.board, c.statusId)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={adding()}>
          <form
            class="subtask-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!title().trim()) return;
              props.board.addChild(props.item.id, title());
              setTitle('');
            }}
          >
            <input
              class="field__input"
              aria-label={isEpic() ? 'New story title' : 'New sub-task title'}
              placeholder="Title"
              value={title()}
              maxLength={500}
              onInput={(e) => setTitle(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setAdding(false);
                }
              }}
              ref={(el) => queueMicrotask(() => el.focus())}
              data-testid="subtask-input"
            />
          </form>
        </Show>
      </section>
    </Show>
  );
}

function ItemBody(props: { board: BoardSlice; item: Card; projectKey: string }) {
  const live = useLive();
  const board = props.board;
  const me = live.session.user.id;
  const item = () => props.item;
  const editable = () => board.canEdit() && !isLocal(item());
  const store = createItemStore(live, board, () => item().id);
  const save = (patch: ItemPatch, base: number) => void board.update(item().id, patch, base);
  /** A pick from a list: nothing is being typed, so it is based on the version shown now. */
  const pick = (patch: ItemPatch) => save(patch, board.baseVersion(item().id));

  const statuses = () => board.columns().map((c) => ({ value: c.status.id, label: c.status.name ?? '' }));
  const people = () => [
    { value: '', label: 'Nobody' },
    ...[...board.members()].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '')).map((m) => ({ value: m.userId ?? '', label: m.displayName ?? '' })),
  ];
  const parents = () => {
    const allowed = allowedParentTypes((item().itemType ?? 0) as ItemType);
    const options = [...board.items().values()]
      .filter((c) => c.id !== item().id && !isLocal(c) && allowed.includes((c.itemType ?? 0) as ItemType))
      .sort((a, b) => Number(a.number ?? 0) - Number(b.number ?? 0))
      .map((c) => ({ value: c.id, label: `${c.key} ${c.title}` }));
    const none = item().itemType === ItemType.ITEM_TYPE_SUBTASK ? [] : [{ value: '', label: 'None' }];
    return [...none, ...options];
  };
  const labelsText = () => (item().labels ?? []).join(', ');

  return (
    <>
      <div class="item-panel__title">
        <Show when={editable()} fallback={<h1 class="item-title" data-testid="item-title">{item().title}</h1>}>
          <DraftInput
            board={board}
            item={item()}
            value={item().title ?? ''}
            label="Title"
            testId="item-title-input"
            class="item-title item-title--input"
            save={(text, base) => text.trim() && save({ title: text.trim() }, base)}
          />
        </Show>
      </div>
      <dl class="item-fields" data-testid="item-fields">
        <Row label="Status">
          <Show when={editable()} fallback={<span data-testid="item-status">{statusName(board, item().statusId)}</span>}>
            <Select label="Status" testId="item-status-select" value={item().statusId} options={statuses()} onChange={(v) => pick({ statusId: v })} />
          </Show>
        </Row>
        <Row label="Type">
          <Show when={editable()} fallback={<span data-testid="item-type">{TYPE_NAMES[item().itemType ?? 0]}</span>}>
            <Select
              label="Type"
              testId="item-type-select"
              value={(item().itemType ?? 0) as number}
              options={TYPES.map((t) => ({ value: t as number, label: TYPE_NAMES[t]! }))}
              onChange={(v) => pick({ itemType: v as ItemType })}
            />
          </Show>
        </Row>
        <Row label="Priority">
          <Show when={editable()} fallback={<span data-testid="item-priority">{PRIORITY_NAMES[item().priority ?? 0]}</span>}>
            <Select
              label="Priority"
              testId="item-priority-select"
              value={(item().priority ?? 0) as number}
              options={PRIORITIES.map((p) => ({ value: p as number, label: PRIORITY_NAMES[p]! }))}
              onChange={(v) => pick({ priority: v as Priority })}
            />
          </Show>
        </Row>
        <Row label="Story points">
          <Show when={editable()} fallback={<span data-testid="item-points">{item().hasStoryPoints ? String(item().storyPoints) : 'None'}</span>}>
            <DraftInput
              board={board}
              item={item()}
              value={item().hasStoryPoints ? String(item().storyPoints ?? 0) : ''}
              label="Story points"
              testId="item-points-input"
              inputMode="decimal"
              placeholder="None"
              class="item-points"
              save={(text, base) => {
                const t = text.trim();
                if (!t) return save({ storyPoints: null }, base);
                const n = Number(t);
                if (!Number.isFinite(n) || n < 0 || n > 1000) return live.toasts.show('Story points are a number from 0 to 1000.');
                save({ storyPoints: n }, base);
              }}
            />
          </Show>
        </Row>
        <Row label="Assignee">
          <div class="item-assignee">
            <Show when={editable()} fallback={<span data-testid="item-assignee">{memberName(board, item().assigneeId)}</span>}>
              <Select label="Assignee" testId="item-assignee-select" value={item().assigneeId ?? ''} options={people()} onChange={(v) => pick({ assigneeId: v || null })} />
              <Show when={!item().assigneeId}>
                <button type="button" class="link-button" data-testid="item-claim" onClick={() => board.claim(item().id)}>
                  Assign to me
                </button>
              </Show>
            </Show>
          </div>
        </Row>
        <Show when={allowedParentTypes((item().itemType ?? 0) as ItemType).length > 0}>
          <Row label={item().itemType === ItemType.ITEM_TYPE_SUBTASK ? 'Parent' : 'Epic'}>
            <Show when={editable()} fallback={<span data-testid="item-parent">{item().parentId ? board.items().get(item().parentId!)?.key ?? '—' : 'None'}</span>}>
              <Select label="Parent" testId="item-parent-select" value={item().parentId ?? ''} options={parents()} onChange={(v) => pick({ parentId: v || null })} />
            </Show>
          </Row>
        </Show>
        <Row label="Labels">
          <Show
            when={editable()}
            fallback={
              <span data-testid="item-labels">
                <For each={item().labels ?? []} fallback="None">
                  {(l) => <span class="label-chip">{l}</span>}
                </For>
              </span>
            }
          >
            <DraftInput
              board={board}
              item={item()}
              value={labelsText()}
              label="Labels (comma separated)"
              testId="item-labels-input"
              placeholder="frontend, docs"
              save={(text, base) => save({ labels: parseLabels(text) }, base)}
            />
          </Show>
        </Row>
      </dl>
      <Description board={board} item={item()} editable={editable()} save={save} />
      <SubItems board={board} item={item()} projectKey={props.projectKey} editable={editable()} />
      <ItemComments board={board} store={store} me={me} />
      <ItemHistory board={board} store={store} me={me} />
    </>
  );
}

export function ItemPanel() {
  const params = useParams<{ key: string; number: string }>();
  const navigate = useNavigate();
  const board = useBoard();
  const item = createMemo(() => {
    const n = Number(params.number);
    for (const c of board.items().values()) if (Number(c.number ?? 0) === n && !isLocal(c)) return c;
    return undefined;
  });
  // Keyed by id, not by object: every change makes a new card object, and re-creating
  // the body would drop focus and any draft being typed.
  const itemId = createMemo(() => item()?.id);
  let last: Card | undefined;
  const current = () => (last = item() ?? last)!;
  const close = () => navigate(`/p/${params.key}`);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || board.conflicts().length) return;
    close();
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));
  // Others on the board see which item this person has open.
  createEffect(() => {
    const open = item();
    if (open?.id && open.projectId) setViewing(open.projectId, open.id);
  });
  onCleanup(() => {
    const open = last;
    if (open?.projectId) setViewing(open.projectId, '');
  });
  let panel: HTMLElement | undefined;
  onMount(() => panel?.focus());

  return (
    <div class="item-overlay">
      <div class="item-overlay__backdrop" onClick={close} aria-hidden="true" />
      <aside
        ref={panel}
        class="item-panel"
        role="dialog"
        aria-label={item() ? `${item()!.key} ${item()!.title}` : 'Work item'}
        tabIndex={-1}
        data-testid="item-panel"
        data-item-id={item()?.id}
        data-pending={item()?.pending ? 'true' : undefined}
        data-can-edit={board.canEdit() ? 'true' : 'false'}
      >
        <header class="item-panel__head">
          <Show when={item()}>
            {(c) => (
              <>
                <span class={`type-badge type-badge--${(TYPE_NAMES[c().itemType ?? 0] ?? 'task').toLowerCase().replace('-', '')}`}>{TYPE_NAMES[c().itemType ?? 0]}</span>
                <span class="item-panel__key" data-testid="item-key">
                  {c().key}
                </span>
                <Show when={c().pending}>
                  <span class="item-panel__pending" data-testid="item-pending">
                    Saving…
                  </span>
                </Show>
                <Show when={!board.canEdit()}>
                  <span class="role-badge" data-testid="item-read-only">
                    Read only
                  </span>
                </Show>
              </>
            )}
          </Show>
          <span class="item-panel__spacer" />
          <button type="button" class="icon-button" aria-label="Close" title="Close (Esc)" data-testid="item-close" onClick={close}>
            ×
          </button>
        </header>
        <div class="item-panel__body">
          <Show
            when={itemId()}
            keyed
            fallback={
              <Show when={board.load().state === 'ready'} fallback={<p class="item-muted">Loading…</p>}>
                <div class="empty-state" data-testid="item-missing">
                  <p class="empty-state__title">
                    There is no item {params.key}-{params.number}
                  </p>
                  <p class="empty-state__text">It may have been deleted.</p>
                </div>
              </Show>
            }
          >
            {(_id: string) => <ItemBody board={board} item={current()} projectKey={params.key} />}
          </Show>
        </div>
      </aside>
    </div>
  );
}
