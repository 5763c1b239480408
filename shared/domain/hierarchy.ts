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

// A project's own types (v18). Their items are tasks (item_type TASK) that
// name the type: they sit where a task sits (under an epic or under
// nothing), and hold sub-tasks only when the type can be a parent.

/** An item's type as the hierarchy sees it: a built-in type, and the project's own type when it has one. */
export interface HierarchyType {
  type: ItemType;
  custom?: { name: string; canBeParent: boolean } | null;
}

const LABELS: Record<ItemType, string> = {
  [ItemType.ITEM_TYPE_UNSPECIFIED]: 'Item',
  [ItemType.ITEM_TYPE_EPIC]: 'Epic',
  [ItemType.ITEM_TYPE_STORY]: 'Story',
  [ItemType.ITEM_TYPE_TASK]: 'Task',
  [ItemType.ITEM_TYPE_BUG]: 'Bug',
  [ItemType.ITEM_TYPE_SUBTASK]: 'Sub-task',
};

/** ITYPE-7: an item's type as people read it: the project's own type's name ("Risk"), else the built-in one ("Sub-task"). */
export function typeLabel(type: ItemType, customName?: string | null): string {
  return customName || (LABELS[type] ?? 'Item');
}

/** "a Risk", "an epic": built-in names in lower case, as sentences say them; a project's own as its admin wrote it. */
function named(t: HierarchyType): string {
  const name = t.custom ? t.custom.name : itemTypeName(t.type);
  return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
}

/** Whether items of this type may hold sub-tasks. */
export function canHoldSubtasks(t: HierarchyType): boolean {
  return t.custom ? t.custom.canBeParent : allowedParentTypes(ItemType.ITEM_TYPE_SUBTASK).includes(t.type);
}

/**
 * ITYPE-8: checkParent for types a project may add. An item of the project's
 * own type sits under an epic or under nothing; under one, only a sub-task,
 * and only when the type can be a parent ("A Risk cannot hold sub-tasks").
 * Built-in types on both sides: checkParent's rules and words.
 */
export function checkPlacement(item: HierarchyType, parent: HierarchyType | null): void {
  if (!item.custom && !parent?.custom) {
    checkParent(item.type, parent && parent.type);
    return;
  }
  if (parent === null) {
    checkParent(item.type, null);
    return;
  }
  if (parent.custom) {
    if (item.type === ItemType.ITEM_TYPE_SUBTASK && !item.custom) {
      if (!parent.custom.canBeParent) throw failedPrecondition(`${capitalize(named(parent))} cannot hold sub-tasks`, 'parent_id');
      return;
    }
    const takes = item.type === ItemType.ITEM_TYPE_SUBTASK && !item.custom ? 'a story, task or bug' : 'an epic or no parent';
    throw failedPrecondition(`${capitalize(named(item))} cannot sit under ${named(parent)}: it takes ${takes}`, 'parent_id');
  }
  // The item is of the project's own type, its parent built-in: where a task may sit.
  if (parent.type !== ItemType.ITEM_TYPE_EPIC) {
    throw failedPrecondition(`${capitalize(named(item))} cannot sit under ${named(parent)}: it takes an epic or no parent`, 'parent_id');
  }
}

/** ITYPE-9: checkChildren for types a project may add: what an item holds must fit the type it becomes. */
export function checkHeldChildren(item: HierarchyType, childTypes: readonly ItemType[]): void {
  if (!item.custom) {
    checkChildren(item.type, childTypes);
    return;
  }
  const other = childTypes.find((c) => c !== ItemType.ITEM_TYPE_SUBTASK);
  if (other !== undefined) {
    throw failedPrecondition(`${capitalize(named(item))} cannot have ${itemTypeName(other)} children; move them first`, 'item_type');
  }
  if (childTypes.length > 0 && !item.custom.canBeParent) {
    throw failedPrecondition(`${capitalize(named(item))} cannot hold sub-tasks; move them first`, 'custom_type_id');
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
