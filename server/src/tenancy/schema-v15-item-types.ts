// Version 15: a project's own item types (v18). A removed type stays as a row
// (removed_at_ms set) so history can still name it; no live item is of one
// (set_item_types refuses while any is). An item of such a type is a TASK
// naming it in custom_type_id. pm_work_items_readable gains item_type_name:
// the type as people read it (the project's own type's name, or Epic, Story,
// Task, Bug, Sub-task). The per-project views of custom values show the own
// type's name in their item_type column: made again here with that column
// (CUSTOM_VALUES_ITEM_TYPE in storage/custom-fields.ts).
export const SCHEMA_V15_ITEM_TYPES = `
CREATE TABLE pm_item_types (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  name TEXT NOT NULL,
  icon TEXT NOT NULL,
  colour TEXT NOT NULL,
  can_be_parent INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL,
  removed_at_ms INTEGER
);
CREATE INDEX pm_item_types_by_project ON pm_item_types(project_id, position);

ALTER TABLE pm_work_items ADD COLUMN custom_type_id TEXT REFERENCES pm_item_types(id);
CREATE INDEX pm_work_items_by_custom_type ON pm_work_items(custom_type_id) WHERE custom_type_id IS NOT NULL;

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
       CASE WHEN w.deleted_at_ms IS NULL THEN 0 ELSE 1 END AS is_deleted,
       (SELECT json_group_object(f.name, CASE f.kind
                 WHEN 'NUMBER' THEN v.value_number
                 WHEN 'MULTI_SELECT' THEN json(v.value_json)
                 WHEN 'PERSON' THEN (SELECT u.display_name FROM pm_users u WHERE u.id = v.value_text)
                 ELSE v.value_text END)
          FROM pm_work_item_field_values v JOIN pm_custom_fields f ON f.id = v.field_id AND f.removed_at_ms IS NULL
         WHERE v.work_item_id = w.id) AS custom_fields,
       COALESCE(t.name, CASE w.item_type WHEN 'EPIC' THEN 'Epic' WHEN 'STORY' THEN 'Story' WHEN 'TASK' THEN 'Task'
                                          WHEN 'BUG' THEN 'Bug' WHEN 'SUBTASK' THEN 'Sub-task' ELSE w.item_type END) AS item_type_name
FROM pm_work_items w
LEFT JOIN pm_item_types t ON t.id = w.custom_type_id
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
`;
