// An update the server refused with CONFLICT, and how the person settles it:
// for each field they changed, the server's value beside theirs; what is
// resent is only the fields where they keep their own and it still differs.
import { sameCustomValue } from '../../../../shared/domain/custom-fields.ts';
import type { ICustomFieldValue, IWorkItem } from '../../../../shared/proto.ts';
import { effectiveValues, valueIn } from './custom-values.ts';
import { patchFields, pickFields, sameValue, valueOf, type ItemPatch, type PatchField, type PatchValue } from './item-patch.ts';

/** Waiting for the person to choose (the conflict dialog). */
export interface Conflict {
  /** The refused write's message id. */
  id: string;
  itemId: string;
  itemKey: string;
  /** The fields this person changed, with their values. */
  patch: ItemPatch;
  /** Or the custom field values they set (an empty entry: cleared); a write carries one or the other. */
  values?: ICustomFieldValue[];
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

export interface ValueConflictRow {
  fieldId: string;
  theirs: ICustomFieldValue | null;
  /** null: the person cleared it. */
  yours: ICustomFieldValue | null;
  same: boolean;
}

const orNone = (v: ICustomFieldValue) => (effectiveValues({ customFields: [] }, [v]).length === 0 ? null : v);

/** One row per custom field the person set, their (server) value beside yours. */
export function valueConflictRows(values: readonly ICustomFieldValue[], theirs: IWorkItem): ValueConflictRow[] {
  return values.map((v) => {
    const fieldId = v.fieldId ?? '';
    const t = valueIn(theirs, fieldId);
    const yours = orNone(v);
    return { fieldId, theirs: t, yours, same: sameCustomValue(t, yours) };
  });
}

/** The values to resend: those where the person keeps theirs and it still differs from the server's. */
export function mergedValues(values: readonly ICustomFieldValue[], theirs: IWorkItem, choices: Partial<Record<string, Choice>>): ICustomFieldValue[] {
  return values.filter((v) => (choices[v.fieldId ?? ''] ?? 'yours') === 'yours' && effectiveValues(theirs, [v]).length > 0);
}
