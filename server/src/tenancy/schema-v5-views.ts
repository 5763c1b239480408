// Version 5: views for readers of the file (people and LLM tools) who want
// names, not ids: work items gain their epic, and comments and sprints get
// views of their own. A view is replaced, never altered, so each is dropped
// and made again; the tables under them are untouched.
export const SCHEMA_V5_VIEWS = `
DROP VIEW pm_work_items_readable;
CREATE VIEW pm_work_items_readable AS
SELECT w.id, w.key, p.key AS project_key, p.name AS project_name, w.item_type, w.title,
       s.name AS status, s.category AS status_category, w.priority, w.story_points,
       a.display_name AS assignee, sp.name AS sprint, parent.key AS parent_key,
       epic.key AS epic_key, epic.title AS epic_title,
       (SELECT group_concat(l.name, ', ') FROM pm_work_item_labels wl JOIN pm_labels l ON l.id = wl.label_id
         WHERE wl.work_item_id = w.id) AS labels,
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

CREATE VIEW pm_comments_readable AS
SELECT c.id, p.key AS project_key, w.key AS work_item_key, w.title AS work_item_title,
       u.display_name AS author, c.body,
       datetime(c.created_at_ms / 1000, 'unixepoch') AS created_at_utc,
       datetime(c.edited_at_ms / 1000, 'unixepoch') AS edited_at_utc,
       CASE WHEN c.deleted_at_ms IS NULL THEN 0 ELSE 1 END AS is_deleted
FROM pm_comments c
JOIN pm_work_items w ON w.id = c.work_item_id
JOIN pm_projects p ON p.id = w.project_id
LEFT JOIN pm_users u ON u.id = c.author_id;

CREATE VIEW pm_sprints_readable AS
SELECT sp.id, p.key AS project_key, sp.name, sp.goal, sp.state, sp.start_date, sp.end_date,
       datetime(sp.started_at_ms / 1000, 'unixepoch') AS started_at_utc,
       datetime(sp.completed_at_ms / 1000, 'unixepoch') AS completed_at_utc,
       (SELECT count(*) FROM pm_work_items w WHERE w.sprint_id = sp.id AND w.deleted_at_ms IS NULL) AS items,
       (SELECT coalesce(sum(w.story_points), 0) FROM pm_work_items w WHERE w.sprint_id = sp.id AND w.deleted_at_ms IS NULL) AS points,
       (SELECT count(*) FROM pm_work_items w JOIN pm_workflow_statuses s ON s.id = w.status_id
         WHERE w.sprint_id = sp.id AND w.deleted_at_ms IS NULL AND s.category IN ('COMPLETED', 'CANCELED')) AS items_done
FROM pm_sprints sp
JOIN pm_projects p ON p.id = sp.project_id;
`;
