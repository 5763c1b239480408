// Issue 15 part 4 (docs/PROTOCOL.md §6, v17): custom fields. A project's admin
// sets its whole list of fields (set_custom_fields); editors give items
// values through create_work_item and update_work_item, version-checked and
// in the history; every open board sees both live; the export and SQL
// readers of the file see the values as columns. The pure rules are in
// shared/domain/custom-fields.test.ts (CF-1 to CF-8).
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CustomFieldKind, ErrorCode, ItemType, Role, type ICustomFieldValue, type IProject, type IWorkItem,
} from '../../shared/proto.ts';
import { compiledRefusal, refusalOf } from '../src/mcp/query-guard.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { useTwoPeople } from './support/two-people.ts';
import { TestClient } from './support/ws-client.ts';

const { CUSTOM_FIELD_KIND_TEXT: TEXT, CUSTOM_FIELD_KIND_NUMBER: NUMBER, CUSTOM_FIELD_KIND_DATE: DATE,
  CUSTOM_FIELD_KIND_SINGLE_SELECT: SINGLE, CUSTOM_FIELD_KIND_MULTI_SELECT: MULTI, CUSTOM_FIELD_KIND_PERSON: PERSON } = CustomFieldKind;
const { ITEM_TYPE_TASK: TASK, ITEM_TYPE_BUG: BUG, ITEM_TYPE_STORY: STORY } = ItemType;
const INVALID = ErrorCode.ERROR_CODE_INVALID_ARGUMENT;

const world = useTwoPeople();
let cat: Session;
let zed: Session;

beforeAll(async () => {
  cat = await invite(world.srv.http, world.ada, 'Cat');
  zed = await signup(world.srv.http, 'Zed');
  // Cat and Zed have used a workspace: Cat this one (without joining the projects), Zed only his own.
  (await TestClient.connect(world.srv.ws, cat.token)).close();
  (await TestClient.connect(world.srv.ws, zed.token)).close();
});

type Spec = { id?: string; name: string; kind: CustomFieldKind; options?: string[]; itemTypes?: string[]; required?: boolean };

