// Issue 15 part 1: a deleted project is soft, then purged after its retention
// (DELETED_PROJECT_DAYS) by the tenant housekeeping (tenancy/maintenance.ts,
// storage/project-purge.ts): every row of it, children before parents, and
// nothing of any other project but the links into it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CustomFieldKind, ItemType, LinkKind, Role } from '../../shared/proto.ts';
import { BlobStore } from '../src/attachments/blob-store.ts';
import { DELETED_PROJECT_DAYS, tidyTenant } from '../src/tenancy/maintenance.ts';
import { openTenantDb, type TenantDb } from '../src/tenancy/tenant-db.ts';
import { useTwoPeople } from './support/two-people.ts';

const world = useTwoPeople();
const DAY = 24 * 3600 * 1000;
const TASK = ItemType.ITEM_TYPE_TASK;

async function upload(workItemId: string, text: string): Promise<string> {
  const res = await fetch(`${world.srv.http}/api/attachments?work_item_id=${encodeURIComponent(workItemId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${world.ada.token}`, 'x-file-name': 'notes.txt', 'x-file-type': 'text/plain' },
    body: new TextEncoder().encode(text),
  });
  expect(res.status).toBe(201);
  return createHash('sha256').update(text).digest('hex');
}

/** A project of Ada's with Bob as an editor, and a task in it. */
async function project(key: string) {
  const p = (await world.adaSocket.ok({ createProject: { key, name: `Project ${key}` } })).project!;
  await world.adaSocket.ok({ addMember: { projectId: p.id, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });
  const item = (await world.adaSocket.ok({ createWorkItem: { projectId: p.id, itemType: TASK, title: `${key} keeps going` } })).workItem!;
  return { id: p.id!, item: item.id! };
}

/** Every row of every pm_ table naming the project in a project_id column, as text. */
function rowsOf(db: TenantDb, projectId: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const table of projectTables(db)) {
    out[table] = (db.sqlite.prepare(`SELECT * FROM "${table}" WHERE project_id = ?`).all(projectId) as object[]).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

function projectTables(db: TenantDb): string[] {
  const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'pm\\_%' ESCAPE '\\'").pluck().all() as string[];
  return tables.filter((t) => (db.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).includes('project_id'));
}

/** Rows anywhere naming one of `ids` in one of `columns`. */
function naming(db: TenantDb, columns: readonly string[], ids: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'pm\\_%' ESCAPE '\\'").pluck().all() as string[];
  for (const table of tables) {
    const cols = (db.sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter((c) => columns.includes(c));
    for (const col of cols) {
      const n = db.sqlite.prepare(`SELECT count(*) FROM "${table}" WHERE "${col}" IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(ids)) as number;
      if (n > 0) out[`${table}.${col}`] = n;
    }
  }
  return out;
}

describe('purging deleted projects', () => {
  it('PROJ-7 a deleted project stays 29 days; after 30 every row of it is gone, links into it too, the other project untouched, the file whole', async () => {
    const doomed = await project('GONE');
    const other = await project('STAY');
    const ada = world.adaSocket;

    // Its own item types and custom fields, which make the pm_custom_values_gone view.
    let p = (await ada.ok({ getBoard: { projectId: doomed.id } })).board!.project!;
    p = (await ada.ok({ setItemTypes: { projectId: doomed.id, expectedVersion: p.version, itemTypes: [{ name: 'Risk', icon: '⚠️', colour: '#dc2626' }] } })).project!;
    const risk = p.itemTypes![0]!.id!;
    p = (await ada.ok({ setCustomFields: { projectId: doomed.id, expectedVersion: p.version, fields: [{ name: 'Impact', kind: CustomFieldKind.CUSTOM_FIELD_KIND_NUMBER }] } })).project!;
    const impact = p.customFields![0]!.id!;
    const sprint = (await ada.ok({ createSprint: { projectId: doomed.id, name: 'Sprint 1' } })).sprint!;
    await ada.ok({ setSprintCapacity: { sprintId: sprint.id, expectedVersion: sprint.version, members: [{ userId: world.bob.user.id, daysOff: 0, focusPercent: 50, hoursPerDay: 6 }] } });
    const parent = (await ada.ok({ createWorkItem: { projectId: doomed.id, itemType: ItemType.ITEM_TYPE_EPIC, title: 'Zanzibar parent' } })).workItem!;
    const item = (await ada.ok({
      createWorkItem: {
        projectId: doomed.id, customTypeId: risk, title: 'Zanzibar risk', labels: ['ux', 'risky'], sprintId: sprint.id,
        parentId: parent.id, assigneeId: world.bob.user.id, customFields: [{ fieldId: impact, number: 3 }],
      },
    })).workItem!;
    await ada.ok({ addComment: { workItemId: item.id, body: 'Zanzibar words' } });
    await ada.ok({ linkWorkItems: { fromId: other.item, toId: item.id, kind: LinkKind.LINK_KIND_BLOCKS } });
    await ada.ok({ linkWorkItems: { fromId: item.id, toId: other.item, kind: LinkKind.LINK_KIND_RELATES_TO } });
    await ada.ok({ logWork: { workItemId: item.id, startedAt: Date.now() - 3600_000, minutes: 30, note: 'looked' } });
    await ada.ok({ startTimer: { workItemId: parent.id } });
    // Content only the doomed project names, and content both name (stored once).
    const onlyHere = await upload(item.id!, 'only in GONE');
    const shared = await upload(item.id!, 'in both');
    await upload(other.item, 'in both');
    p = (await ada.ok({ getBoard: { projectId: doomed.id } })).board!.project!;
    await ada.ok({ deleteProject: { projectId: doomed.id, expectedVersion: p.version, confirmKey: 'GONE' } });

    const db = openTenantDb(world.srv.dataDir, world.ada.tenantId, { synchronous: 'NORMAL' });
    const blobs = new BlobStore(world.srv.dataDir);
    try {
      // A webhook scoped to both projects, with a delivery waiting for the doomed one (set up by hand).
      db.sqlite.exec(`
        INSERT INTO pm_webhooks VALUES ('wh1', 'https://example.com/hook', 'sealed', 0, 0, '${world.ada.user.id}', 0);
        INSERT INTO pm_webhook_projects VALUES ('wh1', '${doomed.id}'), ('wh1', '${other.id}');
        INSERT INTO pm_webhook_deliveries (id, webhook_id, project_id, event_seq, kind, body, state, created_at_ms, next_attempt_at_ms, give_up_at_ms)
          VALUES ('d1', 'wh1', '${doomed.id}', 1, 'project', '{}', 'PENDING', 0, 0, 0);
        INSERT INTO pm_webhook_attempts (delivery_id, attempt, instance, started_at_ms, duration_ms) VALUES ('d1', 1, 'i', 0, 1);`);
      const deletedAt = db.sqlite.prepare('SELECT deleted_at_ms FROM pm_projects WHERE id = ?').pluck().get(doomed.id) as number;
      expect(deletedAt).toBeGreaterThan(0);
      const ids = (sql: string) => db.sqlite.prepare(sql).pluck().all(doomed.id) as string[];
      const items = ids('SELECT id FROM pm_work_items WHERE project_id = ?');
      const owned = [doomed.id, ...items, ...ids('SELECT id FROM pm_sprints WHERE project_id = ?'), ...ids('SELECT id FROM pm_labels WHERE project_id = ?'),
        ...ids('SELECT id FROM pm_custom_fields WHERE project_id = ?'), ...ids('SELECT id FROM pm_item_types WHERE project_id = ?'),
        ...ids('SELECT id FROM pm_workflow_statuses WHERE project_id = ?'), ...ids('SELECT id FROM pm_comments WHERE work_item_id IN (SELECT id FROM pm_work_items WHERE project_id = ?)')];
      const columns = ['id', 'project_id', 'work_item_id', 'from_id', 'to_id', 'sprint_id', 'label_id', 'field_id', 'custom_type_id', 'status_id', 'parent_id', 'entity_id', 'delivery_id'];
      const before = naming(db, columns, owned);
      for (const table of ['pm_projects', 'pm_work_items', 'pm_work_item_labels', 'pm_comments', 'pm_work_item_links', 'pm_watchers', 'pm_timers',
        'pm_work_item_field_values', 'pm_work_logs', 'pm_attachments', 'pm_sprint_capacity', 'pm_sprints', 'pm_labels', 'pm_custom_fields',
        'pm_item_types', 'pm_workflow_statuses', 'pm_project_members', 'pm_notifications', 'pm_activity', 'pm_events', 'pm_search_rows',
        'pm_webhook_projects', 'pm_webhook_deliveries']) {
        expect(Object.keys(before).some((k) => k.startsWith(`${table}.`)), table).toBe(true);
      }
      const view = "SELECT count(*) FROM sqlite_master WHERE name = 'pm_custom_values_gone'";
      expect(db.sqlite.prepare(view).pluck().get()).toBe(1);
      const otherRows = rowsOf(db, other.id);
      const otherLinks = (db.sqlite.prepare('SELECT count(*) FROM pm_work_item_links WHERE from_id = ? OR to_id = ?').pluck().get(other.item, other.item) as number);
      const searchHits = () => db.sqlite.prepare("SELECT count(*) FROM pm_search WHERE pm_search MATCH 'zanzibar'").pluck().get() as number;
      expect(searchHits()).toBe(3);
      for (const sha of [onlyHere, shared]) expect(existsSync(blobs.pathOf(world.ada.tenantId, sha))).toBe(true);
      const removed: string[] = [];
      const tidy = (now: number) =>
        tidyTenant(db, { idempotencyDays: 7, eventLogKeep: 100_000 }, now, (sha) => {
          removed.push(sha);
          blobs.remove(world.ada.tenantId, sha);
        });

      // Within the retention: nothing goes.
      expect(DELETED_PROJECT_DAYS).toBe(30);
      expect(tidy(deletedAt + 29 * DAY).projects).toBe(0);
      expect(naming(db, columns, owned)).toEqual(before);
      expect(removed).toEqual([]);

      // Past it: every row naming the project or anything of it is gone, in every pm_ table.
      expect(tidy(deletedAt + 31 * DAY).projects).toBe(1);
      expect(naming(db, columns, owned)).toEqual({});
      for (const [table, rows] of Object.entries(rowsOf(db, doomed.id))) expect(rows, table).toEqual([]);
      expect(db.sqlite.prepare(view).pluck().get()).toBe(0);
      expect(db.sqlite.prepare("SELECT count(*) FROM pm_schema_docs WHERE table_name = 'pm_custom_values_gone'").pluck().get()).toBe(0);
      expect(searchHits()).toBe(0);
      expect(db.sqlite.prepare("SELECT count(*) FROM pm_webhook_attempts WHERE delivery_id = 'd1'").pluck().get()).toBe(0);
      expect(db.sqlite.prepare("SELECT count(*) FROM pm_webhooks WHERE id = 'wh1'").pluck().get()).toBe(1);
      // The other project: only its links into the purged one went.
      expect(rowsOf(db, other.id)).toEqual(otherRows);
      expect(db.sqlite.prepare('SELECT count(*) FROM pm_work_item_links WHERE from_id = ? OR to_id = ?').pluck().get(other.item, other.item)).toBe(otherLinks - 2);
      // Bytes only the purged project named go; bytes another attachment names stay.
      expect(removed).toEqual([onlyHere]);
      expect(existsSync(blobs.pathOf(world.ada.tenantId, onlyHere))).toBe(false);
      expect(existsSync(blobs.pathOf(world.ada.tenantId, shared))).toBe(true);
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
      // A second run finds nothing more.
      expect(tidy(deletedAt + 32 * DAY).projects).toBe(0);
    } finally {
      db.close();
    }
    // The server's own connection sees a whole file: the other project's board still loads.
    expect((await ada.ok({ getBoard: { projectId: other.id } })).board!.workItems!.map((i) => i.id)).toContain(other.item);
  });
});
