// A project by its key and a sprint by its name or id, as an LLM names them;
// a miss lists what there is, so the next call can be right.
import type { Database } from 'better-sqlite3';
import type { SprintStateName } from '../storage/tables.ts';

export interface ProjectRow {
  id: string;
  key: string;
  name: string;
  description: string;
  created_at_utc: string;
}

export interface SprintRow {
  id: string;
  name: string;
  state: SprintStateName;
  goal: string;
  start_date: string;
  end_date: string;
  started_at_utc: string | null;
  completed_at_utc: string | null;
}

const utc = (column: string) => `datetime(${column} / 1000, 'unixepoch')`;

export function findProject(db: Database, key: string): ProjectRow {
  const project = db
    .prepare<[string], ProjectRow>(
      `SELECT id, key, name, description, ${utc('created_at_ms')} AS created_at_utc FROM pm_projects WHERE key = upper(?)`,
    )
    .get(key.trim());
  if (project) return project;
  const keys = db.prepare<[], string>('SELECT key FROM pm_projects ORDER BY key').pluck().all();
  throw new Error(`no project with key ${JSON.stringify(key)}; the projects are: ${keys.join(', ') || 'none'}`);
}

/** The sprint named (by name or id), or with none named the project's active sprint. */
export function findSprint(db: Database, project: ProjectRow, sprint: string | undefined): SprintRow {
  const sprints = db
    .prepare<[string], SprintRow>(
      `SELECT id, name, state, goal, start_date, end_date, ${utc('started_at_ms')} AS started_at_utc,
              ${utc('completed_at_ms')} AS completed_at_utc
       FROM pm_sprints WHERE project_id = ? ORDER BY created_at_ms`,
    )
    .all(project.id);
  const matches = sprint === undefined ? sprints.filter((s) => s.state === 'ACTIVE') : sprints.filter((s) => s.id === sprint || s.name === sprint);
  if (matches.length === 1) return matches[0]!;
  const known = sprints.map((s) => `${s.name} (${s.state}, id ${s.id})`).join('; ') || 'none';
  if (matches.length > 1) throw new Error(`${matches.length} sprints of ${project.key} are named ${JSON.stringify(sprint)}; name one by id: ${known}`);
  const missing = sprint === undefined ? `${project.key} has no active sprint` : `${project.key} has no sprint ${JSON.stringify(sprint)}`;
  throw new Error(`${missing}; its sprints: ${known}`);
}
