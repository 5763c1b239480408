// The RAID log template (docs/PROTOCOL.md §6, v18): what "New project → RAID
// log" starts a project with, as data, and the pure reading of a risk's score
// that the RAID view and the per-project SQL view share.
//
// A risk's probability and impact are read from the project's fields named
// "Probability" and "Impact" (case aside), wherever they came from: an admin
// who renames one takes it out of the score (and the heat map) on purpose,
// and one who adds such fields to any project gets the score there too. No
// hidden marker: what counts is what the settings page shows.
import { CustomFieldKind, StatusCategory, type ICustomFieldValue } from '../proto.ts';
import type { CustomFieldDef } from './custom-fields.ts';
import type { ItemTypeDef } from './item-types.ts';
import type { StatusTemplate } from './workflow.ts';

/** A type of the template: an ItemTypeDef without an id yet. */
export type TemplateType = Omit<ItemTypeDef, 'id' | 'position'>;

/** A field of the template; `itemTypes` names the template's types by name (ids are made when the project is). */
export interface TemplateField {
  name: string;
  kind: CustomFieldKind;
  options: readonly string[];
  itemTypes: readonly string[];
  required: boolean;
}

export interface ProjectTemplateData {
  types: readonly TemplateType[];
  fields: readonly TemplateField[];
  workflow: readonly StatusTemplate[];
}

export const PROBABILITY_FIELD = 'Probability';
export const IMPACT_FIELD = 'Impact';
/** The per-project SQL view's computed column (storage/custom-fields.ts). */
export const SCORE_COLUMN = 'Score';

/** RAID-1: 1 (rare / negligible) to 5 (almost certain / severe). */
export const SCALE: readonly string[] = ['1', '2', '3', '4', '5'];

const { CUSTOM_FIELD_KIND_TEXT: TEXT, CUSTOM_FIELD_KIND_DATE: DATE, CUSTOM_FIELD_KIND_SINGLE_SELECT: SELECT, CUSTOM_FIELD_KIND_PERSON: PERSON } =
  CustomFieldKind;

/** RAID-1: the RAID log: five types, their fields, and a workflow that suits a log rather than a sprint. */
export const RAID_LOG: ProjectTemplateData = {
  types: [
    { name: 'Risk', icon: '⚠️', colour: '#dc2626', canBeParent: false },
    { name: 'Assumption', icon: '💭', colour: '#7c3aed', canBeParent: false },
    { name: 'Issue', icon: '🔥', colour: '#ea580c', canBeParent: false },
    { name: 'Dependency', icon: '🔗', colour: '#2563eb', canBeParent: false },
    { name: 'Action', icon: '✅', colour: '#16a34a', canBeParent: false },
  ],
  fields: [
    { name: PROBABILITY_FIELD, kind: SELECT, options: SCALE, itemTypes: ['Risk'], required: true },
    { name: IMPACT_FIELD, kind: SELECT, options: SCALE, itemTypes: ['Risk'], required: true },
    { name: 'Mitigation', kind: TEXT, options: [], itemTypes: ['Risk'], required: false },
    { name: 'Owner', kind: PERSON, options: [], itemTypes: ['Risk', 'Action'], required: false },
    { name: 'Review date', kind: DATE, options: [], itemTypes: ['Risk'], required: false },
    { name: 'Severity', kind: SELECT, options: ['Low', 'Medium', 'High', 'Critical'], itemTypes: ['Issue'], required: false },
    { name: 'Resolution', kind: TEXT, options: [], itemTypes: ['Issue'], required: false },
    { name: 'On whom', kind: TEXT, options: [], itemTypes: ['Dependency'], required: false },
    { name: 'Needed by', kind: DATE, options: [], itemTypes: ['Dependency'], required: false },
  ],
  workflow: [
    { name: 'Open', category: StatusCategory.STATUS_CATEGORY_UNSTARTED },
    { name: 'Monitoring', category: StatusCategory.STATUS_CATEGORY_STARTED },
    { name: 'Mitigated', category: StatusCategory.STATUS_CATEGORY_COMPLETED },
    { name: 'Closed', category: StatusCategory.STATUS_CATEGORY_COMPLETED },
  ],
};

/**
 * RAID-2: the template's fields as definitions, their item types turned from
 * type names into the ids the project's new types got. A name the template
 * does not have is a bug in the template: it throws.
 */
export function templateFields(template: ProjectTemplateData, typeIds: ReadonlyMap<string, string>): CustomFieldDef[] {
  return template.fields.map((f, position) => ({
    id: '',
    name: f.name,
    kind: f.kind,
    options: [...f.options],
    itemTypes: f.itemTypes.map((name) => {
      const id = typeIds.get(name);
      if (id === undefined) throw new Error(`template field ${f.name} names no type of the template: ${name}`);
      return id;
    }),
    required: f.required,
    position,
  }));
}

/** RAID-3: a risk's score, probability × impact, each 1-5: 1-25. Null when either is missing or off the scale. */
export function riskScore(probability: number | null, impact: number | null): number | null {
  if (probability === null || impact === null) return null;
  if (!onScale(probability) || !onScale(impact)) return null;
  return probability * impact;
}

const onScale = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;

type ScoreField = Pick<CustomFieldDef, 'id' | 'name' | 'kind'>;

/** A field that can carry a 1-5 value: a select of digits, or a number. */
const scalar = (f: ScoreField) =>
  f.kind === CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT || f.kind === CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER;

/**
 * RAID-4: the project's Probability and Impact fields (by name, case aside;
 * a single select or a number), or null when it lacks either.
 */
export function scoreFields<F extends ScoreField>(fields: readonly F[]): { probability: F; impact: F } | null {
  const find = (name: string) => fields.find((f) => f.name.toLowerCase() === name.toLowerCase() && scalar(f));
  const probability = find(PROBABILITY_FIELD);
  const impact = find(IMPACT_FIELD);
  return probability && impact ? { probability, impact } : null;
}

function scaleValue(value: ICustomFieldValue | undefined): number | null {
  if (!value) return null;
  const raw = value.options && value.options.length > 0 ? Number(value.options[0]) : value.number;
  return raw === null || raw === undefined || !onScale(raw) ? null : raw;
}

export interface RiskRating {
  probability: number;
  impact: number;
  score: number;
}

/**
 * RAID-4: an item's probability, impact and score from its custom field
 * values, given the project's fields. Null when the project has no such
 * fields or the item lacks either value.
 */
export function riskRating(values: readonly ICustomFieldValue[], fields: readonly ScoreField[]): RiskRating | null {
  const found = scoreFields(fields);
  if (!found) return null;
  const probability = scaleValue(values.find((v) => v.fieldId === found.probability.id));
  const impact = scaleValue(values.find((v) => v.fieldId === found.impact.id));
  const score = riskScore(probability, impact);
  return score === null ? null : { probability: probability!, impact: impact!, score };
}

/** RAID-5: the 5x5 heat map: cells[probability - 1][impact - 1] holds the ids of the items rated so, in the order given. */
export function heatMap(
  items: readonly { id?: string | null; customFields?: readonly ICustomFieldValue[] | null }[],
  fields: readonly ScoreField[],
): string[][][] {
  const cells = SCALE.map(() => SCALE.map(() => [] as string[]));
  if (!scoreFields(fields)) return cells;
  for (const item of items) {
    const rating = riskRating(item.customFields ?? [], fields);
    if (rating && item.id) cells[rating.probability - 1]![rating.impact - 1]!.push(item.id);
  }
  return cells;
}
