// A sprint edit as the fields that changed, checked in plain words before it
// is sent (the server checks again).
import { LIMITS } from '../../../../shared/domain/validation.ts';
import type { ISprint } from '../../../../shared/proto.ts';

export interface SprintFields {
  name: string;
  goal: string;
  /** YYYY-MM-DD or '' (no date). */
  startDate: string;
  endDate: string;
}

export type SprintField = keyof SprintFields;

export const SPRINT_FIELDS: readonly SprintField[] = ['name', 'goal', 'startDate', 'endDate'];

export const SPRINT_FIELD_LABELS: Record<SprintField, string> = { name: 'Name', goal: 'Goal', startDate: 'Start date', endDate: 'End date' };

export const sprintFields = (s: ISprint): SprintFields => ({
  name: s.name ?? '',
  goal: s.goal ?? '',
  startDate: s.startDate ?? '',
  endDate: s.endDate ?? '',
});

/** The fields of `wanted` that differ from the sprint as `base` has it: what update_sprint carries. */
export function sprintPatch(base: ISprint, wanted: SprintFields): Partial<SprintFields> {
  const have = sprintFields(base);
  const out: Partial<SprintFields> = {};
  for (const f of SPRINT_FIELDS) if (wanted[f] !== have[f]) out[f] = wanted[f];
  return out;
}

const isDate = (value: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value;
};

/** The first thing wrong with a sprint's fields, in words a person can act on; null when it may be sent. */
export function sprintProblem(fields: SprintFields): { field: SprintField; message: string } | null {
  if (!fields.name.trim()) return { field: 'name', message: 'Give the sprint a name.' };
  if (fields.name.trim().length > LIMITS.sprintNameMax) return { field: 'name', message: `Keep the name to ${LIMITS.sprintNameMax} characters or fewer.` };
  if (fields.goal.length > LIMITS.sprintGoalMax) return { field: 'goal', message: `Keep the goal to ${LIMITS.sprintGoalMax} characters or fewer.` };
  if (fields.startDate && !isDate(fields.startDate)) return { field: 'startDate', message: 'The start date is not a real date.' };
  if (fields.endDate && !isDate(fields.endDate)) return { field: 'endDate', message: 'The end date is not a real date.' };
  if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) return { field: 'endDate', message: 'The sprint cannot end before it starts.' };
  return null;
}

/** The server names fields the wire's way (start_date); the form names them its own way. */
export function sprintFieldOfWire(field: string): SprintField | null {
  const byWire: Record<string, SprintField> = { name: 'name', goal: 'goal', start_date: 'startDate', end_date: 'endDate' };
  return byWire[field] ?? null;
}
