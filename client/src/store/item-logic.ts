// The detail panel's pure rules, with no Solid and no DOM: an edit is a patch
// of the fields a person changed (null = cleared); it becomes one
// update_work_item (proto3 optional fields plus `clear`), an optimistic
// overlay on the card, and, on CONFLICT, the rows of the conflict dialog
// (their value beside yours for each field you changed).
import type { ItemType, IWorkItem, Priority } from '../../../shared/proto.ts';
import type { Command } from '../../../shared/sdk/commands.ts';

export interface ItemPatch {
  title?: string;
  description?: string;
  itemType?: ItemType;
  parentId?: string | null;
  statusId?: string;
  priority?: Priority;
  storyPoints?: number | null;
  assigneeId?: string | null;
  labels?: string[];
}

export type PatchField = keyof ItemPatch;

export const PATCH_FIELDS: readonly PatchField[] = [
  'title',
  'description',
  'itemType',
  'parentId',
  'statusId',
  'priority',
  'storyPoints',
  'assigneeId',
  'labels',
];

export const FIELD_LABELS: Record<PatchField, string> = {
  title: 'Title',
  description: 'Description',
  itemType: 'Type',
  parentId: 'Parent',
  statusId: 'Status',
  priority: 'Priority',
  storyPoints: 'Story points',
  assigneeId: 'Assignee',
  labels: 'Labels',
};

/** The fields a patch really carries (undefined means "not changed"). */
export function patchFields(patch: ItemPatch): PatchField[] {
  return PATCH_FIELDS.filter((f) => patch[f] !== undefined);
}

/** An item's value for one patch field, in the patch's terms (null = none). */
export function valueOf(item: IWorkItem, field: PatchField): ItemPatch[PatchField] {
  switch (field) {
    case 'title':
      return item.title ?? '';
    case 'description':
      return item.description ?? '';
    case 'itemType':
      return (item.itemType ?? 0) as ItemType;
    case 'parentId':
      return item.parentId || null;
    case 'statusId':
      return item.statusId ?? '';
    case 'priority':
      return (item.priority ?? 0) as Priority;
    case 'storyPoints':
      return item.hasStoryPoints ? Number(item.storyPoints ?? 0) : null;
    case 'assigneeId':
      return item.assigneeId || null;
    case 'labels':
      return [...(item.labels ?? [])].sort();
  }
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
  return (a ?? null) === (b ?? null);
}

/** Drops the fields whose value the item already has: nothing to send for them. */
export function effectivePatch(item: IWorkItem, patch: ItemPatch): ItemPatch {
  const out: ItemPatch = {};
  for (const f of patchFields(patch)) if (!sameValue(valueOf(item, f), patch[f])) (out as Record<string, unknown>)[f] = patch[f];
  return out;
}

const CLEAR_NAMES: Partial<Record<PatchField, string>> = {
  parentId: 'parent_id',
  storyPoints: 'story_points',
  assigneeId: 'assignee_id',
  labels: 'labels',
};

/** One update_work_item for a patch, against `expectedVersion`. */
export function updateCommand(itemId: string, expectedVersion: number, patch: ItemPatch): Command {
  const cmd: Record<string, unknown> = { workItemId: itemId, expectedVersion };
  const clear: string[] = [];
  for (const f of patchFields(patch)) {
    const v = patch[f];
    if (v === null) {
      clear.push(CLEAR_NAMES[f]!);
    } else if (f === 'labels') {
      cmd['labels'] = v;
      cmd['setLabels'] = true;
    } else {
      cmd[f] = v;
    }
  }
  if (clear.length) cmd['clear'] = clear;
  return { updateWorkItem: cmd } as Command;
}

/** The card as it will look once the patch is applied (the optimistic overlay). */
export function patchToCard(patch: ItemPatch): Partial<IWorkItem> {
  const out: Partial<IWorkItem> = {};
  for (const f of patchFields(patch)) {
    const v = patch[f];
    switch (f) {
      case 'storyPoints':
        out.storyPoints = (v as number | null) ?? 0;
        out.hasStoryPoints = v !== null;
        break;
      case 'parentId':
      case 'assigneeId':
        out[f] = (v as string | null) ?? '';
        break;
      default:
        (out as Record<string, unknown>)[f] = v;
    }
  }
  return out;
}

export interface ConflictRow {
  field: PatchField;
  theirs: ItemPatch[PatchField];
  yours: ItemPatch[PatchField];
  /** Their value already equals yours: nothing to choose, but shown so nothing is hidden. */
  same: boolean;
}

/** One row per field the person changed: their (server) value beside yours. */
export function conflictRows(patch: ItemPatch, theirs: IWorkItem): ConflictRow[] {
  return patchFields(patch).map((field) => {
    const t = valueOf(theirs, field);
    return { field, theirs: t, yours: patch[field], same: sameValue(t, patch[field]) };
  });
}

export type Choice = 'theirs' | 'yours';

/** What to resend after a merge: the fields where the person chose theirs stay out; chosen-yours fields that still differ go in. */
export function mergedPatch(patch: ItemPatch, theirs: IWorkItem, choices: Partial<Record<PatchField, Choice>>): ItemPatch {
  const out: ItemPatch = {};
  for (const f of patchFields(patch)) {
    if ((choices[f] ?? 'yours') !== 'yours') continue;
    if (sameValue(valueOf(theirs, f), patch[f])) continue;
    (out as Record<string, unknown>)[f] = patch[f];
  }
  return out;
}

/** "a, b, c" → sorted unique labels. */
export function parseLabels(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))].sort();
}
