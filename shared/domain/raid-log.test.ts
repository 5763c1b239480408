// The RAID log template (docs/PROTOCOL.md §6, v18), as data, and the pure
// reading of a risk's score and the heat map. The server's side is
// server/test/raid-log.test.ts (RAID-10 on).
import { describe, expect, it } from 'vitest';
import { CustomFieldKind, StatusCategory, type ICustomFieldValue } from '../proto.ts';
import { planCustomFields } from './custom-fields.ts';
import { planItemTypes } from './item-types.ts';
import { heatMap, RAID_LOG, riskRating, riskScore, scoreFields, templateFields } from './raid-log.ts';
import { planWorkflow } from './workflow.ts';

const { CUSTOM_FIELD_KIND_SINGLE_SELECT: SELECT, CUSTOM_FIELD_KIND_NUMBER: NUMBER, CUSTOM_FIELD_KIND_TEXT: TEXT } = CustomFieldKind;

describe('RAID log template', () => {
  it('RAID-1 five types, nine fields and a log\'s workflow, each one the rules of set_item_types and set_custom_fields accept', () => {
    expect(RAID_LOG.types.map((t) => [t.name, t.icon, t.colour, t.canBeParent])).toEqual([
      ['Risk', '⚠️', '#dc2626', false],
      ['Assumption', '💭', '#7c3aed', false],
      ['Issue', '🔥', '#ea580c', false],
      ['Dependency', '🔗', '#2563eb', false],
      ['Action', '✅', '#16a34a', false],
    ]);
    expect(RAID_LOG.workflow).toEqual([
      { name: 'Open', category: StatusCategory.STATUS_CATEGORY_UNSTARTED },
      { name: 'Monitoring', category: StatusCategory.STATUS_CATEGORY_STARTED },
      { name: 'Mitigated', category: StatusCategory.STATUS_CATEGORY_COMPLETED },
      { name: 'Closed', category: StatusCategory.STATUS_CATEGORY_COMPLETED },
    ]);
    // The template could have been typed in by an admin: the commands' own rules accept it.
    const types = planItemTypes([], RAID_LOG.types).types.map((t, i) => ({ ...t, id: `t${i}` }));
    const ids = new Map(types.map((t) => [t.name, t.id]));
    const fields = templateFields(RAID_LOG, ids);
    const plan = planCustomFields([], fields.map(({ id: _, position: __, ...spec }) => spec), types);
    expect(plan.fields.map((f) => [f.name, f.kind, f.options, f.itemTypes.map((id) => types.find((t) => t.id === id)!.name), f.required])).toEqual([
      ['Probability', SELECT, ['1', '2', '3', '4', '5'], ['Risk'], true],
      ['Impact', SELECT, ['1', '2', '3', '4', '5'], ['Risk'], true],
      ['Mitigation', TEXT, [], ['Risk'], false],
      ['Owner', CustomFieldKind.CUSTOM_FIELD_KIND_PERSON, [], ['Risk', 'Action'], false],
      ['Review date', CustomFieldKind.CUSTOM_FIELD_KIND_DATE, [], ['Risk'], false],
      ['Severity', SELECT, ['Low', 'Medium', 'High', 'Critical'], ['Issue'], false],
      ['Resolution', TEXT, [], ['Issue'], false],
      ['On whom', TEXT, [], ['Dependency'], false],
      ['Needed by', CustomFieldKind.CUSTOM_FIELD_KIND_DATE, [], ['Dependency'], false],
    ]);
    expect(() => planWorkflow([], RAID_LOG.workflow.map((s) => ({ name: s.name, category: s.category })), [])).not.toThrow();
  });

  it('RAID-2 a template field naming no type of the template is a bug: it throws', () => {
    expect(() => templateFields(RAID_LOG, new Map([['Risk', 'r']]))).toThrow(/names no type of the template/);
  });

  it('RAID-3 a score is probability × impact, 1-25; none when either is missing or off the scale', () => {
    expect(riskScore(4, 5)).toBe(20);
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(5, 5)).toBe(25);
    expect(riskScore(null, 3)).toBeNull();
    expect(riskScore(0, 3)).toBeNull();
    expect(riskScore(6, 3)).toBeNull();
    expect(riskScore(2.5, 2)).toBeNull();
  });

  const fields = [
    { id: 'p', name: 'Probability', kind: SELECT },
    { id: 'i', name: 'Impact', kind: SELECT },
    { id: 'm', name: 'Mitigation', kind: TEXT },
  ];
  const rated = (id: string, p: string, i: string) => ({
    id, customFields: [{ fieldId: 'p', options: [p] }, { fieldId: 'i', options: [i] }] as ICustomFieldValue[],
  });

  it('RAID-4 an item\'s rating is read from the project\'s fields named Probability and Impact (case aside; a select or a number); a renamed one stops counting', () => {
    expect(riskRating(rated('a', '4', '5').customFields, fields)).toEqual({ probability: 4, impact: 5, score: 20 });
    expect(riskRating([{ fieldId: 'p', options: ['4'] }], fields)).toBeNull();
    const numbers = [{ id: 'p', name: 'probability', kind: NUMBER }, { id: 'i', name: 'IMPACT', kind: NUMBER }];
    expect(riskRating([{ fieldId: 'p', number: 2 }, { fieldId: 'i', number: 3 }], numbers)).toEqual({ probability: 2, impact: 3, score: 6 });
    expect(riskRating([{ fieldId: 'p', number: 7 }, { fieldId: 'i', number: 3 }], numbers)).toBeNull();
    expect(scoreFields([{ ...fields[0]!, name: 'Likelihood' }, fields[1]!])).toBeNull();
    expect(scoreFields([{ ...fields[0]!, kind: TEXT }, fields[1]!])).toBeNull();
  });

  it('RAID-5 the heat map puts each rated item in its (probability, impact) cell of a 5x5 grid, in the order given; unrated items nowhere', () => {
    const map = heatMap([rated('a', '4', '5'), rated('b', '1', '1'), { id: 'c', customFields: [] }, rated('d', '4', '5')], fields);
    expect(map).toHaveLength(5);
    for (const row of map) expect(row).toHaveLength(5);
    expect(map[3]![4]).toEqual(['a', 'd']);
    expect(map[0]![0]).toEqual(['b']);
    expect(map.flat().flat()).toHaveLength(3);
    expect(heatMap([rated('a', '4', '5')], fields.slice(1)).flat().flat()).toEqual([]);
  });
});
