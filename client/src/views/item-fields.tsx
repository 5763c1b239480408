// The item's fields as a list of label and value: for editors each is an
// input that saves on its own (a pick from a list at once, typed text on blur
// or Enter); for viewers plain text. In a pull-mode project nobody assigns
// anyone: the assignee is who claimed the item, with Claim when nobody has,
// and Release for the claimer (or an admin). Below them, the project's
// custom fields that apply to the item's type, each with a control for its
// kind (custom-field-input.tsx), saved through the board's own send path.
// The type offers the project's own types after the built-in ones (v18).
import { createMemo, For, Show, type JSX } from 'solid-js';
import { allowedParentTypes } from '../../../shared/domain/hierarchy.ts';
import { ItemType, Priority, Role, type ICustomFieldValue } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { fieldsFor, valueIn, valueProblem } from '../store/model/custom-values.ts';
import { parseLabels, typePatch, type ItemPatch } from '../store/model/item-patch.ts';
import { itemTypesOf } from '../store/model/item-types-draft.ts';
import type { Card } from '../store/model/items.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { DraftInput } from '../ui/draft-input.tsx';
import { Select } from '../ui/select.tsx';
import { CustomFieldInput, CustomFieldText } from './custom-field-input.tsx';
import { ItemDate } from './item-dates.tsx';
import { typeLabel } from './item-type-badge.tsx';
import { memberName, PRIORITY_NAMES, statusName, TYPE_NAMES } from './item-format.ts';

const TYPES = [ItemType.ITEM_TYPE_EPIC, ItemType.ITEM_TYPE_STORY, ItemType.ITEM_TYPE_TASK, ItemType.ITEM_TYPE_BUG, ItemType.ITEM_TYPE_SUBTASK];
const PRIORITIES = [Priority.PRIORITY_NONE, Priority.PRIORITY_LOW, Priority.PRIORITY_MEDIUM, Priority.PRIORITY_HIGH, Priority.PRIORITY_URGENT];

function Row(props: { label: string; children: JSX.Element }) {
  return (
    <div class="item-field">
      <dt class="item-field__label">{props.label}</dt>
      <dd class="item-field__value">{props.children}</dd>
    </div>
  );
}

