// The RAID page's model (raid-view.ts): which projects have it, the table
// grouped by type with owners and ratings, sorting by score, and the 5x5 heat
// map of open risks with score bands in words. No Solid, no DOM.
import { describe, expect, it } from 'vitest';
import { RAID_LOG } from '../../../../shared/domain/raid-log.ts';
import { CustomFieldKind, ItemType, StatusCategory, type ICustomFieldValue, type IProject, type IWorkflowStatus } from '../../../../shared/proto.ts';
import { toCard, type Card } from './items.ts';
import { localId } from './local-ids.ts';
import { hasRaidView, raidGroups, raidHeatMap, raidTypesOf, scoreBand, sortRows, type RaidRow } from './raid-view.ts';

const { CUSTOM_FIELD_KIND_SINGLE_SELECT: SELECT, CUSTOM_FIELD_KIND_PERSON: PERSON, CUSTOM_FIELD_KIND_NUMBER: NUMBER } = CustomFieldKind;
const typeId = (name: string) => `t-${name.toLowerCase()}`;

/** A project as the RAID template makes it (types listed out of order on purpose), plus a type of its own. */
const project = (): IProject => ({
  id: 'p1',
  itemTypes: [
    ...[...RAID_LOG.types].reverse().map((t, i) => ({ id: typeId(t.name), name: t.name, icon: t.icon, colour: t.colour, position: 4 - i })),
    { id: 't-decision', name: 'Decision', icon: '⚖', colour: '#000000', position: 5 },
  ],
  customFields: [
    { id: 'f-p', name: 'Probability', kind: SELECT, options: ['1', '2', '3', '4', '5'], itemTypes: ['t-risk'], required: true, position: 0 },
    { id: 'f-i', name: 'Impact', kind: SELECT, options: ['1', '2', '3', '4', '5'], itemTypes: ['t-risk'], required: true, position: 1 },
    { id: 'f-o', name: 'Owner', kind: PERSON, itemTypes: ['t-risk', 't-action'], position: 2 },
  ],
});
const statuses: IWorkflowStatus[] = [
  { id: 's-open', name: 'Open', category: StatusCategory.STATUS_CATEGORY_UNSTARTED, position: 0 },
  { id: 's-mon', name: 'Monitoring', category: StatusCategory.STATUS_CATEGORY_STARTED, position: 1 },
  { id: 's-closed', name: 'Closed', category: StatusCategory.STATUS_CATEGORY_COMPLETED, position: 2 },
];
const members = [
  { userId: 'u-ada', displayName: 'Ada Lovelace' },
  { userId: 'u-bob', displayName: 'Bob Babbage' },
];
const rated = (p: number | null, i: number | null, owner = ''): ICustomFieldValue[] => [
  ...(p ? [{ fieldId: 'f-p', options: [String(p)] }] : []),
  ...(i ? [{ fieldId: 'f-i', options: [String(i)] }] : []),
  ...(owner ? [{ fieldId: 'f-o', userId: owner }] : []),
];
let n = 0;
const item = (type: string, fields: Partial<Card> = {}): Card =>
  toCard({
    id: `i${++n}`,
    number: n,
    key: `R-${n}`,
    title: `Item ${n}`,
    itemType: ItemType.ITEM_TYPE_TASK,
    customTypeId: type ? typeId(type) : '',
    statusId: 's-open',
    rank: String(n),
    ...fields,
  });