/** A project of Ada's (ADMIN) that Bob edits (EDITOR) and watches live. */
async function project(key: string): Promise<IProject> {
  const created = (await world.adaSocket.ok({ createProject: { key, name: `Project ${key}` } })).project!;
  await world.adaSocket.ok({ addMember: { projectId: created.id, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });
  await world.bobSocket.ok({ subscribe: { projects: [{ projectId: created.id }] } });
  return (await world.adaSocket.ok({ getBoard: { projectId: created.id } })).board!.project!;
}

const setFields = (p: IProject, fields: Spec[], socket = world.adaSocket, messageId?: string) =>
  socket.request({ setCustomFields: { projectId: p.id, expectedVersion: p.version, fields } }, messageId);

async function withFields(key: string, fields: Spec[]): Promise<{ p: IProject; f: Record<string, string> }> {
  const p = (await setFields(await project(key), fields)).result!.project!;
  return { p, f: Object.fromEntries(p.customFields!.map((x) => [x.name, x.id])) as Record<string, string> };
}

/** The fields most tests use: a required single select for bugs, and one of every other kind for all. */
const STANDARD: Spec[] = [
  { name: 'Severity', kind: SINGLE, options: ['Low', 'Medium', 'High'], itemTypes: ['BUG'], required: true },
  { name: 'Notes', kind: TEXT },
  { name: 'Cost', kind: NUMBER },
  { name: 'Launch', kind: DATE },
  { name: 'Areas', kind: MULTI, options: ['UI', 'API', 'DB'] },
  { name: 'Reviewer', kind: PERSON },
];

const specsOf = (p: IProject): Spec[] =>
  p.customFields!.map((x) => ({ id: x.id!, name: x.name!, kind: x.kind!, options: x.options!, itemTypes: x.itemTypes!, required: !!x.required }));

const board = async (projectId: string, omitDescriptions = false) => (await world.adaSocket.ok({ getBoard: { projectId, omitDescriptions } })).board!;

/** Values as a reader compares them: by field name, the member of its kind. */
function valuesByName(item: IWorkItem, f: Record<string, string>): Record<string, unknown> {
  const nameOf = new Map(Object.entries(f).map(([name, id]) => [id, name]));
  return Object.fromEntries((item.customFields ?? []).map((v) => [
    nameOf.get(v.fieldId!) ?? v.fieldId,
    v.text || (v.number !== null && v.number !== undefined ? v.number : undefined) || v.date || (v.options?.length ? v.options : undefined) || v.userId || v.number,
  ]));
}

function readFile<T>(query: (db: Database.Database) => T): T {
  const file = new Database(join(world.srv.dataDir, world.ada.tenantId, 'main.db'), { readonly: true });
  try {
    return query(file);
  } finally {
    file.close();
  }
}

const activity = (entityId: string) =>
  readFile((db) => db.prepare('SELECT field, old_value, new_value, event_seq FROM pm_activity WHERE entity_id = ? ORDER BY id').all(entityId)) as
    Array<{ field: string; old_value: string | null; new_value: string | null; event_seq: number }>;

describe('set_custom_fields', () => {
  it('CF-10 adds a field of each kind, then renames, reorders, changes options, required and item types, and removes one; live on a second board', async () => {
    const p = await project('CFA');
    const from = world.bobSocket.events.length;
    const added = await setFields(p, STANDARD);
    const after = added.result!.project!;
    expect(Number(after.version)).toBe(Number(p.version) + 1);
    expect(after.customFields!.map((x) => [x.name, x.kind, x.options, x.itemTypes, x.required, x.position])).toEqual([
      ['Severity', SINGLE, ['Low', 'Medium', 'High'], ['BUG'], true, 0],
      ['Notes', TEXT, [], [], false, 1],
      ['Cost', NUMBER, [], [], false, 2],
      ['Launch', DATE, [], [], false, 3],
      ['Areas', MULTI, ['UI', 'API', 'DB'], [], false, 4],
      ['Reviewer', PERSON, [], [], false, 5],
    ]);
    for (const x of after.customFields!) expect(x.id).toMatch(/^[0-9a-f-]{36}$/);

    // Bob's board hears of it: the project event, with the fields.
    const event = await world.bobSocket.waitForEvent((e) => e.project?.project?.id === p.id && e.seq === added.result!.seq);
    expect(event.project!.project!.customFields!.map((x) => x.name)).toEqual(STANDARD.map((x) => x.name));
    expect(world.bobSocket.events.slice(from).filter((e) => e.projectId === p.id)).toHaveLength(1);
    expect((await board(p.id!)).project!.customFields).toEqual(after.customFields);

    // Renamed, moved first, an option added, no longer required, for bugs and tasks; Launch removed.
    const [severity, notes, cost, , areas, reviewer] = specsOf(after);
    const changed = (await setFields(after, [
      { ...notes!, name: 'Remarks' },
      { ...severity!, options: ['Low', 'Medium', 'High', 'Critical'], itemTypes: ['TASK', 'BUG'], required: false },
      cost!, areas!, { ...reviewer!, required: true },
    ])).result!.project!;
    expect(changed.customFields!.map((x) => [x.id, x.name, x.options, x.itemTypes, x.required, x.position])).toEqual([
      [notes!.id, 'Remarks', [], [], false, 0],
      [severity!.id, 'Severity', ['Low', 'Medium', 'High', 'Critical'], ['TASK', 'BUG'], false, 1],
      [cost!.id, 'Cost', [], [], false, 2],
      [areas!.id, 'Areas', ['UI', 'API', 'DB'], [], false, 3],
      [reviewer!.id, 'Reviewer', [], [], true, 4],
    ]);
    await world.bobSocket.waitForEvent((e) => e.project?.project?.version === changed.version);

    // The same list again changes nothing: no version, no event.
    const same = (await setFields(changed, specsOf(changed))).result!;
    expect(Number(same.seq)).toBe(0);
    expect(same.project!.version).toBe(changed.version);
  });

  it('CF-11 the history says it: the project\'s custom_fields row names the fields in order, in detail when only a definition changed', async () => {
    const p = await project('CFB');
    const first = (await setFields(p, [{ name: 'Severity', kind: SINGLE, options: ['Low', 'High'] }, { name: 'Notes', kind: TEXT }])).result!;
    const [severity, notes] = specsOf(first.project!);
    const second = (await setFields(first.project!, [{ ...severity!, required: true, itemTypes: ['BUG'] }, notes!])).result!;
    const third = (await setFields(second.project!, [notes!])).result!;
    expect(activity(p.id!).filter((a) => a.field === 'custom_fields')).toEqual([
      { field: 'custom_fields', old_value: null, new_value: 'Severity, Notes', event_seq: Number(first.seq) },
      {
        field: 'custom_fields',
        old_value: 'Severity (single select: Low, High), Notes (text)',
        new_value: 'Severity (single select: Low, High; required; bugs), Notes (text)',
        event_seq: Number(second.seq),
      },
      { field: 'custom_fields', old_value: 'Severity, Notes', new_value: 'Notes', event_seq: Number(third.seq) },
    ]);
  });

  it('CF-12 a resend with the same message id gets the same result and changes nothing more', async () => {
    const p = await project('CFC');
    const messageId = randomUUID();
    const first = await setFields(p, STANDARD, world.adaSocket, messageId);
    const again = await setFields(p, STANDARD, world.adaSocket, messageId);
    expect(first.result).toBeTruthy();
    expect(again.result).toEqual(first.result);
    const b = await board(p.id!);
    expect(Number(b.project!.version)).toBe(Number(p.version) + 1);
    expect(b.project!.customFields).toHaveLength(STANDARD.length);
    expect(activity(p.id!).filter((a) => a.field === 'custom_fields')).toHaveLength(1);
  });

  it('CF-13 refuses a non-admin, a stale version, a kind change and bad definitions; a refusal changes nothing', async () => {
    const { p } = await withFields('CFD', STANDARD);
    const specs = specsOf(p);
    const before = await board(p.id!);

    expect((await setFields(p, [], world.bobSocket)).error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    const stale = (await setFields({ ...p, version: Number(p.version) - 1 }, [])).error!;
    expect(stale).toMatchObject({ code: ErrorCode.ERROR_CODE_CONFLICT, field: 'expected_version' });
    expect(stale.project?.customFields?.map((x) => x.name)).toEqual(STANDARD.map((x) => x.name));

    const invalid = async (fields: Spec[], message: string | RegExp) => {
      const error = (await setFields(p, fields)).error!;
      expect(error).toMatchObject({ code: INVALID, field: 'fields' });
      expect(error.message).toMatch(message);
    };
    await invalid([{ ...specs[1]!, kind: NUMBER }, ...specs.slice(2)], 'Notes is text and stays so: add a new field instead');
    await invalid([{ name: 'Colour', kind: SINGLE, options: ['Red', 'red'] }], "Colour lists 'red' twice");
    await invalid([{ name: 'Colour', kind: SINGLE, options: [] }], 'Colour needs at least one option');
    await invalid([{ name: 'Words', kind: TEXT, options: ['a'] }], 'Only a select has options: Words is text');
    await invalid([{ name: 'Odd', kind: TEXT, itemTypes: ['CHORE'] }], /'CHORE' is no item type/);
    await invalid([{ name: 'notes', kind: TEXT }, { name: 'Notes', kind: TEXT }], 'Two custom fields are named Notes');
    await invalid([{ id: randomUUID(), name: 'Ghost', kind: TEXT }], /current custom fields/);

    const after = await board(p.id!);
    expect(after.project).toEqual(before.project);
    expect(after.seq).toEqual(before.seq);
  });
});

describe('custom field values', () => {
  it('CF-14 values of every kind round-trip through create, update, get_work_item and get_board (cards too); Bob sees each change live', async () => {
    const { p, f } = await withFields('CFE', STANDARD);
    const created = (await world.bobSocket.ok({
      createWorkItem: {
        projectId: p.id, itemType: BUG, title: 'Crash on save',
        customFields: [
          { fieldId: f['Severity'], options: ['High'] },
          { fieldId: f['Notes'], text: '  only on Fridays ' },
          { fieldId: f['Cost'], number: 0 },
          { fieldId: f['Launch'], date: '2025-03-01' },
          { fieldId: f['Areas'], options: ['DB', 'UI'] },
          { fieldId: f['Reviewer'], userId: world.ada.user.id },
        ],
      },
    })).workItem!;
    const expected = { Severity: ['High'], Notes: 'only on Fridays', Cost: 0, Launch: '2025-03-01', Areas: ['UI', 'DB'], Reviewer: world.ada.user.id };
    expect(valuesByName(created, f)).toEqual(expected);
    expect(valuesByName((await world.adaSocket.ok({ getWorkItem: { workItemId: created.id } })).workItem!, f)).toEqual(expected);
    expect(valuesByName((await board(p.id!)).workItems![0]!, f)).toEqual(expected);
    expect(valuesByName((await board(p.id!, true)).workItems![0]!, f)).toEqual(expected);

    // One update sets, changes and clears; one version, one event with the whole list, a history row per field.
    const from = world.adaSocket.events.length;
    await world.adaSocket.ok({ subscribe: { projects: [{ projectId: p.id }] } });
    const reply = await world.bobSocket.ok({
      updateWorkItem: {
        workItemId: created.id, expectedVersion: created.version, title: 'Crash on save (all days)',
        customFields: [{ fieldId: f['Severity'], options: ['Medium'] }, { fieldId: f['Notes'] }, { fieldId: f['Cost'], number: 12.5 }],
      },
    });
    const updated = reply.workItem!;
    expect(Number(updated.version)).toBe(Number(created.version) + 1);
    expect(valuesByName(updated, f)).toEqual({ ...expected, Severity: ['Medium'], Notes: undefined, Cost: 12.5 });
    expect(updated.customFields!.map((v) => v.fieldId)).not.toContain(f['Notes']);
    const event = await world.adaSocket.waitForEvent((e) => e.workItem?.workItem?.id === created.id && e.seq === reply.seq);
    expect(event.workItem!.changedFields).toEqual(['title', 'custom_fields']);
    expect(valuesByName(event.workItem!.workItem!, f)).toEqual(valuesByName(updated, f));
    expect(world.adaSocket.events.slice(from).filter((e) => e.workItem?.workItem?.id === created.id)).toHaveLength(1);

    const history = (await world.bobSocket.ok({ getHistory: { workItemId: created.id } })).history!.entries!;
    const custom = history.filter((h) => h.field!.startsWith('custom:')).map((h) => [h.field, h.oldValue, h.newValue]);
    expect(custom.sort()).toEqual([
      [`custom:${f['Cost']}`, '0', '12.5'],
      [`custom:${f['Notes']}`, 'only on Fridays', ''],
      [`custom:${f['Severity']}`, 'High', 'Medium'],
    ].sort());

    // A person reads by name in the history.
    const again = (await world.bobSocket.ok({ updateWorkItem: { workItemId: created.id, expectedVersion: updated.version, customFields: [{ fieldId: f['Reviewer'], userId: world.bob.user.id }] } })).workItem!;
    expect(activity(created.id!).at(-1)).toMatchObject({ field: `custom:${f['Reviewer']}`, old_value: 'Ada', new_value: 'Bob' });

    // The same values again change nothing.
    const unchanged = await world.bobSocket.ok({ updateWorkItem: { workItemId: created.id, expectedVersion: again.version, customFields: [{ fieldId: f['Cost'], number: 12.5 }] } });
    expect(Number(unchanged.seq)).toBe(0);
    expect(unchanged.workItem!.version).toBe(again.version);
  });

  it('CF-15 refuses a required field left empty or cleared, a wrong kind of value, an option not offered, a person outside the workspace or project, a field not for the type or of another project, and a stale version; each changes nothing', async () => {
    const { p, f } = await withFields('CFF', STANDARD);
    const other = await withFields('CFG', [{ name: 'Elsewhere', kind: TEXT }]);
    const bug = (await world.bobSocket.ok({
      createWorkItem: { projectId: p.id, itemType: BUG, title: 'Bug', customFields: [{ fieldId: f['Severity'], options: ['Low'] }] },
    })).workItem!;
    const before = await board(p.id!);

    const create = async (itemType: ItemType, customFields: ICustomFieldValue[], message: string) => {
      const error = (await world.bobSocket.request({ createWorkItem: { projectId: p.id, itemType, title: 'New', customFields } })).error!;
      expect(error, message).toMatchObject({ code: INVALID, field: 'custom_fields', message });
    };
    const update = async (customFields: ICustomFieldValue[], message: string) => {
      const error = (await world.bobSocket.request({ updateWorkItem: { workItemId: bug.id, expectedVersion: bug.version, customFields } })).error!;
      expect(error, message).toMatchObject({ code: INVALID, field: 'custom_fields', message });
    };
    await create(BUG, [], 'Severity is required');
    await create(BUG, [{ fieldId: f['Severity'] }], 'Severity is required');
    await update([{ fieldId: f['Severity'] }], 'Severity is required');
    await update([{ fieldId: f['Severity'], text: 'High' }], 'Severity is a single select field: it takes no text');
    await update([{ fieldId: f['Cost'], text: '12' }], 'Cost is a number field: it takes no text');
    await update([{ fieldId: f['Launch'], date: '2025-02-30' }], 'Launch must be a date written YYYY-MM-DD');
    await update([{ fieldId: f['Severity'], options: ['Urgent'] }], 'Severity must be one of Low, Medium, High');
    await update([{ fieldId: f['Areas'], options: ['UI', 'Mobile'] }], 'Areas takes only UI, API, DB');
    await update([{ fieldId: f['Reviewer'], userId: zed.user.id }], 'Reviewer must be a person of this workspace');
    await update([{ fieldId: f['Reviewer'], userId: cat.user.id }], 'Reviewer must be a member of the project');
    await create(TASK, [{ fieldId: f['Severity'], options: ['Low'] }], 'Severity is only for bugs');
    await update([{ fieldId: other.f['Elsewhere'], text: 'x' }], "A custom field value must name one of the project's custom fields");
    await update([{ fieldId: f['Notes'], text: 'a' }, { fieldId: f['Notes'], text: 'b' }], 'Notes is given twice');

    const stale = (await world.bobSocket.request({
      updateWorkItem: { workItemId: bug.id, expectedVersion: Number(bug.version) - 1, customFields: [{ fieldId: f['Notes'], text: 'late' }] },
    })).error!;
    expect(stale).toMatchObject({ code: ErrorCode.ERROR_CODE_CONFLICT });
    expect(stale.workItem?.version).toEqual(bug.version);

    const after = await board(p.id!);
    expect(after.workItems).toEqual(before.workItems);
    expect(after.seq).toEqual(before.seq);
  });

  it('CF-16 a field that stops applying, an option taken away and a removed field: refused while live items hold a value, gone from the items once removed; an item that changes type keeps only what still applies', async () => {
    const { p, f } = await withFields('CFH', STANDARD);
    const bugs = [];
    for (const level of ['Low', 'Low', 'High']) {
      bugs.push((await world.bobSocket.ok({
        createWorkItem: { projectId: p.id, itemType: BUG, title: `${level} bug`, customFields: [{ fieldId: f['Severity'], options: [level] }, { fieldId: f['Notes'], text: 'n' }] },
      })).workItem!);
    }
    const specs = specsOf(p);
    const withSeverity = (change: Partial<Spec>) => specs.map((s) => (s.id === f['Severity'] ? { ...s, ...change } : s));

    const noLow = (await setFields(p, withSeverity({ options: ['Medium', 'High'] }))).error!;
    expect(noLow).toMatchObject({ code: INVALID, field: 'fields', message: "2 items hold 'Low' of Severity: choose another value for them first" });
    const forTasks = (await setFields(p, withSeverity({ itemTypes: ['TASK'] }))).error!;
    expect(forTasks.message).toBe('3 items (bugs) have a value of Severity: clear it before Severity stops applying to bugs');

    // An item that becomes a task loses Severity (bugs only) and keeps Notes; the event and history say so.
    const task = (await world.bobSocket.ok({ updateWorkItem: { workItemId: bugs[2]!.id, expectedVersion: bugs[2]!.version, itemType: TASK } })).workItem!;
    expect(valuesByName(task, f)).toEqual({ Notes: 'n' });
    expect(activity(task.id!).slice(-2).map((a) => [a.field, a.old_value, a.new_value])).toEqual([
      ['item_type', 'BUG', 'TASK'], [`custom:${f['Severity']}`, 'High', null],
    ]);

    // Removing Notes takes it off every item; the board and items no longer show it.
    const removed = (await setFields(p, specs.filter((s) => s.id !== f['Notes']))).result!.project!;
    expect(removed.customFields!.map((x) => x.name)).not.toContain('Notes');
    for (const item of (await board(p.id!)).workItems!) expect(item.customFields!.map((v) => v.fieldId)).not.toContain(f['Notes']);
    expect(readFile((db) => db.prepare('SELECT count(*) FROM pm_work_item_field_values WHERE field_id = ?').pluck().get(f['Notes']))).toBe(0);
    // Its row stays, so history can still name it.
    expect(readFile((db) => db.prepare('SELECT name, removed_at_ms IS NOT NULL AS removed FROM pm_custom_fields WHERE id = ?').get(f['Notes'])))
      .toEqual({ name: 'Notes', removed: 1 });

    // Once no live item holds Low, it can go; a deleted item's Low goes with it.
    const [low1, low2] = bugs;
    await world.bobSocket.ok({ updateWorkItem: { workItemId: low1!.id, expectedVersion: Number(low1!.version), customFields: [{ fieldId: f['Severity'], options: ['Medium'] }] } });
    await world.bobSocket.ok({ deleteWorkItem: { workItemId: low2!.id, expectedVersion: low2!.version } });
    const noLowNow = (await setFields(removed, specsOf(removed).map((s) => (s.id === f['Severity'] ? { ...s, options: ['Medium', 'High'] } : s)))).result!;
    expect(noLowNow.project!.customFields!.find((x) => x.id === f['Severity'])!.options).toEqual(['Medium', 'High']);
    const restored = (await world.bobSocket.ok({ restoreWorkItem: { workItemId: low2!.id } })).workItem!;
    expect(restored.customFields!.map((v) => v.fieldId)).not.toContain(f['Severity']);
  });
});

describe('custom fields for readers', () => {
  it('CF-17 the export has a column per field, named by the field (Jira\'s "Custom field (…)" in CSV), values as people read them', async () => {
    const { p, f } = await withFields('CFX', STANDARD);
    await world.bobSocket.ok({
      createWorkItem: {
        projectId: p.id, itemType: BUG, title: 'Exported',
        customFields: [{ fieldId: f['Severity'], options: ['High'] }, { fieldId: f['Cost'], number: 3 }, { fieldId: f['Areas'], options: ['UI', 'API'] }, { fieldId: f['Reviewer'], userId: world.bob.user.id }],
      },
    });
    const get = async (path: string) => (await fetch(world.srv.http + path, { headers: { authorization: `Bearer ${world.ada.token}` } })).text();
    const csv = (await get('/api/projects/CFX/export.csv')).trim().split(/\r?\n/);
    const header = csv[0]!.split(',');
    expect(header.slice(-6)).toEqual(STANDARD.map((s) => `Custom field (${s.name})`));
    expect(csv[1]!.endsWith('High,,3,,"UI, API",Bob')).toBe(true);
    const json = JSON.parse(await get('/api/projects/CFX/export.json')) as { items: Array<{ customFields: unknown }> };
    expect(json.items[0]!.customFields).toEqual({ Severity: 'High', Cost: 3, Areas: ['UI', 'API'], Reviewer: { name: 'Bob', email: world.bob.user.email } });
  });

  it('CF-18 SQL readers get a view per project with a column per field, described in pm_schema_docs; it follows the fields and the key', async () => {
    const { p, f } = await withFields('CFV', [...STANDARD, { name: 'Title', kind: TEXT }]);
    await world.bobSocket.ok({
      createWorkItem: {
        projectId: p.id, itemType: BUG, title: 'Viewed',
        customFields: [{ fieldId: f['Severity'], options: ['Medium'] }, { fieldId: f['Cost'], number: 7 }, { fieldId: f['Areas'], options: ['API', 'DB'] }, { fieldId: f['Reviewer'], userId: world.ada.user.id }, { fieldId: f['Title'], text: 'custom' }],
      },
    });
    const row = readFile((db) => db.prepare('SELECT key, title, "Severity", "Cost", "Areas", "Reviewer", "Launch", "Title (field)" FROM pm_custom_values_cfv WHERE is_deleted = 0').get());
    expect(row).toEqual({ key: 'CFV-1', title: 'Viewed', Severity: 'Medium', Cost: 7, Areas: 'API, DB', Reviewer: 'Ada', Launch: null, 'Title (field)': 'custom' });
    // The MCP query tool's guard lets a reader read it.
    const sql = 'SELECT key, "Severity", "Cost" FROM pm_custom_values_cfv ORDER BY "Cost" DESC';
    expect(refusalOf(sql)).toBeNull();
    expect(readFile((db) => compiledRefusal(db.prepare(sql)))).toBeNull();
    const docs = readFile((db) => db.prepare("SELECT column_name FROM pm_schema_docs WHERE table_name = 'pm_custom_values_cfv'").pluck().all()) as string[];
    const columns = readFile((db) => db.prepare("SELECT name FROM pragma_table_info('pm_custom_values_cfv')").pluck().all()) as string[];
    expect(docs.sort()).toEqual(['', ...columns].sort());
    // The general view carries them too, as one JSON object.
    const readable = readFile((db) => db.prepare("SELECT custom_fields FROM pm_work_items_readable WHERE key = 'CFV-1'").pluck().get()) as string;
    expect(JSON.parse(readable)).toEqual({ Severity: 'Medium', Cost: 7, Areas: ['API', 'DB'], Reviewer: 'Ada', Title: 'custom' });

    // A new key renames the view; the old name is gone, docs and all.
    const renamed = (await world.adaSocket.ok({ updateProject: { projectId: p.id, expectedVersion: p.version, key: 'CFW' } })).project!;
    const views = () => readFile((db) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'view' AND name IN ('pm_custom_values_cfv', 'pm_custom_values_cfw')").pluck().all());
    expect(views()).toEqual(['pm_custom_values_cfw']);
    expect(readFile((db) => db.prepare("SELECT count(*) FROM pm_schema_docs WHERE table_name = 'pm_custom_values_cfv'").pluck().get())).toBe(0);
    // A field renamed is a column renamed; no fields, no view.
    const specs = specsOf(renamed).map((s) => (s.id === f['Cost'] ? { ...s, name: 'Price' } : s));
    const repriced = (await setFields(renamed, specs)).result!.project!;
    expect(readFile((db) => db.prepare('SELECT "Price" FROM pm_custom_values_cfw').pluck().get())).toBe(7);
    await setFields(repriced, []);
    expect(views()).toEqual([]);
  });
});
