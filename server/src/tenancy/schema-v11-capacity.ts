// Version 11: each member's availability in a sprint, for capacity planning.
export const SCHEMA_V11_CAPACITY = `
CREATE TABLE pm_sprint_capacity (
  sprint_id TEXT NOT NULL REFERENCES pm_sprints(id),
  user_id TEXT NOT NULL,
  days_off INTEGER NOT NULL,
  focus_percent INTEGER NOT NULL,
  hours_per_day REAL NOT NULL,
  PRIMARY KEY (sprint_id, user_id)
) WITHOUT ROWID;
`;