describe('RAID view', () => {
  it("RAIDUI-1 a project has the RAID page when it has a type named Risk and Probability and Impact fields; its RAID types in the template's order, case aside", () => {
    expect(raidTypesOf(project()).map((t) => t.name)).toEqual(['Risk', 'Assumption', 'Issue', 'Dependency', 'Action']);
    expect(hasRaidView(project())).toBe(true);
    expect(hasRaidView({ ...project(), customFields: project().customFields!.filter((f) => f.name !== 'Impact') })).toBe(false);
    expect(hasRaidView({ ...project(), itemTypes: project().itemTypes!.filter((t) => t.name !== 'Risk') })).toBe(false);
    expect(hasRaidView({ ...project(), itemTypes: [{ id: 't-risk', name: ' risk ', icon: '!', colour: '#000000' }] })).toBe(true);
    expect(hasRaidView(null)).toBe(false);
    expect(hasRaidView({ id: 'p2' })).toBe(false);
  });

  it('RAIDUI-2 the table groups items by RAID type, empty groups kept; each row has its key, title, status and owner (the Owner field, else the assignee); only risks are rated', () => {
    n = 0;
    const items = [
      item('Risk', { customFields: rated(4, 5, 'u-bob'), assigneeId: 'u-ada' }),
      item('Action', { assigneeId: 'u-ada', statusId: 's-mon' }),
      item('Issue', { assigneeId: 'u-gone' }),
      item('', { title: 'A plain task' }),
      item('Decision'),
      item('Risk', { customFields: rated(2, null), statusId: 's-closed' }),
      toCard({ ...item('Risk'), id: localId('m1') }),
    ];
    const groups = raidGroups({ items, project: project(), statuses, members }, 'key');
    expect(groups.map((g) => [g.heading, g.rated, g.rows.map((r) => r.key)])).toEqual([
      ['Risks', true, ['R-1', 'R-6']],
      ['Assumptions', false, []],
      ['Issues', false, ['R-3']],
      ['Dependencies', false, []],
      ['Actions', false, ['R-2']],
    ]);
    const [risk1, risk6] = groups[0]!.rows;
    expect(risk1).toEqual({ id: 'i1', key: 'R-1', number: 1, title: 'Item 1', status: 'Open', finished: false, owner: 'Bob Babbage', rating: { probability: 4, impact: 5, score: 20 } });
    expect(risk6).toMatchObject({ status: 'Closed', finished: true, owner: '', rating: null });
    expect(groups[2]!.rows[0]).toMatchObject({ owner: 'Someone no longer in the project', rating: null });
    expect(groups[4]!.rows[0]).toMatchObject({ owner: 'Ada Lovelace', status: 'Monitoring' });
  });

  it('RAIDUI-3 sorting by score: highest or lowest first, unrated rows last either way, ties by key; by key the order raised', () => {
    const row = (number: number, score: number | null): RaidRow => ({
      id: `i${number}`,
      key: `R-${number}`,
      number,
      title: '',
      status: '',
      finished: false,
      owner: '',
      rating: score === null ? null : { probability: 1, impact: score, score },
    });
    const rows = [row(1, 4), row(2, null), row(3, 20), row(4, 4), row(5, 9)];
    const keys = (rs: RaidRow[]) => rs.map((r) => r.number);
    expect(keys(sortRows(rows, 'score-desc'))).toEqual([3, 5, 1, 4, 2]);
    expect(keys(sortRows(rows, 'score-asc'))).toEqual([1, 4, 5, 3, 2]);
    expect(keys(sortRows([...rows].reverse(), 'key'))).toEqual([1, 2, 3, 4, 5]);

    n = 0;
    const items = [item('Risk', { customFields: rated(1, 2) }), item('Risk', { customFields: rated(5, 5) }), item('Risk'), item('Issue')];
    const groups = raidGroups({ items, project: project(), statuses, members }, 'score-desc');
    expect(groups[0]!.rows.map((r) => r.key)).toEqual(['R-2', 'R-1', 'R-3']);
    // Groups without scores keep the order raised.
    expect(groups[2]!.rows.map((r) => r.key)).toEqual(['R-4']);
  });

  it('RAIDUI-4 the heat map: probability 5 on top to 1, impact 1 to 5 along each row; open risks in their cell by key; closed, unrated and other types left off; bands in words', () => {
    n = 0;
    const items = [
      item('Risk', { customFields: rated(4, 5) }),
      item('Risk', { customFields: rated(4, 5) }),
      item('Risk', { customFields: rated(1, 1) }),
      item('Risk', { customFields: rated(4, 5), statusId: 's-closed' }),
      item('Risk', { customFields: rated(3, null) }),
      item('Issue', { customFields: rated(4, 5) }),
    ];
    const map = raidHeatMap({ items: [...items].reverse(), project: project(), statuses });
    expect(map.rows.map((r) => r[0]!.probability)).toEqual([5, 4, 3, 2, 1]);
    expect(map.rows[0]!.map((c) => c.impact)).toEqual([1, 2, 3, 4, 5]);
    const cell = map.rows[1]![4]!;
    expect(cell).toMatchObject({ probability: 4, impact: 5, score: 20, band: 'critical', bandLabel: 'Critical' });
    expect(cell.risks.map((r) => r.key)).toEqual(['R-1', 'R-2']);
    expect(map.rows[4]![0]!.risks.map((r) => r.key)).toEqual(['R-3']);
    expect(map.rows.flat().reduce((k, c) => k + c.risks.length, 0)).toBe(3);
    expect(map.unrated).toBe(1);
    expect([map.probabilityName, map.impactName]).toEqual(['Probability', 'Impact']);
    expect([1, 4, 5, 9, 10, 16, 20, 25].map((s) => scoreBand(s).band)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });

  it('RAIDUI-5 a number field rates too; without the fields the map is empty and nothing is rated', () => {
    n = 0;
    const numbers: IProject = {
      ...project(),
      customFields: [
        { id: 'f-p', name: 'probability', kind: NUMBER, itemTypes: ['t-risk'], position: 0 },
        { id: 'f-i', name: 'IMPACT', kind: NUMBER, itemTypes: ['t-risk'], position: 1 },
      ],
    };
    const risk = item('Risk', { customFields: [{ fieldId: 'f-p', number: 2 }, { fieldId: 'f-i', number: 3 }] });
    expect(raidHeatMap({ items: [risk], project: numbers, statuses }).rows[3]![2]!.risks.map((r) => r.key)).toEqual(['R-1']);
    const bare: IProject = { ...project(), customFields: [] };
    expect(raidHeatMap({ items: [risk], project: bare, statuses }).rows.flat().every((c) => c.risks.length === 0)).toBe(true);
    expect(raidGroups({ items: [risk], project: bare, statuses, members }, 'score-desc')[0]).toMatchObject({ rated: false, rows: [{ rating: null }] });
  });
});
