// Version 7: who watches which item, each person's notifications, and the
// kinds each person has turned off. Items made before watch as they would
// have: their creator, their assignee and everyone who commented.
export const SCHEMA_V7_NOTIFICATIONS = `
CREATE TABLE pm_watchers (
  work_item_id TEXT NOT NULL REFERENCES pm_work_items(id),
  user_id TEXT NOT NULL,
  since_ms INTEGER NOT NULL,
  PRIMARY KEY (work_item_id, user_id)
) WITHOUT ROWID;
CREATE INDEX pm_watchers_by_user ON pm_watchers(user_id);

CREATE TABLE pm_notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('MENTIONED', 'ASSIGNED', 'COMMENTED', 'STATUS_CHANGED', 'SPRINT_STARTED', 'SPRINT_COMPLETED')),
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  work_item_id TEXT,
  sprint_id TEXT,
  actor_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  excerpt TEXT NOT NULL DEFAULT '',
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  read_at_ms INTEGER
);
CREATE INDEX pm_notifications_by_user ON pm_notifications(user_id, updated_at_ms);
CREATE INDEX pm_notifications_unread ON pm_notifications(user_id, kind, work_item_id, sprint_id) WHERE read_at_ms IS NULL;

CREATE TABLE pm_notification_settings (
  user_id TEXT PRIMARY KEY,
  muted TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

INSERT OR IGNORE INTO pm_watchers (work_item_id, user_id, since_ms)
SELECT id, created_by, created_at_ms FROM pm_work_items
UNION ALL SELECT id, assignee_id, updated_at_ms FROM pm_work_items WHERE assignee_id IS NOT NULL
UNION ALL SELECT work_item_id, author_id, created_at_ms FROM pm_comments;
`;
