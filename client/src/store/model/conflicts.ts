// An update the server refused with CONFLICT, and how the person settles it:
// for each field they changed, the server's value beside theirs; what is
// resent is only the fields where they keep their own and it still differs.
import type { IWorkItem } from '../../../../shared/proto.ts';
import { patchFields, pickFields, sameValue, valueOf, type ItemPatch, type PatchField, type PatchValue } from './item-patch.ts';

/** Waiting for the person to choose (the conflict dialog). */
export interface Conflict {
  /** The refused write's message id. */
  id: string;
  itemId: string;
  itemKey: string;
  /** The fields this person changed, with their values. */
  patch: ItemPatch;
  /** The item as the server has it now (error.workItem). */
  theirs: IWorkItem;
}

export interface ConflictRow {
  field: PatchField;
  theirs: PatchValue;
  yours: PatchValue;
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
  return pickFields(patch, (f) => (choices[f] ?? 'yours') === 'yours' && !sameValue(valueOf(theirs, f), patch[f]));
}
