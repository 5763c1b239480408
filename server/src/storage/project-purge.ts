// Purging deleted projects: delete_project only marks pm_projects.deleted_at_ms
// (issue 15: soft, with a typed confirmation); once the mark is older than the
// retention period, housekeeping (tenancy/maintenance.ts) removes every row of
// the project here, in the caller's transaction.
//
// Why the order: the file runs with foreign_keys = ON (tenant-db.ts), and a
// foreign key is checked at the end of each statement, so a row must go
// before the row it names. Rows naming items (labels on items, comments,
// links at either end, watchers, timers, custom values, work logs,
// attachments) go first, and those naming sprints (capacity); then the items
// themselves (one statement, so parents within the project go with their
// children); then what items named (sprints, labels, fields, item types,
// statuses); then the rest naming the project; the project row last.
// Webhook attempts go with their deliveries (ON DELETE CASCADE); a webhook
// itself is the workspace's and stays, only its scope to this project goes.
// The FTS index has no delete triggers (deleted items keep their rows,
// schema-v3-search.ts), so its rows are removed here by hand.
import { customValuesViewName } from './custom-fields.ts';
import type { SqlRunner } from './sql.ts';

const ITEMS = 'SELECT id FROM pm_work_items WHERE project_id = ?';

/** Statements that empty one project, children before parents; each takes the project id once per `?`. */
const PURGE: readonly string[] = [
  `DELETE FROM pm_search WHERE rowid IN (SELECT search_rowid FROM pm_search_rows WHERE project_id = ? OR work_item_id IN (${ITEMS}))`,
  `DELETE FROM pm_search_rows WHERE project_id = ? OR work_item_id IN (${ITEMS})`,
  `DELETE FROM pm_work_item_labels WHERE work_item_id IN (${ITEMS}) OR label_id IN (SELECT id FROM pm_labels WHERE project_id = ?)`,
  `DELETE FROM pm_comments WHERE work_item_id IN (${ITEMS})`,
  // Both ends: a link from another project's item to one of these goes too.
  `DELETE FROM pm_work_item_links WHERE from_id IN (${ITEMS}) OR to_id IN (${ITEMS})`,
  `DELETE FROM pm_watchers WHERE work_item_id IN (${ITEMS})`,
  `DELETE FROM pm_timers WHERE work_item_id IN (${ITEMS})`,
  `DELETE FROM pm_work_item_field_values WHERE work_item_id IN (${ITEMS}) OR field_id IN (SELECT id FROM pm_custom_fields WHERE project_id = ?)`,
  `DELETE FROM pm_work_logs WHERE project_id = ? OR work_item_id IN (${ITEMS})`,
  `DELETE FROM pm_attachments WHERE project_id = ? OR work_item_id IN (${ITEMS})`,
  'DELETE FROM pm_sprint_capacity WHERE sprint_id IN (SELECT id FROM pm_sprints WHERE project_id = ?)',
  'DELETE FROM pm_notifications WHERE project_id = ?',
  'DELETE FROM pm_work_items WHERE project_id = ?',
  'DELETE FROM pm_sprints WHERE project_id = ?',
  'DELETE FROM pm_labels WHERE project_id = ?',
  'DELETE FROM pm_custom_fields WHERE project_id = ?',
  'DELETE FROM pm_item_types WHERE project_id = ?',
  'DELETE FROM pm_workflow_statuses WHERE project_id = ?',
  'DELETE FROM pm_activity WHERE project_id = ?',
  'DELETE FROM pm_events WHERE project_id = ?',
  'DELETE FROM pm_webhook_deliveries WHERE project_id = ?',
  'DELETE FROM pm_webhook_projects WHERE project_id = ?',
  'DELETE FROM pm_project_former_keys WHERE project_id = ?',
  'DELETE FROM pm_project_members WHERE project_id = ?',
  'DELETE FROM pm_projects WHERE id = ?',
];

export interface Purged {
  /** Projects removed. */
  projects: number;
  /** Attachment contents (SHA-256) that no row names any more: their files may go. */
  unusedContents: string[];
}

/**
 * Removes every row of each project deleted before `before` (epoch ms), and
 * its custom values view with that view's pm_schema_docs rows. Run it inside
 * a transaction: a project goes whole or not at all.
 */
export function purgeDeletedProjects(db: SqlRunner, before: number): Purged {
  const sqlite = db.sqlite;
  const projects = sqlite
    .prepare('SELECT id, key FROM pm_projects WHERE deleted_at_ms IS NOT NULL AND deleted_at_ms < ?')
    .all(before) as { id: string; key: string }[];
  if (projects.length === 0) return { projects: 0, unusedContents: [] };
  const statements = PURGE.map((sql) => ({ stmt: sqlite.prepare(sql), params: sql.split('?').length - 1 }));
  const contentsOf = sqlite.prepare(`SELECT DISTINCT sha256 FROM pm_attachments WHERE project_id = ? OR work_item_id IN (${ITEMS})`).pluck();
  const stillNamed = sqlite.prepare('SELECT 1 FROM pm_attachments WHERE sha256 = ? LIMIT 1').pluck();
  const formerKeys = sqlite.prepare('SELECT key FROM pm_project_former_keys WHERE project_id = ?').pluck();
  const dropDocs = sqlite.prepare('DELETE FROM pm_schema_docs WHERE table_name = ?');
  const contents = new Set<string>();
  for (const p of projects) {
    for (const sha256 of contentsOf.all(p.id, p.id) as string[]) contents.add(sha256);
    // The view is named for the current key; one left under a former key (by hand) goes too.
    for (const key of [p.key, ...(formerKeys.all(p.id) as string[])]) {
      const view = customValuesViewName(key);
      sqlite.exec(`DROP VIEW IF EXISTS "${view}"`);
      dropDocs.run(view);
    }
    for (const { stmt, params } of statements) stmt.run(...Array<string>(params).fill(p.id));
  }
  return { projects: projects.length, unusedContents: [...contents].filter((sha256) => stillNamed.get(sha256) === undefined) };
}
