// Issue 15 part 3 (docs/PROTOCOL.md §6, v18): a project's own item types. A
// project's admin sets the whole list (set_item_types); items of such a type
// are tasks on the wire that name it (custom_type_id), made, changed and
// cleared back through create_work_item and update_work_item; the hierarchy
// and custom fields take the type into account; every open board sees it
// live. The pure rules are in shared/domain/item-types.test.ts (ITYPE-1 to 9).
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustomFieldKind, ErrorCode, ItemType, Role, type IProject, type IWorkItem } from '../../shared/proto.ts';
import { showOwnTypesInValueViews } from '../src/storage/custom-fields.ts';
import { migrate } from '../src/tenancy/migrations.ts';
import { useTwoPeople } from './support/two-people.ts';

const { ITEM_TYPE_TASK: TASK, ITEM_TYPE_BUG: BUG, ITEM_TYPE_EPIC: EPIC, ITEM_TYPE_SUBTASK: SUBTASK, ITEM_TYPE_STORY: STORY } = ItemType;
const INVALID = ErrorCode.ERROR_CODE_INVALID_ARGUMENT;
const PRECONDITION = ErrorCode.ERROR_CODE_FAILED_PRECONDITION;

const world = useTwoPeople();

type Spec = { id?: string; name: string; icon: string; colour: string; canBeParent?: boolean };

const RISK: Spec = { name: 'Risk', icon: '⚠️', colour: '#dc2626' };
const ACTION: Spec = { name: 'Action', icon: '✅', colour: '#16a34a', canBeParent: true };

