// A project's own item types (docs/PROTOCOL.md §6, v18), beside the built-in
// ones. Pure, so the client checks a draft in the server's own words.
//
// An item of such a type is a task on the wire (item_type TASK, naming the
// type in custom_type_id): a peer that knows no custom types still sees a
// task, under an epic or under nothing. The hierarchy for these types lives
// in hierarchy.ts.
import { invalidArgument } from './errors.ts';
import { checkText } from './validation.ts';

/** docs/PROTOCOL.md §6 and §17: the bounds set_item_types checks first. */
export const ITEM_TYPE_LIMITS = {
  typesMax: 20,
  nameMax: 30,
  iconMax: 8,
} as const;

/** What people call the built-in types: a project's own type may not take one of these names. */
export const BUILT_IN_TYPE_WORDS: readonly string[] = ['Epic', 'Story', 'Task', 'Bug', 'Sub-task'];

// "Subtask" and "sub task" read as the built-in sub-task too.
const BUILT_IN_FOLDED = new Set([...BUILT_IN_TYPE_WORDS.map((w) => w.toLowerCase()), 'subtask', 'sub task']);

/** A type as it is (shaped like CustomItemType, every member set). */
export interface ItemTypeDef {
  id: string;
  name: string;
  icon: string;
  /** #rrggbb, lower case. */
  colour: string;
  canBeParent: boolean;
  position: number;
}

/** One type as set_item_types names it: an id keeps a type, none adds one. Shaped like CustomItemTypeSpec. */
export interface ItemTypeSpecInput {
  id?: string | null;
  name?: string | null;
  icon?: string | null;
  colour?: string | null;
  canBeParent?: boolean | null;
}

export interface ItemTypeChange {
  before: ItemTypeDef;
  after: ItemTypeDef;
}

export interface ItemTypePlan {
  /** The types after the change, in order (position = index); `id` is '' for an added one. */
  types: ItemTypeDef[];
  added: ItemTypeDef[];
  /** Kept types whose name, icon, colour, can_be_parent or position changes. */
  changed: ItemTypeChange[];
  /** Types left out. */
  removed: ItemTypeDef[];
}

const codePoints = (s: string) => [...s].length;
const COLOUR = /^#[0-9a-f]{6}$/i;
const SPACE_INSIDE = /\s/;

// Errors name the repeated field (`item_types`), as the parser's do: a
// client shows them on the list, not on one entry of it.

/** ITYPE-1: a name is trimmed, 1-30 characters, and no built-in type's. */
export function checkTypeName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalidArgument('item_types', 'An item type needs a name');
  if (trimmed.length > ITEM_TYPE_LIMITS.nameMax * 2 || codePoints(trimmed) > ITEM_TYPE_LIMITS.nameMax) {
    throw invalidArgument('item_types', `An item type's name is at most ${ITEM_TYPE_LIMITS.nameMax} characters`);
  }
  checkText(trimmed, 'item_types', `The type name '${trimmed}'`, true);
  if (BUILT_IN_FOLDED.has(trimmed.toLowerCase().replace(/\s+/g, ' '))) {
    throw invalidArgument('item_types', `${trimmed} is a built-in type: choose another name`);
  }
  return trimmed;
}

/** ITYPE-2: an icon is one emoji or short symbol: 1-8 characters, no spaces inside. */
export function checkTypeIcon(icon: string, name: string): string {
  const trimmed = icon.trim();
  if (!trimmed) throw invalidArgument('item_types', `${name} needs an icon (an emoji or a short symbol)`);
  if (trimmed.length > ITEM_TYPE_LIMITS.iconMax * 2 || codePoints(trimmed) > ITEM_TYPE_LIMITS.iconMax || SPACE_INSIDE.test(trimmed)) {
    throw invalidArgument('item_types', `${name}'s icon is one emoji or a symbol of at most ${ITEM_TYPE_LIMITS.iconMax} characters`);
  }
  return checkText(trimmed, 'item_types', `${name}'s icon`, true);
}

/** ITYPE-3: a colour is #rrggbb, stored lower case (so the same colour compares the same). */
export function checkTypeColour(colour: string, name: string): string {
  const trimmed = colour.trim();
  if (!COLOUR.test(trimmed)) throw invalidArgument('item_types', `${name}'s colour must be written #rrggbb, like #dc2626`);
  return trimmed.toLowerCase();
}

const sameDef = (a: ItemTypeDef, b: ItemTypeDef) =>
  a.name === b.name && a.icon === b.icon && a.colour === b.colour && a.canBeParent === b.canBeParent && a.position === b.position;

