// The latest rows of the audit log, with the ids they hold turned into the
// names a person would say ("status_id: To Do → Done", not two uuids).
import type { Database } from 'better-sqlite3';

export interface Change {
  at_utc: string;
  /** The item key, or "sprint <name>", "member <name>", "project". */
  subject: string | null;
  field: string;
  from: string | null;
  to: string | null;
  by: string | null;
}

const CHANGES_LISTED = 20;
/** A description or comment body in full would crowd out the facts. */
const VALUE_CHARS = 200;

const named = (value: string) => `CASE a.field
    WHEN 'status_id' THEN (SELECT name FROM pm_workflow_statuses WHERE id = ${value})
    WHEN 'assignee_id' THEN (SELECT display_name FROM pm_users WHERE id = ${value})
    WHEN 'sprint_id' THEN (SELECT name FROM pm_sprints WHERE id = ${value})
    WHEN 'parent_id' THEN (SELECT key FROM pm_work_items WHERE id = ${value})
    ELSE ${value} END`;

// A sprint's changes: its own, its items', and items moved into or out of it.
const CHANGES_SQL = `
SELECT datetime(a.occurred_at_ms / 1000, 'unixepoch') AS at_utc,
       CASE a.entity_type
         WHEN 'sprint' THEN (SELECT 'sprint ' || name FROM pm_sprints WHERE id = a.entity_id)
         WHEN 'member' THEN (SELECT 'member ' || display_name FROM pm_users WHERE id = a.entity_id)
         WHEN 'project' THEN 'project'
         ELSE w.key END AS subject,
       a.field, ${named('a.old_value')} AS "from", ${named('a.new_value')} AS "to", u.display_name AS by
FROM pm_activity a
LEFT JOIN pm_work_items w ON w.id = a.work_item_id
LEFT JOIN pm_users u ON u.id = a.actor_id
WHERE a.project_id = :project
  AND (:sprint IS NULL OR w.sprint_id = :sprint OR (a.entity_type = 'sprint' AND a.entity_id = :sprint)
       OR (a.field = 'sprint_id' AND :sprint IN (a.old_value, a.new_value)))
ORDER BY a.id DESC
LIMIT ${CHANGES_LISTED}`;

const shorten = (value: string | null) =>
  value !== null && value.length > VALUE_CHARS ? `${value.slice(0, VALUE_CHARS)}…` : value;

/** Newest first. */
export function recentChanges(db: Database, projectId: string, sprintId: string | null): Change[] {
  return db
    .prepare<{ project: string; sprint: string | null }, Change>(CHANGES_SQL)
    .all({ project: projectId, sprint: sprintId })
    .map((c) => ({ ...c, from: shorten(c.from), to: shorten(c.to) }));
}
