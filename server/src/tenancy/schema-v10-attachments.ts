// Version 10: files attached to work items. The bytes live beside main.db,
// under attachments/, named by their SHA-256, so a file attached twice is
// stored once; a row is one attachment of those bytes to one item.
export const SCHEMA_V10_ATTACHMENTS = `
CREATE TABLE pm_attachments (
  id TEXT PRIMARY KEY,
  work_item_id TEXT NOT NULL REFERENCES pm_work_items(id),
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at_ms INTEGER NOT NULL,
  deleted_at_ms INTEGER
);
CREATE INDEX pm_attachments_by_item ON pm_attachments(work_item_id, uploaded_at_ms);
CREATE INDEX pm_attachments_by_sha256 ON pm_attachments(sha256, deleted_at_ms);

CREATE VIEW pm_attachments_readable AS
SELECT a.id, w.key AS item_key, a.file_name, a.content_type, a.size,
       u.display_name AS uploaded_by,
       datetime(a.uploaded_at_ms / 1000, 'unixepoch') AS uploaded_at_utc,
       CASE WHEN a.deleted_at_ms IS NULL THEN 0 ELSE 1 END AS is_deleted
FROM pm_attachments a
JOIN pm_work_items w ON w.id = a.work_item_id
LEFT JOIN pm_users u ON u.id = a.uploaded_by;
`;