export function ItemFields(props: {
  board: BoardSlice;
  item: Card;
  editable: boolean;
  /** Saves against the version the edit started from. */
  save(patch: ItemPatch, base: number): void;
  /** Saves custom field values (an empty entry clears one) against the version the edit started from. */
  saveValues(values: ICustomFieldValue[], base: number): void;
}) {
  const live = useLive();
  const board = props.board;
  const item = () => props.item;
  /** Typed text is based on the version the item had when the typing started (the input's focus). */
  const begin = () => board.baseVersion(item().id);
  /** A pick from a list: nothing is being typed, so it is based on the version shown now. */
  const pick = (patch: ItemPatch) => props.save(patch, begin());

  // The type control's values: a built-in type by its number, one of the project's own types by its id.
  const typeValue = () => item().customTypeId || String(item().itemType ?? 0);
  const typeOptions = () => [
    ...TYPES.map((t) => ({ value: String(t), label: TYPE_NAMES[t]! })),
    ...itemTypesOf(board.project()).map((t) => ({ value: t.id, label: t.icon ? `${t.icon} ${t.name}` : t.name })),
  ];
  const pickType = (value: string) => {
    const builtIn = TYPES.find((t) => String(t) === value);
    pick(typePatch(builtIn === undefined ? { ownTypeId: value } : { builtIn }));
  };
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
  // By id, not by object: a field renamed elsewhere keeps its control (and what is being typed in it).
  const customIds = createMemo(() => fieldsFor(board.customFields(), item()).map((f) => f.id), [], {
    equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  });
  const fieldOf = (id: string) => board.customFields().find((f) => f.id === id);
  const saveValue = (id: string, entry: ICustomFieldValue, base: number) => {
    const field = fieldOf(id);
    if (!field) return;
    // The server's own rules first: a required field cannot be cleared, a number must be one.
    const problem = valueProblem(field, entry);
    if (problem) return live.toasts.show(`Could not save ${item().key || 'the item'}: ${problem}`);
    props.saveValues([entry], base);
  };
  const savePoints = (text: string, base: number) => {
    const t = text.trim();
    if (!t) return props.save({ storyPoints: null }, base);
    const n = Number(t);
    if (!Number.isFinite(n) || n < 0 || n > 1000) return live.toasts.show('Story points are a number from 0 to 1000.');
    props.save({ storyPoints: n }, base);
  };

  return (
    <dl class="item-fields" data-testid="item-fields">
      <Row label="Status">
        <Show when={props.editable} fallback={<span data-testid="item-status">{statusName(board, item().statusId)}</span>}>
          <Select label="Status" testId="item-status-select" class="item-select" value={item().statusId} options={statuses()} onChange={(v) => pick({ statusId: v })} />
        </Show>
      </Row>
      <Row label="Type">
        <Show when={props.editable} fallback={<span data-testid="item-type">{typeLabel(item(), board.project())}</span>}>
          <Select
            label="Type"
            testId="item-type-select"
            class="item-select"
            value={typeValue()}
            options={typeOptions()}
            onChange={pickType}
          />
        </Show>
      </Row>
      <Row label="Priority">
        <Show when={props.editable} fallback={<span data-testid="item-priority">{PRIORITY_NAMES[item().priority ?? 0]}</span>}>
          <Select
            label="Priority"
            testId="item-priority-select"
            class="item-select"
            value={(item().priority ?? 0) as number}
            options={PRIORITIES.map((p) => ({ value: p as number, label: PRIORITY_NAMES[p]! }))}
            onChange={(v) => pick({ priority: v as Priority })}
          />
        </Show>
      </Row>
      <Row label="Story points">
        <Show when={props.editable} fallback={<span data-testid="item-points">{item().hasStoryPoints ? String(item().storyPoints) : 'None'}</span>}>
          <DraftInput
            value={item().hasStoryPoints ? String(item().storyPoints ?? 0) : ''}
            label="Story points"
            testId="item-points-input"
            inputMode="decimal"
            placeholder="None"
            class="item-points"
            begin={begin}
            commit={savePoints}
          />
        </Show>
      </Row>
      <Show when={board.pullMode()}>
        <Row label="Claimed by">
          <div class="item-assignee" data-testid="item-claim-row">
            <span data-testid="item-assignee">{memberName(board, item().assigneeId, live.session.user.id)}</span>
            <Show when={board.canEdit() && !isLocal(item())}>
              <Show
                when={item().assigneeId}
                fallback={
                  <button type="button" class="button item-claim" data-testid="item-claim" onClick={() => board.claim(item().id)}>
                    Claim
                  </button>
                }
              >
                <Show when={item().assigneeId === live.session.user.id || board.role() === Role.ROLE_ADMIN}>
                  <button
                    type="button"
                    class="button item-claim"
                    aria-label={item().assigneeId === live.session.user.id ? 'Release my claim' : `Release ${memberName(board, item().assigneeId)}'s claim`}
                    data-testid="item-release"
                    onClick={() => board.release(item().id)}
                  >
                    Release
                  </button>
                </Show>
              </Show>
            </Show>
          </div>
        </Row>
      </Show>
      <Show when={!board.pullMode()}>
      <Row label="Assignee">
        <div class="item-assignee">
          <Show when={props.editable} fallback={<span data-testid="item-assignee">{memberName(board, item().assigneeId)}</span>}>
            <Select
              label="Assignee"
              testId="item-assignee-select"
              class="item-select"
              value={item().assigneeId ?? ''}
              options={people()}
              onChange={(v) => pick({ assigneeId: v || null })}
            />
            <Show when={!item().assigneeId}>
              <button type="button" class="link-button" data-testid="item-claim" onClick={() => board.claim(item().id)}>
                Assign to me
              </button>
            </Show>
          </Show>
        </div>
      </Row>
      </Show>
      <Show when={allowedParentTypes((item().itemType ?? 0) as ItemType).length > 0}>
        <Row label={item().itemType === ItemType.ITEM_TYPE_SUBTASK ? 'Parent' : 'Epic'}>
          <Show when={props.editable} fallback={<span data-testid="item-parent">{item().parentId ? board.items().get(item().parentId!)?.key ?? '—' : 'None'}</span>}>
            <Select
              label="Parent"
              testId="item-parent-select"
              class="item-select"
              value={item().parentId ?? ''}
              options={parents()}
              onChange={(v) => pick({ parentId: v || null })}
            />
          </Show>
        </Row>
      </Show>
      <Row label="Start date">
        <ItemDate
          label="Start date"
          testId="item-start-date"
          value={item().startDate ?? ''}
          max={item().dueDate ?? ''}
          editable={props.editable}
          begin={begin}
          save={(day, base) => props.save({ startDate: day }, base)}
        />
      </Row>
      <Row label="Due date">
        <ItemDate
          label="Due date"
          testId="item-due-date"
          value={item().dueDate ?? ''}
          min={item().startDate ?? ''}
          editable={props.editable}
          begin={begin}
          save={(day, base) => props.save({ dueDate: day }, base)}
        />
      </Row>
      <Row label="Labels">
        <Show
          when={props.editable}
          fallback={
            <span data-testid="item-labels">
              <For each={item().labels ?? []} fallback="None">
                {(l) => <span class="label-chip">{l}</span>}
              </For>
            </span>
          }
        >
          <DraftInput
            value={(item().labels ?? []).join(', ')}
            label="Labels (comma separated)"
            testId="item-labels-input"
            placeholder="frontend, docs"
            begin={begin}
            commit={(text, base) => props.save({ labels: parseLabels(text) }, base)}
          />
        </Show>
      </Row>
      <For each={customIds()}>
        {(id) => (
          <Show when={fieldOf(id)}>
            {(field) => (
              <div class="item-field item-field--custom" data-testid="cf-row" data-field-id={id} data-field-name={field().name}>
                <dt class="item-field__label">
                  {field().name}
                  <Show when={field().required}>
                    <span class="item-field__required"> (required)</span>
                  </Show>
                </dt>
                <dd class="item-field__value">
                  <Show
                    when={props.editable}
                    fallback={<CustomFieldText field={field()} value={valueIn(item(), id)} personName={(userId) => memberName(board, userId)} />}
                  >
                    <CustomFieldInput
                      field={field()}
                      value={valueIn(item(), id)}
                      members={board.members()}
                      begin={begin}
                      commit={(entry, base) => saveValue(id, entry, base)}
                      invalid={(message) => live.toasts.show(message)}
                    />
                  </Show>
                </dd>
              </div>
            )}
          </Show>
        )}
      </For>
    </dl>
  );
}
