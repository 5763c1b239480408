// An item's type as cards, backlog rows and lists show it: a built-in type by
// its name in its own colours; one of the project's own types (v18: the item
// goes on the wire as a task naming it in custom_type_id) by its icon, name
// and colour. The name is always written out, so the colour is never all
// that tells types apart.
import { Show } from 'solid-js';
import type { IProject, IWorkItem } from '../../../shared/proto.ts';
import { customTypeOf } from '../store/model/item-types-draft.ts';
import { typeInfo } from './board-filter.ts';

type Typed = Pick<IWorkItem, 'itemType' | 'customTypeId'>;

/** The type's name as words say it ("Risk", "Task"), the project's own type first. */
export function typeLabel(item: Typed, project: IProject | null | undefined): string {
  return customTypeOf(item, project)?.name || typeInfo(item.itemType)?.label || 'Item';
}

export function ItemTypeBadge(props: { item: Typed; project: IProject | null | undefined; testId?: string; class?: string }) {
  const custom = () => customTypeOf(props.item, props.project);
  const builtIn = () => typeInfo(props.item.itemType);
  return (
    <Show
      when={custom()}
      fallback={
        <span class={`type-badge type-badge--${builtIn()?.slug ?? 'task'} ${props.class ?? ''}`} title={builtIn()?.label ?? 'Item'} data-testid={props.testId}>
          {builtIn()?.label ?? 'Item'}
        </span>
      }
    >
      {(t) => (
        <span
          class={`type-badge type-badge--custom ${props.class ?? ''}`}
          style={{ '--type-colour': t().colour }}
          title={t().name}
          data-testid={props.testId}
          data-custom-type-id={t().id}
        >
          <Show when={t().icon}>
            <span class="type-badge__icon" aria-hidden="true" data-testid="type-icon">
              {t().icon}
            </span>
          </Show>
          {t().name}
        </span>
      )}
    </Show>
  );
}
