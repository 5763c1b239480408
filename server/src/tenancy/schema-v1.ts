// Version 1 of a tenant database. Tables are `pm_` prefixed so they can live
// inside a host platform's own database, and named for readers (people and
// LLM tools) who open the file directly: enums are stored as their names,
// times as epoch milliseconds with `_ms` in the column name.
export const SCHEMA_V1 = `
CREATE TABLE pm_users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL DEFAULT '',
  display_name TEXT NOT NULL,
  tenant_role TEXT NOT NULL CHECK (tenant_role IN ('owner', 'admin', 'member')),
  created_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL
);

CREATE TABLE pm_projects (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  last_event_seq INTEGER NOT NULL DEFAULT 0,
  next_item_number INTEGER NOT NULL DEFAULT 1,
  created_at_ms INTEGER NOT NULL,
  created_by TEXT NOT NULL REFERENCES pm_users(id),
  updated_at_ms INTEGER NOT NULL
);

CREATE TABLE pm_workflow_statuses (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  name TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('BACKLOG', 'UNSTARTED', 'STARTED', 'COMPLETED', 'CANCELED')),
  position INTEGER NOT NULL,
  UNIQUE (project_id, position)
);

CREATE TABLE pm_project_members (
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  user_id TEXT NOT NULL REFERENCES pm_users(id),
  role TEXT NOT NULL CHECK (role IN ('VIEWER', 'EDITOR', 'ADMIN')),
  added_at_ms INTEGER NOT NULL,
  added_by TEXT NOT NULL,
  PRIMARY KEY (project_id, user_id)
) WITHOUT ROWID;
CREATE INDEX pm_project_members_by_user ON pm_project_members(user_id);

CREATE TABLE pm_sprints (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  name TEXT NOT NULL,
  goal TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('PLANNED', 'ACTIVE', 'COMPLETED')),
  start_date TEXT NOT NULL DEFAULT '',
  end_date TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  created_at_ms INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  started_at_ms INTEGER,
  completed_at_ms INTEGER
);
CREATE INDEX pm_sprints_by_project ON pm_sprints(project_id);
-- The "one active sprint per project" rule, enforced by the file itself.
CREATE UNIQUE INDEX pm_sprints_one_active ON pm_sprints(project_id) WHERE state = 'ACTIVE';

CREATE TABLE pm_work_items (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  number INTEGER NOT NULL,
  key TEXT NOT NULL,
  item_type TEXT NOT NULL CHECK (item_type IN ('EPIC', 'STORY', 'TASK', 'BUG', 'SUBTASK')),
  parent_id TEXT REFERENCES pm_work_items(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status_id TEXT NOT NULL REFERENCES pm_workflow_statuses(id),
  priority TEXT NOT NULL CHECK (priority IN ('NONE', 'LOW', 'MEDIUM', 'HIGH', 'URGENT')),
  story_points REAL,
  assignee_id TEXT REFERENCES pm_users(id),
  sprint_id TEXT REFERENCES pm_sprints(id),
  rank TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at_ms INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at_ms INTEGER,
  UNIQUE (project_id, number)
);
CREATE INDEX pm_work_items_by_rank ON pm_work_items(project_id, rank) WHERE deleted_at_ms IS NULL;
CREATE INDEX pm_work_items_by_parent ON pm_work_items(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX pm_work_items_by_sprint ON pm_work_items(sprint_id) WHERE sprint_id IS NOT NULL;

CREATE TABLE pm_labels (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  UNIQUE (project_id, name)
);

CREATE TABLE pm_work_item_labels (
  work_item_id TEXT NOT NULL REFERENCES pm_work_items(id),
  label_id TEXT NOT NULL REFERENCES pm_labels(id),
  PRIMARY KEY (work_item_id, label_id)
) WITHOUT ROWID;

CREATE TABLE pm_comments (
  id TEXT PRIMARY KEY,
  work_item_id TEXT NOT NULL REFERENCES pm_work_items(id),
  author_id TEXT NOT NULL REFERENCES pm_users(id),
  body TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  edited_at_ms INTEGER,
  version INTEGER NOT NULL,
  deleted_at_ms INTEGER
);
CREATE INDEX pm_comments_by_item ON pm_comments(work_item_id, created_at_ms);

CREATE TABLE pm_activity (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  entity_type TEXT NOT NULL CHECK (entity_type IN ('project', 'work_item', 'comment', 'sprint', 'member')),
  entity_id TEXT NOT NULL,
  work_item_id TEXT,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  actor_id TEXT NOT NULL,
  occurred_at_ms INTEGER NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE INDEX pm_activity_by_item ON pm_activity(work_item_id, id) WHERE work_item_id IS NOT NULL;

CREATE TABLE pm_events (
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  occurred_at_ms INTEGER NOT NULL,
  changed_fields TEXT NOT NULL DEFAULT '',
  payload BLOB NOT NULL,
  PRIMARY KEY (project_id, seq)
) WITHOUT ROWID;

CREATE TABLE pm_idempotency_keys (
  user_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  reply BLOB NOT NULL,
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY (user_id, message_id)
) WITHOUT ROWID;
CREATE INDEX pm_idempotency_keys_by_age ON pm_idempotency_keys(created_at_ms);

CREATE TABLE pm_schema_docs (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (table_name, column_name)
) WITHOUT ROWID;

CREATE VIEW pm_work_items_readable AS
SELECT w.id, w.key, p.key AS project_key, p.name AS project_name, w.item_type, w.title,
       s.name AS status, s.category AS status_category, w.priority, w.story_points,
       a.display_name AS assignee, sp.name AS sprint, parent.key AS parent_key,
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
LEFT JOIN pm_work_items parent ON parent.id = w.parent_id;

CREATE VIEW pm_activity_readable AS
SELECT act.id, p.key AS project_key, w.key AS work_item_key, act.entity_type, act.field,
       act.old_value, act.new_value, u.display_name AS actor,
       datetime(act.occurred_at_ms / 1000, 'unixepoch') AS occurred_at_utc, act.event_seq
FROM pm_activity act
JOIN pm_projects p ON p.id = act.project_id
LEFT JOIN pm_work_items w ON w.id = act.work_item_id
LEFT JOIN pm_users u ON u.id = act.actor_id;
`;
