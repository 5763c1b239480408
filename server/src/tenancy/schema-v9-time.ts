// Version 9: time tracking. Estimates live on the item (NULL: none); the
// logged total is kept on the item too, in step with its work logs, so a
// board shows it without summing logs.
export const SCHEMA_V9_TIME = `
ALTER TABLE pm_work_items ADD COLUMN original_estimate_minutes INTEGER;
ALTER TABLE pm_work_items ADD COLUMN remaining_estimate_minutes INTEGER;
ALTER TABLE pm_work_items ADD COLUMN logged_minutes INTEGER NOT NULL DEFAULT 0;

CREATE TABLE pm_work_logs (
  id TEXT PRIMARY KEY,
  work_item_id TEXT NOT NULL REFERENCES pm_work_items(id),
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  user_id TEXT NOT NULL,
  started_at_ms INTEGER NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  deleted_at_ms INTEGER
);
CREATE INDEX pm_work_logs_by_item ON pm_work_logs(work_item_id, started_at_ms);
CREATE INDEX pm_work_logs_by_user ON pm_work_logs(user_id, started_at_ms);

CREATE TABLE pm_timers (
  user_id TEXT PRIMARY KEY,
  work_item_id TEXT NOT NULL REFERENCES pm_work_items(id),
  started_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
`;
