// A project's own item types (v18) as the client reads them, and the Settings
// page's editor of them as a draft: the types in order as the person is
// changing them (added, renamed, an icon, a colour, whether they may hold
// sub-tasks, reordered, removed), beside the server's types the draft was
// made from. Someone else's save (seen live, or the current project a
// CONFLICT brings) is rebased under the draft field by field, so what the
// person typed stays. The draft is checked by the server's own rules
// (shared/domain/item-types.ts) and becomes one set_item_types.
// Pure: no Solid, no DOM.
import { checkTypeColour, checkTypeIcon, checkTypeName, planItemTypes, type ItemTypeDef } from '../../../../shared/domain/item-types.ts';
import type { ICustomItemType, IProject, IWorkItem } from '../../../../shared/proto.ts';
import type { Command } from '../../../../shared/protocol/commands.ts';
import { dropRow, missingRows, moveRow, replaceRow, restoreRow } from './draft-rows.ts';

export type { ItemTypeDef } from '../../../../shared/domain/item-types.ts';

export function typeDefOf(type: ICustomItemType): ItemTypeDef {
  return {
    id: type.id ?? '',
    name: type.name ?? '',
    icon: type.icon ?? '',
    colour: type.colour ?? '',
    canBeParent: Boolean(type.canBeParent),
    position: Number(type.position ?? 0),
  };
}

/** The project's own types, in the order pickers list them. */
export function itemTypesOf(project: IProject | null | undefined): ItemTypeDef[] {
  return (project?.itemTypes ?? []).map(typeDefOf).sort((a, b) => a.position - b.position);
}

/** The project's own type of an item; null for a built-in type, or one the project no longer has. */
export function customTypeOf(item: Pick<IWorkItem, 'customTypeId'>, project: IProject | null | undefined): ItemTypeDef | null {
  const id = item.customTypeId ?? '';
  if (!id) return null;
  const found = project?.itemTypes?.find((t) => t.id === id);
  return found ? typeDefOf(found) : null;
}

export interface DraftType {
  /** The row's own key: the type id, or a local one for a type not saved yet. */
  key: string;
  /** '' for a new type. */
  id: string;
  name: string;
  icon: string;
  colour: string;
  canBeParent: boolean;
}

export interface ItemTypesDraft {
  types: readonly DraftType[];
  /** The server's types the draft was made from or last rebased on, in order. */
  base: readonly DraftType[];
}

type Editable = Pick<DraftType, 'name' | 'icon' | 'colour' | 'canBeParent'>;
const FIELDS = ['name', 'icon', 'colour', 'canBeParent'] as const satisfies readonly (keyof Editable)[];

/** What a new type starts with: a neutral slate the admin can change. */
export const NEW_TYPE_COLOUR = '#64748b';
export const NEW_TYPE_ICON = '◆';

const rowOf = (t: ItemTypeDef): DraftType => ({ key: t.id, id: t.id, name: t.name, icon: t.icon, colour: t.colour, canBeParent: t.canBeParent });

/** The types as the server has them, nothing changed yet. */
export function draftOf(types: readonly ItemTypeDef[]): ItemTypesDraft {
  const base = [...types].sort((a, b) => a.position - b.position).map(rowOf);
  return { types: base, base };
}

const sameRow = (a: DraftType, b: DraftType) => a.id === b.id && FIELDS.every((f) => a[f] === b[f]);

/** Whether saving would change anything. */
export function isChanged(draft: ItemTypesDraft): boolean {
  return draft.types.length !== draft.base.length || draft.types.some((t, i) => !sameRow(t, draft.base[i]!));
}

/** A new type, last. `key` is a local key, unique in the draft. */
export function addType(draft: ItemTypesDraft, key: string, name: string, icon = NEW_TYPE_ICON, colour = NEW_TYPE_COLOUR): ItemTypesDraft {
  return { ...draft, types: [...draft.types, { key, id: '', name: name.trim(), icon, colour, canBeParent: false }] };
}

/** Renames, re-icons, recolours or changes one row; the same draft when nothing changes. */
export function updateType(draft: ItemTypesDraft, key: string, fields: Partial<Editable>): ItemTypesDraft {
  return withTypes(draft, replaceRow(draft.types, key, (row) => ({ ...row, ...fields }), sameRow));
}

/** One place up (-1) or down (+1); the same draft at either end. */
export function moveType(draft: ItemTypesDraft, key: string, by: -1 | 1): ItemTypesDraft {
  return withTypes(draft, moveRow(draft.types, key, by));
}