/** A project of Ada's (ADMIN) that Bob edits (EDITOR) and watches live. */
async function project(key: string): Promise<IProject> {
  const created = (await world.adaSocket.ok({ createProject: { key, name: `Project ${key}` } })).project!;
  await world.adaSocket.ok({ addMember: { projectId: created.id, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });
  await world.bobSocket.ok({ subscribe: { projects: [{ projectId: created.id }] } });
  return (await world.adaSocket.ok({ getBoard: { projectId: created.id } })).board!.project!;
}

const setTypes = (p: IProject, itemTypes: Spec[], socket = world.adaSocket, messageId?: string) =>
  socket.request({ setItemTypes: { projectId: p.id, expectedVersion: p.version, itemTypes } }, messageId);

async function withTypes(key: string, types: Spec[]): Promise<{ p: IProject; t: Record<string, string> }> {
  const p = (await setTypes(await project(key), types)).result!.project!;
  return { p, t: Object.fromEntries(p.itemTypes!.map((x) => [x.name, x.id])) as Record<string, string> };
}

const specsOf = (p: IProject): Spec[] =>
  p.itemTypes!.map((x) => ({ id: x.id!, name: x.name!, icon: x.icon!, colour: x.colour!, canBeParent: !!x.canBeParent }));

const board = async (projectId: string) => (await world.adaSocket.ok({ getBoard: { projectId } })).board!;

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

const create = (projectId: string, fields: Record<string, unknown>, socket = world.bobSocket) =>
  socket.request({ createWorkItem: { projectId, title: 'Item', ...fields } });

describe('set_item_types', () => {
  it('ITYPE-10 adds types, then renames, recolours, reorders, makes a parent and removes one; live on a second board; the same list changes nothing', async () => {
    const p = await project('ITA');
    const from = world.bobSocket.events.length;
    const added = await setTypes(p, [RISK, ACTION, { name: 'Issue', icon: '🔥', colour: '#EA580C' }]);
    const after = added.result!.project!;
    expect(Number(after.version)).toBe(Number(p.version) + 1);
    expect(after.itemTypes!.map((x) => [x.name, x.icon, x.colour, x.canBeParent, x.position])).toEqual([
      ['Risk', '⚠️', '#dc2626', false, 0], ['Action', '✅', '#16a34a', true, 1], ['Issue', '🔥', '#ea580c', false, 2],
    ]);
    for (const x of after.itemTypes!) expect(x.id).toMatch(/^[0-9a-f-]{36}$/);

    const event = await world.bobSocket.waitForEvent((e) => e.project?.project?.id === p.id && e.seq === added.result!.seq);
    expect(event.project!.project!.itemTypes).toEqual(after.itemTypes);
    expect(world.bobSocket.events.slice(from).filter((e) => e.projectId === p.id)).toHaveLength(1);
    expect((await board(p.id!)).project!.itemTypes).toEqual(after.itemTypes);

    const [risk, action] = specsOf(after);
    const changed = (await setTypes(after, [{ ...action!, canBeParent: false }, { ...risk!, name: 'Threat', colour: '#000000', icon: '☠' }])).result!.project!;
    expect(changed.itemTypes!.map((x) => [x.id, x.name, x.icon, x.colour, x.canBeParent, x.position])).toEqual([
      [action!.id, 'Action', '✅', '#16a34a', false, 0], [risk!.id, 'Threat', '☠', '#000000', false, 1],
    ]);
    await world.bobSocket.waitForEvent((e) => e.project?.project?.version === changed.version);
    // The removed type keeps its row, so history can still name it.
    expect(readFile((db) => db.prepare("SELECT removed_at_ms IS NOT NULL FROM pm_item_types WHERE name = 'Issue'").pluck().get())).toBe(1);

    const same = (await setTypes(changed, specsOf(changed))).result!;
    expect(Number(same.seq)).toBe(0);
    expect(same.project!.version).toBe(changed.version);
  });

  it('ITYPE-11 the history has one item_types row per change: the names in order, in detail when only a definition changed', async () => {
    const p = await project('ITB');
    const first = (await setTypes(p, [RISK, ACTION])).result!;
    const [risk, action] = specsOf(first.project!);
    const second = (await setTypes(first.project!, [risk!, { ...action!, canBeParent: false }])).result!;
    const third = (await setTypes(second.project!, [risk!])).result!;
    expect(activity(p.id!).filter((a) => a.field === 'item_types')).toEqual([
      { field: 'item_types', old_value: null, new_value: 'Risk, Action', event_seq: Number(first.seq) },
      {
        field: 'item_types',
        old_value: 'Risk (⚠️ #dc2626), Action (✅ #16a34a, holds sub-tasks)',
        new_value: 'Risk (⚠️ #dc2626), Action (✅ #16a34a)',
        event_seq: Number(second.seq),
      },
      { field: 'item_types', old_value: 'Risk, Action', new_value: 'Risk', event_seq: Number(third.seq) },
    ]);
  });

  it('ITYPE-12 a resend with the same message id gets the same result and changes nothing more', async () => {
    const p = await project('ITC');
    const messageId = randomUUID();
    const first = await setTypes(p, [RISK, ACTION], world.adaSocket, messageId);
    const again = await setTypes(p, [RISK, ACTION], world.adaSocket, messageId);
    expect(first.result).toBeTruthy();
    expect(again.result).toEqual(first.result);
    const b = await board(p.id!);
    expect(Number(b.project!.version)).toBe(Number(p.version) + 1);
    expect(b.project!.itemTypes).toHaveLength(2);
    expect(activity(p.id!).filter((a) => a.field === 'item_types')).toHaveLength(1);
  });

  it('ITYPE-13 refuses a non-admin, a stale version and bad definitions; each refusal changes nothing', async () => {
    const { p } = await withTypes('ITD', [RISK]);
    const before = await board(p.id!);
    expect((await setTypes(p, [], world.bobSocket)).error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    const stale = (await setTypes({ ...p, version: Number(p.version) - 1 }, [])).error!;
    expect(stale).toMatchObject({ code: ErrorCode.ERROR_CODE_CONFLICT, field: 'expected_version' });
    expect(stale.project?.itemTypes?.map((x) => x.name)).toEqual(['Risk']);

    const invalid = async (types: Spec[], message: string | RegExp) => {
      const error = (await setTypes(p, types)).error!;
      expect(error).toMatchObject({ code: INVALID, field: 'item_types' });
      expect(error.message).toMatch(message);
    };
    await invalid([{ ...RISK, name: ' ' }], 'An item type needs a name');
    await invalid([{ ...RISK, name: 'x'.repeat(31) }], /at most 30 characters/);
    await invalid([{ ...RISK, icon: '' }], 'Risk needs an icon');
    await invalid([{ ...RISK, icon: 'too long icon' }], /at most 8 characters/);
    await invalid([{ ...RISK, colour: 'red' }], "Risk's colour must be written #rrggbb");
    await invalid([RISK, { ...ACTION, name: 'risk' }], 'Two item types are named risk');
    await invalid([{ ...RISK, name: 'Bug' }], 'Bug is a built-in type: choose another name');
    await invalid([{ ...RISK, id: randomUUID() }], /current item types/);

    const after = await board(p.id!);
    expect(after.project).toEqual(before.project);
    expect(after.seq).toEqual(before.seq);
  });

  it('ITYPE-14 removing a type is refused while live items are of it or a custom field names it; un-parenting while its items hold sub-tasks; a deleted item of a removed type comes back a task', async () => {
    const { p, t } = await withTypes('ITE', [RISK, ACTION]);
    const risks: IWorkItem[] = [];
    for (let i = 0; i < 3; i++) risks.push((await create(p.id!, { customTypeId: t['Risk'] })).result!.workItem!);
    const action = (await create(p.id!, { customTypeId: t['Action'] })).result!.workItem!;
    await create(p.id!, { itemType: SUBTASK, parentId: action.id });
    const before = await board(p.id!);
    const [risk, act] = specsOf(p);

    expect((await setTypes(p, [act!])).error).toMatchObject({ code: PRECONDITION, field: 'item_types', message: '3 items are Risks: change their type first' });
    expect((await setTypes(p, [risk!, { ...act!, canBeParent: false }])).error)
      .toMatchObject({ code: PRECONDITION, message: '1 Action holds sub-tasks: move them before Actions stop being parents' });
    const after = await board(p.id!);
    expect(after.project).toEqual(before.project);
    expect(after.seq).toEqual(before.seq);

    // A field limited to Risks keeps the type from going, even with no item left of it.
    const withField = (await world.adaSocket.ok({
      setCustomFields: { projectId: p.id, expectedVersion: p.version, fields: [{ name: 'Mitigation', kind: CustomFieldKind.CUSTOM_FIELD_KIND_TEXT, itemTypes: [t['Risk']!] }] },
    })).project!;
    for (const r of risks.slice(0, 2)) {
      await world.bobSocket.ok({ updateWorkItem: { workItemId: r.id, expectedVersion: r.version, clear: ['custom_type_id'] } });
    }
    await world.bobSocket.ok({ deleteWorkItem: { workItemId: risks[2]!.id, expectedVersion: risks[2]!.version } });
    expect((await setTypes(withField, [act!])).error)
      .toMatchObject({ code: PRECONDITION, message: 'Mitigation applies to Risks: change its item types before removing that type' });
    const noField = (await world.adaSocket.ok({ setCustomFields: { projectId: p.id, expectedVersion: withField.version, fields: [] } })).project!;
    const removed = (await setTypes(noField, [act!])).result!.project!;
    expect(removed.itemTypes!.map((x) => x.name)).toEqual(['Action']);
    const restored = (await world.bobSocket.ok({ restoreWorkItem: { workItemId: risks[2]!.id } })).workItem!;
    expect(restored).toMatchObject({ itemType: TASK, customTypeId: '' });
  });
});

describe('items of a project\'s own type', () => {
  it('ITYPE-15 an item is made of a type, changed to another, cleared back, made a bug; get_board, get_work_item, events and history all say so', async () => {
    const { p, t } = await withTypes('ITF', [RISK, ACTION]);
    await world.adaSocket.ok({ subscribe: { projects: [{ projectId: p.id }] } });
    const made = (await create(p.id!, { customTypeId: t['Risk'] })).result!.workItem!;
    expect(made).toMatchObject({ itemType: TASK, customTypeId: t['Risk'] });
    expect((await create(p.id!, { itemType: TASK, customTypeId: t['Risk'] })).result!.workItem!.customTypeId).toBe(t['Risk']);
    expect((await world.adaSocket.ok({ getWorkItem: { workItemId: made.id } })).workItem!.customTypeId).toBe(t['Risk']);
    expect((await board(p.id!)).workItems!.find((w) => w.id === made.id)!.customTypeId).toBe(t['Risk']);
    expect((await world.adaSocket.ok({ getBoard: { projectId: p.id, omitDescriptions: true } })).board!.workItems!.find((w) => w.id === made.id)!.customTypeId)
      .toBe(t['Risk']);

    const toAction = await world.bobSocket.ok({ updateWorkItem: { workItemId: made.id, expectedVersion: made.version, customTypeId: t['Action'] } });
    expect(toAction.workItem).toMatchObject({ itemType: TASK, customTypeId: t['Action'] });
    const event = await world.adaSocket.waitForEvent((e) => e.workItem?.workItem?.id === made.id && e.seq === toAction.seq);
    expect(event.workItem!.changedFields).toEqual(['custom_type_id']);
    expect(event.workItem!.workItem!.customTypeId).toBe(t['Action']);

    const cleared = (await world.bobSocket.ok({ updateWorkItem: { workItemId: made.id, expectedVersion: toAction.workItem!.version, clear: ['custom_type_id'] } })).workItem!;
    expect(cleared).toMatchObject({ itemType: TASK, customTypeId: '' });
    const risky = (await world.bobSocket.ok({ updateWorkItem: { workItemId: made.id, expectedVersion: cleared.version, customTypeId: t['Risk'] } })).workItem!;
    // A built-in type other than TASK makes it that type.
    const bug = (await world.bobSocket.ok({ updateWorkItem: { workItemId: made.id, expectedVersion: risky.version, itemType: BUG } })).workItem!;
    expect(bug).toMatchObject({ itemType: BUG, customTypeId: '' });

    expect(activity(made.id!).filter((a) => a.field !== 'created').map((a) => [a.field, a.old_value, a.new_value])).toEqual([
      ['custom_type_id', 'Risk', 'Action'],
      ['custom_type_id', 'Action', null],
      ['custom_type_id', null, 'Risk'],
      ['item_type', 'TASK', 'BUG'],
      ['custom_type_id', 'Risk', null],
    ]);
    // SQL readers see the type's name.
    expect(readFile((db) => db.prepare('SELECT item_type, item_type_name FROM pm_work_items_readable WHERE id = ?').get(risky.id)))
      .toEqual({ item_type: 'BUG', item_type_name: 'Bug' });
    const other = (await create(p.id!, { customTypeId: t['Action'], title: 'Do it' })).result!.workItem!;
    expect(readFile((db) => db.prepare('SELECT item_type, item_type_name FROM pm_work_items_readable WHERE id = ?').get(other.id)))
      .toEqual({ item_type: 'TASK', item_type_name: 'Action' });
  });

  it('ITYPE-16 refuses an unknown or removed type, one of another project, and another item_type with it; each changes nothing', async () => {
    const { p, t } = await withTypes('ITG', [RISK]);
    const elsewhere = await withTypes('ITH', [ACTION]);
    const task = (await create(p.id!, { itemType: TASK })).result!.workItem!;
    const before = await board(p.id!);
    expect((await create(p.id!, { customTypeId: randomUUID() })).error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND, field: 'custom_type_id' });
    expect((await create(p.id!, { customTypeId: elsewhere.t['Action'] })).error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND });
    expect((await create(p.id!, { itemType: BUG, customTypeId: t['Risk'] })).error)
      .toMatchObject({ code: INVALID, field: 'item_type', message: 'Risks are tasks on the wire: send item_type TASK (or none) with custom_type_id' });
    const update = (fields: Record<string, unknown>) => world.bobSocket.request({ updateWorkItem: { workItemId: task.id, expectedVersion: task.version, ...fields } });
    expect((await update({ customTypeId: t['Risk'], itemType: STORY })).error).toMatchObject({ code: INVALID, field: 'item_type' });
    expect((await update({ customTypeId: t['Risk'], clear: ['custom_type_id'] })).error).toMatchObject({ code: INVALID, field: 'clear' });
    expect((await update({ customTypeId: elsewhere.t['Action'] })).error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND });
    // A removed type is gone for new items too.
    const emptied = (await setTypes(p, [])).result!.project!;
    expect((await create(p.id!, { customTypeId: t['Risk'] })).error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND });
    const after = await board(p.id!);
    expect(after.workItems).toEqual(before.workItems);
    expect(Number(after.seq)).toBe(Number(before.seq) + 1);
    expect(emptied.itemTypes).toEqual([]);
  });

  it('ITYPE-17 the hierarchy: an own type sits under an epic or nothing, holds sub-tasks only when it can be a parent', async () => {
    const { p, t } = await withTypes('ITI', [RISK, ACTION]);
    const epic = (await create(p.id!, { itemType: EPIC })).result!.workItem!;
    const story = (await create(p.id!, { itemType: STORY })).result!.workItem!;
    const risk = (await create(p.id!, { customTypeId: t['Risk'], parentId: epic.id })).result!.workItem!;
    expect(risk.parentId).toBe(epic.id);
    const action = (await create(p.id!, { customTypeId: t['Action'] })).result!.workItem!;
    const sub = (await create(p.id!, { itemType: SUBTASK, parentId: action.id })).result!.workItem!;
    const before = await board(p.id!);

    expect((await create(p.id!, { itemType: SUBTASK, parentId: risk.id })).error)
      .toMatchObject({ code: PRECONDITION, field: 'parent_id', message: 'A Risk cannot hold sub-tasks' });
    expect((await create(p.id!, { customTypeId: t['Risk'], parentId: story.id })).error)
      .toMatchObject({ code: PRECONDITION, message: 'A Risk cannot sit under a story: it takes an epic or no parent' });
    expect((await create(p.id!, { itemType: STORY, parentId: action.id })).error)
      .toMatchObject({ code: PRECONDITION, message: 'A story cannot sit under an Action: it takes an epic or no parent' });
    // An Action holding a sub-task cannot become a Risk; the sub-task cannot move under a Risk.
    expect((await world.bobSocket.request({ updateWorkItem: { workItemId: action.id, expectedVersion: action.version, customTypeId: t['Risk'] } })).error)
      .toMatchObject({ code: PRECONDITION, message: 'A Risk cannot hold sub-tasks; move them first' });
    expect((await world.bobSocket.request({ updateWorkItem: { workItemId: sub.id, expectedVersion: sub.version, parentId: risk.id } })).error)
      .toMatchObject({ code: PRECONDITION, message: 'A Risk cannot hold sub-tasks' });
    const after = await board(p.id!);
    expect(after.workItems).toEqual(before.workItems);
    expect(after.seq).toEqual(before.seq);
  });

  it('ITYPE-18 a custom field limited to an own type applies to its items only (not to plain tasks), required ones too; a type change drops what stops applying', async () => {
    const { p, t } = await withTypes('ITJ', [RISK, ACTION]);
    const fields = (await world.adaSocket.ok({
      setCustomFields: {
        projectId: p.id, expectedVersion: p.version, fields: [
          { name: 'Impact', kind: CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER, itemTypes: [t['Risk']!], required: true },
          { name: 'Effort', kind: CustomFieldKind.CUSTOM_FIELD_KIND_TEXT, itemTypes: ['TASK'] },
        ],
      },
    })).project!;
    const [impact, effort] = fields.customFields!.map((f) => f.id!);
    expect(fields.customFields![0]!.itemTypes).toEqual([t['Risk']]);
    expect((await create(p.id!, { customTypeId: t['Risk'] })).error).toMatchObject({ code: INVALID, message: 'Impact is required' });
    expect((await create(p.id!, { customTypeId: t['Risk'], customFields: [{ fieldId: impact, number: 3 }, { fieldId: effort, text: 'x' }] })).error)
      .toMatchObject({ code: INVALID, message: 'Effort is only for tasks' });
    expect((await create(p.id!, { itemType: TASK, customFields: [{ fieldId: impact, number: 3 }] })).error)
      .toMatchObject({ code: INVALID, message: 'Impact is only for Risks' });
    const risk = (await create(p.id!, { customTypeId: t['Risk'], customFields: [{ fieldId: impact, number: 3 }] })).result!.workItem!;
    expect(risk.customFields!.map((v) => [v.fieldId, v.number])).toEqual([[impact, 3]]);
    const action = (await world.bobSocket.ok({ updateWorkItem: { workItemId: risk.id, expectedVersion: risk.version, customTypeId: t['Action'] } })).workItem!;
    expect(action.customFields).toEqual([]);
    // A field cannot name a type the project does not have.
    const bad = (await world.adaSocket.request({
      setCustomFields: { projectId: p.id, expectedVersion: fields.version, fields: [{ name: 'X', kind: CustomFieldKind.CUSTOM_FIELD_KIND_TEXT, itemTypes: [randomUUID()] }] },
    })).error!;
    expect(bad).toMatchObject({ code: INVALID, field: 'fields' });
    expect(bad.message).toMatch(/is no item type of the project/);
  });
});

