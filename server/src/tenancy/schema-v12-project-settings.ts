// Version 12: project settings. Archiving and deleting are marks on the row,
// so a deleted project's rows stay for the retention period; a key change
// keeps the old key here, so links naming it (WEB-12) still resolve.
export const SCHEMA_V12_PROJECT_SETTINGS = `
ALTER TABLE pm_projects ADD COLUMN archived_at_ms INTEGER;
ALTER TABLE pm_projects ADD COLUMN deleted_at_ms INTEGER;
ALTER TABLE pm_sprints ADD COLUMN deleted_at_ms INTEGER;
CREATE TABLE pm_project_former_keys (
  key TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  retired_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX pm_project_former_keys_by_project ON pm_project_former_keys(project_id);
`;
