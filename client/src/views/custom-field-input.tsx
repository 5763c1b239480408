// One custom field's value as a control for its kind: text, a number and a
// date typed and saved on blur or Enter (DraftInput, so someone else's change
// never overwrites what is being typed), a single select and a person picked
// from a list, a multi select as checkboxes saved at each tick. The item
// panel saves each change as an update_work_item; quick-add keeps them for
// the new card. Every control is labelled with the field's name.
import { For, Show } from 'solid-js';
import type { CustomFieldDef } from '../../../shared/domain/custom-fields.ts';
import { CustomFieldKind, type IMember } from '../../../shared/proto.ts';
import { entryOf, numberEntry, valueWords, type Value } from '../store/model/custom-values.ts';
import { DraftInput } from '../ui/draft-input.tsx';
import { Select } from '../ui/select.tsx';
import '../styles/custom-fields.css';

const K = CustomFieldKind;

export function CustomFieldInput(props: {
  field: CustomFieldDef;
  value: Value | null;
  members: readonly IMember[];
  /** The version an edit starts from (the panel's), or anything (quick-add). */
  begin(): number;
  commit(entry: Value, base: number): void;
  /** A typed value that is no value of the kind ("abc" for a number), in words. */
  invalid(message: string): void;
}) {
  const field = () => props.field;
  const label = () => `${field().name}${field().required ? ' (required)' : ''}`;
  const testId = 'cf-input';
  const pick = (value: string) => props.commit(entryOf(field(), value), props.begin());
  /** "None" while there is no value; a required field with a value offers no way back to none (the server refuses it). */
  const none = (word: string) => (field().required && props.value ? [] : [{ value: '', label: props.value || !field().required ? word : `Choose ${field().name}` }]);
  const people = () => [
    ...none('Nobody'),
    ...[...props.members]
      .sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''))
      .map((m) => ({ value: m.userId ?? '', label: m.displayName ?? '' })),
  ];
  const chosen = () => props.value?.options ?? [];

  switch (field().kind) {
    case K.CUSTOM_FIELD_KIND_SINGLE_SELECT:
      return (
        <Select
          label={label()}
          testId={testId}
          class="item-select"
          value={chosen()[0] ?? ''}
          options={[...none('None'), ...field().options.map((o) => ({ value: o, label: o }))]}
          onChange={pick}
        />
      );
    case K.CUSTOM_FIELD_KIND_PERSON:
      return <Select label={label()} testId={testId} class="item-select" value={props.value?.userId ?? ''} options={people()} onChange={pick} />;
    case K.CUSTOM_FIELD_KIND_MULTI_SELECT:
      return (
        <fieldset class="cf-choices" data-testid={testId}>
          <legend class="visually-hidden">{label()}</legend>
          <For each={field().options}>
            {(option) => (
              <label class="cf-choice">
                <input
                  type="checkbox"
                  checked={chosen().includes(option)}
                  data-testid="cf-choice"
                  data-value={option}
                  onChange={(e) => {
                    const next = e.currentTarget.checked ? [...chosen(), option] : chosen().filter((o) => o !== option);
                    props.commit(entryOf(field(), next), props.begin());
                  }}
                />
                <span>{option}</span>
              </label>
            )}
          </For>
        </fieldset>
      );
    case K.CUSTOM_FIELD_KIND_NUMBER:
      return (
        <DraftInput
          value={props.value?.number == null ? '' : String(props.value.number)}
          label={label()}
          testId={testId}
          inputMode="decimal"
          placeholder="None"
          class="cf-number"
          begin={props.begin}
          commit={(text, base) => {
            const entry = numberEntry(field().id, text);
            if (entry) props.commit(entry, base);
            else props.invalid(`${field().name} must be a number.`);
          }}
        />
      );
    case K.CUSTOM_FIELD_KIND_DATE:
      return (
        <DraftInput
          type="date"
          value={props.value?.date ?? ''}
          label={label()}
          testId={testId}
          class="item-date__input"
          begin={props.begin}
          commit={(day, base) => props.commit(entryOf(field(), day), base)}
        />
      );
    default:
      return (
        <DraftInput
          value={props.value?.text ?? ''}
          label={label()}
          testId={testId}
          placeholder="None"
          begin={props.begin}
          commit={(text, base) => props.commit(entryOf(field(), text), base)}
        />
      );
  }
}

/** The value in words, for someone who reads the item. */
export function CustomFieldText(props: { field: CustomFieldDef; value: Value | null; personName(userId: string): string }) {
  return (
    <span data-testid="cf-value">
      <Show when={props.value} fallback="None">
        {valueWords(props.field, props.value, props.personName)}
      </Show>
    </span>
  );
}
