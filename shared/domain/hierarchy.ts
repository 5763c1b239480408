import { ItemType } from '../proto.ts';
import { failedPrecondition } from './errors.ts';

const NAMES: Record<ItemType, string> = {
  [ItemType.ITEM_TYPE_UNSPECIFIED]: 'item',
  [ItemType.ITEM_TYPE_EPIC]: 'epic',
  [ItemType.ITEM_TYPE_STORY]: 'story',
  [ItemType.ITEM_TYPE_TASK]: 'task',
  [ItemType.ITEM_TYPE_BUG]: 'bug',
  [ItemType.ITEM_TYPE_SUBTASK]: 'sub-task',
};

export function itemTypeName(type: ItemType): string {
  return NAMES[type];
}

/** "an epic", "a story". */
function withArticle(type: ItemType): string {
  const name = itemTypeName(type);
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

/** The parent types an item of this type may have; empty: it takes none. */
export function allowedParentTypes(type: ItemType): readonly ItemType[] {
  switch (type) {
    case ItemType.ITEM_TYPE_STORY:
    case ItemType.ITEM_TYPE_TASK:
    case ItemType.ITEM_TYPE_BUG:
      return [ItemType.ITEM_TYPE_EPIC];
    case ItemType.ITEM_TYPE_SUBTASK:
      return [ItemType.ITEM_TYPE_STORY, ItemType.ITEM_TYPE_TASK, ItemType.ITEM_TYPE_BUG];
    default:
      return [];
  }
}

/**
 * docs/PROTOCOL.md §6: an epic has no parent; stories, tasks and bugs may sit
 * under an epic; a sub-task must sit under a story, task or bug.
 * `parentType` null means no parent.
 */
export function checkParent(type: ItemType, parentType: ItemType | null): void {
  const allowed = allowedParentTypes(type);
  if (parentType === null) {
    if (type === ItemType.ITEM_TYPE_SUBTASK) {
      throw failedPrecondition('A sub-task needs a story, task or bug as its parent', 'parent_id');
    }
    return;
  }
  if (!allowed.includes(parentType)) {
    const what = allowed.length ? allowed.map(withArticle).join(' or ') : 'no parent';
    throw failedPrecondition(
      `${capitalize(withArticle(type))} cannot sit under ${withArticle(parentType)}: it takes ${what}`,
      'parent_id',
    );
  }
}

/** Changing an item's type must keep its children valid. */
export function checkChildren(type: ItemType, childTypes: readonly ItemType[]): void {
  for (const child of childTypes) {
    if (!allowedParentTypes(child).includes(type)) {
      throw failedPrecondition(
        `${capitalize(withArticle(type))} cannot have ${itemTypeName(child)} children; move them first`,
        'item_type',
      );
    }
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