describe('item types in the file', () => {
  it('ITYPE-19 migration 15 makes a per-project view of custom values made before it show an own type by name', () => {
    const db = new Database(':memory:');
    migrate(db);
    // Rows of one project only: no users or creators behind them.
    db.pragma('foreign_keys = OFF');
    db.exec(`
      INSERT INTO pm_projects (id, key, name, description, version, last_event_seq, next_item_number, created_at_ms, created_by, updated_at_ms, pull_mode)
        VALUES ('p', 'OLD', 'Old', '', 1, 0, 2, 0, 'u', 0, 0);
      INSERT INTO pm_item_types (id, project_id, name, icon, colour, can_be_parent, position) VALUES ('r', 'p', 'Risk', '!', '#000000', 0, 0);
      INSERT INTO pm_workflow_statuses (id, project_id, name, category, position, wip_limit) VALUES ('s', 'p', 'Open', 'UNSTARTED', 0, 0);
      INSERT INTO pm_work_items (id, project_id, number, key, item_type, title, description, status_id, priority, rank, version,
        created_at_ms, created_by, updated_at_ms, updated_by, logged_minutes, custom_type_id)
        VALUES ('w', 'p', 1, 'OLD-1', 'TASK', 'T', '', 's', 'NONE', 'a', 1, 0, 'u', 0, 'u', 0, 'r');
      CREATE VIEW "pm_custom_values_old" AS
      SELECT w.id, w.key, w.title, w.item_type, CASE WHEN w.deleted_at_ms IS NULL THEN 0 ELSE 1 END AS is_deleted
      FROM pm_work_items w WHERE w.project_id = 'p';
      INSERT INTO pm_schema_docs (table_name, column_name, description) VALUES ('pm_custom_values_old', 'item_type', 'EPIC, STORY, TASK, BUG or SUBTASK');
    `);
    showOwnTypesInValueViews(db);
    expect(db.prepare('SELECT item_type FROM pm_custom_values_old').pluck().get()).toBe('Risk');
    expect(db.prepare("SELECT description FROM pm_schema_docs WHERE table_name = 'pm_custom_values_old' AND column_name = 'item_type'").pluck().get())
      .toMatch(/own type/);
    db.close();
  });
});
