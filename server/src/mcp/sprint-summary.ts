// summarize_sprint: one sprint's scope, progress, blockers, holders and recent
// changes, as numbers and keys an answer can quote.
import type { Database } from 'better-sqlite3';
import { blocked, byStatus, DEFINITIONS, holders, isDone, loadItems, plural, tally } from './item-facts.ts';
import { findProject, findSprint } from './lookups.ts';
import { recentChanges } from './recent-changes.ts';

export function summarizeSprint(db: Database, projectKey: string, sprintName?: string) {
  // One snapshot: the counts and the changes agree even while the server writes.
  return db.transaction(() => {
    const project = findProject(db, projectKey);
    const sprint = findSprint(db, project, sprintName);
    const items = loadItems(db, project.id, sprint.id);
    const done = items.filter(isDone);
    const remaining = items.filter((i) => !isDone(i));
    const stuck = blocked(items);
    const [scope, doneTally, remainingTally] = [tally(items), tally(done), tally(remaining)];
    const ends = sprint.end_date ? `, ends ${sprint.end_date}` : '';
    return {
      headline:
        `${sprint.name} (${sprint.state}${ends}) in ${project.key}: ${plural(scope.items, 'item')}, ${plural(scope.points, 'point')}; ` +
        `done ${doneTally.items} (${plural(doneTally.points, 'point')}); ` +
        `remaining ${remainingTally.items} (${plural(remainingTally.points, 'point')}); ${stuck.length} blocked`,
      project: { key: project.key, name: project.name },
      sprint,
      scope: { ...scope, unestimated: items.filter((i) => i.points === null).length },
      done: doneTally,
      remaining: { ...remainingTally, by_status: byStatus(remaining) },
      blocked: stuck,
      holders: holders(items),
      recent_changes: recentChanges(db, project.id, sprint.id),
      definitions: DEFINITIONS,
    };
  }).deferred();
}
