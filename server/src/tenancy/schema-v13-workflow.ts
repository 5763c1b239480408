// Version 13: workflows shaped by their teams, and pull mode. A removed
// status stays as a row (its items moved elsewhere) so history and reports
// still know what it meant; it leaves the board's positions for negative
// ones, which keeps (project_id, position) unique for the live columns.
export const SCHEMA_V13_WORKFLOW = `
ALTER TABLE pm_workflow_statuses ADD COLUMN wip_limit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pm_workflow_statuses ADD COLUMN removed_at_ms INTEGER;
ALTER TABLE pm_projects ADD COLUMN pull_mode INTEGER NOT NULL DEFAULT 0;
`;