/** Takes a row out (a saved one goes when the draft is saved; the server refuses while items are of it). */
export function removeType(draft: ItemTypesDraft, key: string): ItemTypesDraft {
  return withTypes(draft, dropRow(draft.types, key));
}

/** Saved types the draft leaves out: they go when it is saved. */
export function removedTypes(draft: ItemTypesDraft): DraftType[] {
  return missingRows(draft.types, draft.base);
}

/** Takes a removal back: the type returns as the server has it, after the nearest type before it there that stays (or first). */
export function keepType(draft: ItemTypesDraft, id: string): ItemTypesDraft {
  return withTypes(draft, restoreRow(draft.types, draft.base, id));
}

function withTypes(draft: ItemTypesDraft, types: readonly DraftType[]): ItemTypesDraft {
  return types === draft.types ? draft : { ...draft, types };
}

/**
 * The draft over a newer server list (someone else saved; a CONFLICT's
 * current project). Fields the person changed keep their value, the rest
 * take the server's; a type someone else added joins after the one it
 * follows there; one someone else removed leaves the draft; one the person
 * removed stays removed. New local rows keep their place.
 */
export function rebaseDraft(draft: ItemTypesDraft, server: readonly ItemTypeDef[]): ItemTypesDraft {
  const next = draftOf(server).base;
  const serverById = new Map(next.map((t) => [t.id, t]));
  const baseById = new Map(draft.base.map((t) => [t.id, t]));
  const removedHere = new Set(removedTypes(draft).map((t) => t.id));
  const types: DraftType[] = draft.types.flatMap((row) => {
    if (!row.id) return [row];
    const theirs = serverById.get(row.id);
    if (!theirs) return [];
    const base = baseById.get(row.id);
    const out = { ...row };
    for (const f of FIELDS) if (!base || row[f] === base[f]) (out as Record<string, unknown>)[f] = theirs[f];
    return [out];
  });
  const known = new Set([...draft.base.map((t) => t.id), ...types.map((t) => t.id)]);
  for (const t of next) {
    if (known.has(t.id) || removedHere.has(t.id)) continue;
    const before = next
      .slice(0, next.indexOf(t))
      .reverse()
      .find((p) => types.some((r) => r.id === p.id));
    types.splice(before ? types.findIndex((r) => r.id === before.id) + 1 : types.length, 0, t);
  }
  return { types, base: next };
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
function broken(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (e) {
    return sentence(e instanceof Error ? e.message : String(e));
  }
}

const specsOf = (draft: ItemTypesDraft) =>
  draft.types.map((t) => ({ id: t.id, name: t.name.trim(), icon: t.icon.trim(), colour: t.colour.trim().toLowerCase(), canBeParent: t.canBeParent }));

/**
 * What would stop the server taking the draft, in its own words (the rules
 * of shared/domain/item-types.ts, which set_item_types applies); empty when
 * it can be saved. Every row's problems at once, then the whole list's.
 * Whether a removed type still has items is the server's to say (the editor
 * shows the count beside it).
 */
export function draftProblems(draft: ItemTypesDraft): string[] {
  const problems: (string | null)[] = [];
  const seen = new Set<string>();
  for (const t of draft.types) {
    const nameProblem = broken(() => checkTypeName(t.name));
    problems.push(nameProblem);
    const name = t.name.trim() || 'The new type';
    if (!nameProblem) {
      if (seen.has(name.toLowerCase())) problems.push(`Two item types are named ${name}.`);
      seen.add(name.toLowerCase());
    }
    problems.push(broken(() => checkTypeIcon(t.icon, name)));
    problems.push(broken(() => checkTypeColour(t.colour, name)));
  }
  const found = [...new Set(problems.filter((p): p is string => p !== null))];
  if (found.length > 0) return found;
  const current: ItemTypeDef[] = draft.base.map((t, position) => ({ ...t, position }));
  const whole = broken(() => planItemTypes(current, specsOf(draft)));
  return whole ? [whole] : [];
}

/** The draft as the one set_item_types that saves it, against the project's version. */
export function setItemTypesCommand(draft: ItemTypesDraft, projectId: string, expectedVersion: number): Command {
  return {
    setItemTypes: {
      projectId,
      expectedVersion,
      itemTypes: specsOf(draft),
    },
  };
}
