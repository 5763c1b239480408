// A native select over typed options: the option picked is handed back as
// its value (a number stays a number), found by index rather than parsed
// from the option's text.
import { For } from 'solid-js';

export function Select<T extends string | number>(props: {
  label: string;
  testId: string;
  value: T;
  options: readonly { value: T; label: string }[];
  class?: string;
  onChange(value: T): void;
}) {
  return (
    <select
      class={`field__input ${props.class ?? ''}`}
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
