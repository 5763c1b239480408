// Version 6: start and due dates on work items, and links between items
// (blocks, relates to, duplicates), with views that name both.
export const SCHEMA_V6_LINKS_DATES = `
ALTER TABLE pm_work_items ADD COLUMN start_date TEXT;
ALTER TABLE pm_work_items ADD COLUMN due_date TEXT;

CREATE TABLE pm_work_item_links (
  id TEXT PRIMARY KEY,
  from_id TEXT NOT NULL REFERENCES pm_work_items(id),
  to_id TEXT NOT NULL REFERENCES pm_work_items(id),
  kind TEXT NOT NULL CHECK (kind IN ('BLOCKS', 'RELATES_TO', 'DUPLICATES')),
  created_at_ms INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (from_id, to_id, kind)
);
CREATE INDEX pm_work_item_links_by_to ON pm_work_item_links(to_id);

DROP VIEW pm_work_items_readable;
CREATE VIEW pm_work_items_readable AS
SELECT w.id, w.key, p.key AS project_key, p.name AS project_name, w.item_type, w.title,
       s.name AS status, s.category AS status_category, w.priority, w.story_points,
       a.display_name AS assignee, sp.name AS sprint, parent.key AS parent_key,
       epic.key AS epic_key, epic.title AS epic_title,
       (SELECT group_concat(l.name, ', ') FROM pm_work_item_labels wl JOIN pm_labels l ON l.id = wl.label_id
         WHERE wl.work_item_id = w.id) AS labels,
       w.start_date, w.due_date,
       w.description, w.rank, w.version,
       datetime(w.created_at_ms / 1000, 'unixepoch') AS created_at_utc,
       datetime(w.updated_at_ms / 1000, 'unixepoch') AS updated_at_utc,
       CASE WHEN w.deleted_at_ms IS NULL THEN 0 ELSE 1 END AS is_deleted
FROM pm_work_items w
JOIN pm_projects p ON p.id = w.project_id
JOIN pm_workflow_statuses s ON s.id = w.status_id
LEFT JOIN pm_users a ON a.id = w.assignee_id
LEFT JOIN pm_sprints sp ON sp.id = w.sprint_id
LEFT JOIN pm_work_items parent ON parent.id = w.parent_id
LEFT JOIN pm_work_items grandparent ON grandparent.id = parent.parent_id
LEFT JOIN pm_work_items epic ON epic.id = CASE
  WHEN parent.item_type = 'EPIC' THEN parent.id
  WHEN grandparent.item_type = 'EPIC' THEN grandparent.id
END;

CREATE VIEW pm_work_item_links_readable AS
SELECT l.id, f.key AS from_key, f.title AS from_title, l.kind, t.key AS to_key, t.title AS to_title,
       u.display_name AS created_by,
       datetime(l.created_at_ms / 1000, 'unixepoch') AS created_at_utc,
       CASE WHEN f.deleted_at_ms IS NULL AND t.deleted_at_ms IS NULL THEN 0 ELSE 1 END AS is_hidden
FROM pm_work_item_links l
JOIN pm_work_items f ON f.id = l.from_id
JOIN pm_work_items t ON t.id = l.to_id
LEFT JOIN pm_users u ON u.id = l.created_by;
`;
