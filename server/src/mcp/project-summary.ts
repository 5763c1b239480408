// summarize_project: a project's size and progress, its sprints, backlog,
// blockers, people and recent changes, as numbers and keys an answer can quote.
import type { Database } from 'better-sqlite3';
import { blocked, byStatus, DEFINITIONS, holders, isDone, loadItems, plural, tally } from './item-facts.ts';
import { findProject } from './lookups.ts';
import { recentChanges } from './recent-changes.ts';

function sprints(db: Database, projectId: string) {
  const rows = db
    .prepare<[string], { id: string; name: string; state: string; end_date: string }>(
      'SELECT id, name, state, end_date FROM pm_sprints WHERE project_id = ? ORDER BY created_at_ms',
    )
    .all(projectId);
  const active = rows.find((s) => s.state === 'ACTIVE');
  const activeItems = active ? loadItems(db, projectId, active.id) : [];
  return {
    active: active
      ? { name: active.name, end_date: active.end_date, scope: tally(activeItems), done: tally(activeItems.filter(isDone)) }
      : null,
    planned: rows.filter((s) => s.state === 'PLANNED').map((s) => s.name),
    completed: rows.filter((s) => s.state === 'COMPLETED').length,
  };
}

function members(db: Database, projectId: string) {
  return db
    .prepare<[string], { name: string; role: string }>(
      `SELECT u.display_name AS name, m.role FROM pm_project_members m JOIN pm_users u ON u.id = m.user_id
       WHERE m.project_id = ? ORDER BY u.display_name`,
    )
    .all(projectId);
}

export function summarizeProject(db: Database, projectKey: string) {
  // One snapshot: the counts and the changes agree even while the server writes.
  return db.transaction(() => {
    const project = findProject(db, projectKey);
    const items = loadItems(db, project.id, null);
    const remaining = items.filter((i) => !isDone(i));
    const backlog = tally(remaining.filter((i) => !i.inSprint));
    const stuck = blocked(items);
    const sprintFacts = sprints(db, project.id);
    const [all, done, left] = [tally(items), tally(items.filter(isDone)), tally(remaining)];
    const byType: Record<string, number> = {};
    for (const item of items) byType[item.type] = (byType[item.type] ?? 0) + 1;
    return {
      headline:
        `${project.key} ${project.name}: ${plural(all.items, 'item')}, ${plural(all.points, 'point')}; ` +
        `done ${done.items} (${plural(done.points, 'point')}); remaining ${left.items} (${plural(left.points, 'point')}), ` +
        `${backlog.items} of them in no sprint; ${sprintFacts.active ? `active sprint ${sprintFacts.active.name}` : 'no active sprint'}; ` +
        `${stuck.length} blocked`,
      project,
      items: { ...all, by_type: byType, by_status: byStatus(items) },
      done,
      remaining: left,
      backlog,
      sprints: sprintFacts,
      blocked: stuck,
      holders: holders(items),
      members: members(db, project.id),
      recent_changes: recentChanges(db, project.id, null),
      definitions: DEFINITIONS,
    };
  }).deferred();
}
