// Issue 15 part 5 (docs/PROTOCOL.md §6, v18): "New project → RAID log".
// create_project with the RAID_LOG template makes the project with its five
// types, their fields and a log's workflow, in one transaction and one event;
// a risk's score reads from SQL. The pure template and score rules are in
// shared/domain/raid-log.test.ts (RAID-1 to 5).
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustomFieldKind, ErrorCode, ItemType, ProjectTemplate, Role, StatusCategory, type IProject } from '../../shared/proto.ts';
import { compiledRefusal, refusalOf } from '../src/mcp/query-guard.ts';
import { useTwoPeople } from './support/two-people.ts';

const { CUSTOM_FIELD_KIND_SINGLE_SELECT: SELECT, CUSTOM_FIELD_KIND_TEXT: TEXT, CUSTOM_FIELD_KIND_DATE: DATE, CUSTOM_FIELD_KIND_PERSON: PERSON } =
  CustomFieldKind;

const world = useTwoPeople();

function readFile<T>(query: (db: Database.Database) => T): T {
  const file = new Database(join(world.srv.dataDir, world.ada.tenantId, 'main.db'), { readonly: true });
  try {
    return query(file);
  } finally {
    file.close();
  }
}

const raid = (key: string, messageId?: string) =>
  world.adaSocket.request({ createProject: { key, name: `RAID ${key}`, template: ProjectTemplate.PROJECT_TEMPLATE_RAID_LOG } }, messageId);

