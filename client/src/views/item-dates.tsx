// An item's start or due date in the panel: for editors the browser's own
// date input, saved on blur or Enter (a typed year passes through other
// valid dates on its way) and cleared by emptying it or with Clear; for
// viewers the day in words.
import { Show } from 'solid-js';
import { DraftInput } from '../ui/draft-input.tsx';
import { dayWords, localDay } from './due-dates.ts';

export function ItemDate(props: {
  label: string;
  testId: string;
  value: string;
  editable: boolean;
  /** The input's bounds: a due date is not before the start, nor a start after the due date. */
  min?: string;
  max?: string;
  begin(): number;
  /** null clears it. */
  save(day: string | null, base: number): void;
}) {
  return (
    <Show when={props.editable} fallback={<span data-testid={props.testId}>{props.value ? dayWords(props.value, localDay()) : 'None'}</span>}>
      <div class="item-date">
        <DraftInput
          type="date"
          value={props.value}
          label={props.label}
          testId={`${props.testId}-input`}
          class="item-date__input"
          min={props.min || undefined}
          max={props.max || undefined}
          begin={props.begin}
          commit={(day, base) => props.save(day || null, base)}
        />
        <Show when={props.value}>
          <button
            type="button"
            class="link-button"
            aria-label={`Clear the ${props.label.toLowerCase()}`}
            data-testid={`${props.testId}-clear`}
            onClick={() => props.save(null, props.begin())}
          >
            Clear
          </button>
        </Show>
      </div>
    </Show>
  );
}