/**
 * ITYPE-4: checks a set_item_types against the types as they are and says
 * what it does: at most 20 types, names unique (case aside), a kept type
 * named once. Whether a removal or a change fits the items is the caller's to
 * check (it needs the store). Throws INVALID_ARGUMENT naming `item_types`.
 */
export function planItemTypes(current: readonly ItemTypeDef[], specs: readonly ItemTypeSpecInput[]): ItemTypePlan {
  if (specs.length > ITEM_TYPE_LIMITS.typesMax) {
    throw invalidArgument('item_types', `A project has at most ${ITEM_TYPE_LIMITS.typesMax} item types of its own`);
  }
  const byId = new Map(current.map((t) => [t.id, t]));
  const names = new Set<string>();
  const kept = new Set<string>();
  const plan: ItemTypePlan = { types: [], added: [], changed: [], removed: [] };

  specs.forEach((spec, position) => {
    const id = spec.id ?? '';
    const before = id ? byId.get(id) : undefined;
    if (id && !before) throw invalidArgument('item_types', 'A type to keep must be one of the project\'s current item types');
    if (id && kept.has(id)) throw invalidArgument('item_types', `${before!.name} is listed twice`);
    if (id) kept.add(id);
    const name = checkTypeName(spec.name ?? '');
    const folded = name.toLowerCase();
    if (names.has(folded)) throw invalidArgument('item_types', `Two item types are named ${name}`);
    names.add(folded);
    const type: ItemTypeDef = {
      id,
      name,
      icon: checkTypeIcon(spec.icon ?? '', name),
      colour: checkTypeColour(spec.colour ?? '', name),
      canBeParent: spec.canBeParent === true,
      position,
    };
    plan.types.push(type);
    if (!before) plan.added.push(type);
    else if (!sameDef(before, type)) plan.changed.push({ before, after: type });
  });
  plan.removed = current.filter((t) => !kept.has(t.id));
  return plan;
}

/** Whether the plan leaves the types as they are. */
export function itemTypesChangeNothing(plan: ItemTypePlan): boolean {
  return plan.added.length === 0 && plan.changed.length === 0 && plan.removed.length === 0;
}

/** Kept types that stop being parents: their items' sub-tasks would be left under a type that cannot hold them. */
export function stopsBeingParent(plan: ItemTypePlan): ItemTypeDef[] {
  return plan.changed.filter((c) => c.before.canBeParent && !c.after.canBeParent).map((c) => c.before);
}

/** "Risks", "Dependencies": a type's name as a sentence counts its items. */
export function pluralTypeName(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

/** ITYPE-5: removing a type refused while live items are of it: "3 items are Risks: change their type first". */
export function typeInUseMessage(type: Pick<ItemTypeDef, 'name'>, liveItems: number): string {
  return liveItems === 1
    ? `1 item is a ${type.name}: change its type first`
    : `${liveItems} items are ${pluralTypeName(type.name)}: change their type first`;
}

/** ITYPE-6: a type stops being a parent while its items hold sub-tasks: refused, naming how many hold some. */
export function holdsSubtasksMessage(type: Pick<ItemTypeDef, 'name'>, holders: number): string {
  const who = holders === 1 ? `1 ${type.name} holds` : `${holders} ${pluralTypeName(type.name)} hold`;
  return `${who} sub-tasks: move them before ${pluralTypeName(type.name)} stop being parents`;
}

/**
 * How a type reads in the project's history, e.g. "Risk (⚠️ #dc2626)" or
 * "Action (✅ #16a34a, holds sub-tasks)".
 */
export function typeText(type: ItemTypeDef): string {
  return `${type.name} (${type.icon} ${type.colour}${type.canBeParent ? ', holds sub-tasks' : ''})`;
}

/**
 * The history row's values for a set_item_types: the names in order
 * ("Risk, Issue"); when the names read the same before and after, each type
 * with its icon, colour and whether it holds sub-tasks. Null for none.
 */
export function itemTypesText(before: readonly ItemTypeDef[], after: readonly ItemTypeDef[]): { old: string | null; new: string | null } {
  const names = (types: readonly ItemTypeDef[]) => (types.length === 0 ? null : types.map((t) => t.name).join(', '));
  const plain = { old: names(before), new: names(after) };
  if (plain.old !== plain.new) return plain;
  return { old: before.map(typeText).join(', '), new: after.map(typeText).join(', ') };
}