/** A RAID project of Ada's that Bob edits and watches. */
async function raidProject(key: string): Promise<{ p: IProject; t: Record<string, string>; f: Record<string, string> }> {
  const created = (await raid(key)).result!.project!;
  await world.adaSocket.ok({ addMember: { projectId: created.id, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });
  await world.bobSocket.ok({ subscribe: { projects: [{ projectId: created.id }] } });
  const p = (await world.adaSocket.ok({ getBoard: { projectId: created.id } })).board!.project!;
  return {
    p,
    t: Object.fromEntries(p.itemTypes!.map((x) => [x.name, x.id])) as Record<string, string>,
    f: Object.fromEntries(p.customFields!.map((x) => [x.name, x.id])) as Record<string, string>,
  };
}

describe('RAID log template', () => {
  it('RAID-10 create_project with RAID_LOG makes the five types, their fields and the Open, Monitoring, Mitigated, Closed workflow; one event, one history row', async () => {
    const reply = await raid('RDA');
    const p = reply.result!.project!;
    expect(p.itemTypes!.map((x) => [x.name, x.icon, x.colour, x.canBeParent, x.position])).toEqual([
      ['Risk', '⚠️', '#dc2626', false, 0],
      ['Assumption', '💭', '#7c3aed', false, 1],
      ['Issue', '🔥', '#ea580c', false, 2],
      ['Dependency', '🔗', '#2563eb', false, 3],
      ['Action', '✅', '#16a34a', false, 4],
    ]);
    const typeName = new Map(p.itemTypes!.map((x) => [x.id, x.name]));
    expect(p.customFields!.map((x) => [x.name, x.kind, x.options, x.itemTypes!.map((id) => typeName.get(id)), x.required])).toEqual([
      ['Probability', SELECT, ['1', '2', '3', '4', '5'], ['Risk'], true],
      ['Impact', SELECT, ['1', '2', '3', '4', '5'], ['Risk'], true],
      ['Mitigation', TEXT, [], ['Risk'], false],
      ['Owner', PERSON, [], ['Risk', 'Action'], false],
      ['Review date', DATE, [], ['Risk'], false],
      ['Severity', SELECT, ['Low', 'Medium', 'High', 'Critical'], ['Issue'], false],
      ['Resolution', TEXT, [], ['Issue'], false],
      ['On whom', TEXT, [], ['Dependency'], false],
      ['Needed by', DATE, [], ['Dependency'], false],
    ]);
    expect(p.statuses!.map((s) => [s.name, s.category])).toEqual([
      ['Open', StatusCategory.STATUS_CATEGORY_UNSTARTED],
      ['Monitoring', StatusCategory.STATUS_CATEGORY_STARTED],
      ['Mitigated', StatusCategory.STATUS_CATEGORY_COMPLETED],
      ['Closed', StatusCategory.STATUS_CATEGORY_COMPLETED],
    ]);
    expect(Number(p.version)).toBe(1);
    expect(readFile((db) => db.prepare('SELECT field FROM pm_activity WHERE project_id = ?').pluck().all(p.id))).toEqual(['created']);
    expect(Number(reply.result!.seq)).toBe(1);
    // Without a template: the default workflow, nothing else.
    const plain = (await world.adaSocket.ok({ createProject: { key: 'RDB', name: 'Plain' } })).project!;
    expect(plain.statuses!.map((s) => s.name)).toEqual(['Backlog', 'To Do', 'In Progress', 'In Review', 'Done']);
    expect(plain.itemTypes).toEqual([]);
    expect(plain.customFields).toEqual([]);
  });

  it('RAID-11 a resend of the creation gets the same project; an unknown template is refused and makes nothing', async () => {
    const messageId = randomUUID();
    const first = await raid('RDC', messageId);
    const again = await raid('RDC', messageId);
    expect(again.result).toEqual(first.result);
    expect(readFile((db) => db.prepare("SELECT count(*) FROM pm_item_types t JOIN pm_projects p ON p.id = t.project_id WHERE p.key = 'RDC'").pluck().get())).toBe(5);
    const unknown = await world.adaSocket.request({ createProject: { key: 'RDD', name: 'Odd', template: 7 as ProjectTemplate } });
    expect(unknown.error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'template' });
    expect(readFile((db) => db.prepare("SELECT count(*) FROM pm_projects WHERE key = 'RDD'").pluck().get())).toBe(0);
  });

  it('RAID-12 a Risk needs its probability and impact; one with 4 and 5 round-trips, Bob sees it live, and SQL readers get its score', async () => {
    const { p, t, f } = await raidProject('RDE');
    const refused = await world.bobSocket.request({ createWorkItem: { projectId: p.id, customTypeId: t['Risk'], title: 'Vendor folds', customFields: [{ fieldId: f['Impact'], options: ['5'] }] } });
    expect(refused.error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'custom_fields', message: 'Probability is required' });

    const from = world.adaSocket.events.length;
    await world.adaSocket.ok({ subscribe: { projects: [{ projectId: p.id }] } });
    const made = await world.bobSocket.ok({
      createWorkItem: {
        projectId: p.id, customTypeId: t['Risk'], title: 'Vendor folds',
        customFields: [
          { fieldId: f['Probability'], options: ['4'] }, { fieldId: f['Impact'], options: ['5'] },
          { fieldId: f['Mitigation'], text: 'Second vendor' }, { fieldId: f['Owner'], userId: world.bob.user.id },
        ],
      },
    });
    const risk = made.workItem!;
    expect(risk).toMatchObject({ itemType: ItemType.ITEM_TYPE_TASK, customTypeId: t['Risk'], statusId: p.statuses![0]!.id });
    const event = await world.adaSocket.waitForEvent((e) => e.workItem?.workItem?.id === risk.id && e.seq === made.seq);
    expect(event.workItem!.workItem!.customTypeId).toBe(t['Risk']);
    expect(world.adaSocket.events.slice(from).filter((e) => e.workItem?.workItem?.id === risk.id)).toHaveLength(1);
    const got = (await world.adaSocket.ok({ getWorkItem: { workItemId: risk.id } })).workItem!;
    expect(got.customFields!.map((v) => [v.fieldId, v.options?.[0] || v.text || v.userId])).toEqual([
      [f['Probability'], '4'], [f['Impact'], '5'], [f['Mitigation'], 'Second vendor'], [f['Owner'], world.bob.user.id],
    ]);
    // An Issue is not a Risk: no probability asked for.
    await world.bobSocket.ok({ createWorkItem: { projectId: p.id, customTypeId: t['Issue'], title: 'Build broken', customFields: [{ fieldId: f['Severity'], options: ['High'] }] } });

    const sql = 'SELECT key, item_type, "Probability", "Impact", "Score", "Owner" FROM pm_custom_values_rde WHERE is_deleted = 0 ORDER BY "Score" DESC';
    expect(refusalOf(sql)).toBeNull();
    expect(readFile((db) => compiledRefusal(db.prepare(sql)))).toBeNull();
    expect(readFile((db) => db.prepare(sql).all())).toEqual([
      { key: 'RDE-1', item_type: 'Risk', Probability: '4', Impact: '5', Score: 20, Owner: 'Bob' },
      { key: 'RDE-2', item_type: 'Issue', Probability: null, Impact: null, Score: null, Owner: null },
    ]);
    const scoreDoc = readFile((db) => db.prepare("SELECT description FROM pm_schema_docs WHERE table_name = 'pm_custom_values_rde' AND column_name = 'Score'").pluck().get());
    expect(scoreDoc).toMatch(/^Computed, not stored: Probability × Impact/);
    expect(readFile((db) => db.prepare("SELECT item_type_name FROM pm_work_items_readable WHERE key = 'RDE-1'").pluck().get())).toBe('Risk');
    // The export names the type as people do.
    const exported = await (await fetch(`${world.srv.http}/api/projects/RDE/export.json`, { headers: { authorization: `Bearer ${world.ada.token}` } })).json() as
      { items: Array<{ key: string; type: string }> };
    expect(exported.items.map((i) => [i.key, i.type])).toEqual([['RDE-1', 'Risk'], ['RDE-2', 'Issue']]);
  });

  it('RAID-13 a second client of a RAID project hears of changes to its types and fields, and the types stay usable like any project\'s', async () => {
    const { p, t } = await raidProject('RDF');
    const types = p.itemTypes!.map((x) => ({ id: x.id!, name: x.name!, icon: x.icon!, colour: x.colour!, canBeParent: x.name === 'Action' }));
    const reply = (await world.adaSocket.ok({ setItemTypes: { projectId: p.id, expectedVersion: p.version, itemTypes: types } }));
    const event = await world.bobSocket.waitForEvent((e) => e.project?.project?.id === p.id && e.seq === reply.seq);
    expect(event.project!.project!.itemTypes!.find((x) => x.id === t['Action'])!.canBeParent).toBe(true);
    // Removing Risk is refused: fields name it.
    const noRisk = await world.adaSocket.request({ setItemTypes: { projectId: p.id, expectedVersion: reply.project!.version, itemTypes: types.slice(1) } });
    expect(noRisk.error?.message).toMatch(/^Probability applies to Risks/);
  });
});
