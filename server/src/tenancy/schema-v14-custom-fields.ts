// Version 14: custom fields. A project's field definitions, and each item's
// values. A removed field stays as a row (removed_at_ms set, its values gone)
// so that history can still name it. A value is stored in the column that
// suits its kind, so SQL readers compare and sort it as what it is:
// value_text (text, date, single select, person id, and a multi select's
// options joined by ", "), value_number (number), value_json (a multi
// select's options as a JSON array). pm_work_items_readable gains the values
// as one JSON object per item; per project, set_custom_fields makes a view
// pm_custom_values_<key> with one column per field (storage/custom-fields.ts).
export const SCHEMA_V14_CUSTOM_FIELDS = `
CREATE TABLE pm_custom_fields (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('TEXT', 'NUMBER', 'DATE', 'SINGLE_SELECT', 'MULTI_SELECT', 'PERSON')),
  options_json TEXT NOT NULL DEFAULT '[]',
  item_types_json TEXT NOT NULL DEFAULT '[]',
  required INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL,
  removed_at_ms INTEGER
);
CREATE INDEX pm_custom_fields_by_project ON pm_custom_fields(project_id, position);

CREATE TABLE pm_work_item_field_values (
  work_item_id TEXT NOT NULL REFERENCES pm_work_items(id),
  field_id TEXT NOT NULL REFERENCES pm_custom_fields(id),
  value_text TEXT,
  value_number REAL,
  value_json TEXT,
  PRIMARY KEY (work_item_id, field_id)
) WITHOUT ROWID;
CREATE INDEX pm_work_item_field_values_by_field ON pm_work_item_field_values(field_id);

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
         WHERE v.work_item_id = w.id) AS custom_fields
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
`;
