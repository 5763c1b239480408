// Full-text search over the pm_search index (tenancy/schema-v3-search.ts):
// best matches first (bm25, a key or title match weighing more than one in a
// description or comment), live items and comments only, within the projects
// a caller may read.
import { sql } from 'kysely';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { ItemTypeName, StatusCategoryName } from './tables.ts';

/** Marks FTS5 puts around matching words in a snippet: characters text cannot hold (validation refuses control characters). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** Which projects to look in: one, the ones a user is a member of, or every one (workspace owners and admins). */
export type SearchScope = { project: string } | { memberOf: string } | 'all';

export interface SearchRow {
  work_item_id: string;
  project_id: string;
  project_key: string;
  key: string;
  title: string;
  item_type: ItemTypeName;
  status_name: string;
  status_category: StatusCategoryName;
  comment_id: string | null;
  key_marked: string;
  title_marked: string;
  body_snippet: string;
}

function hits(match: string, limit: number) {
  return q.selectFrom('pm_search')
    .innerJoin('pm_search_rows as r', 'r.search_rowid', 'pm_search.rowid')
    .innerJoin('pm_work_items as w', 'w.id', 'r.work_item_id')
    .innerJoin('pm_projects as p', 'p.id', 'w.project_id')
    .innerJoin('pm_workflow_statuses as s', 's.id', 'w.status_id')
    .leftJoin('pm_comments as c', 'c.id', 'r.entity_id')
    .select([
      'w.id as work_item_id', 'w.project_id', 'p.key as project_key', 'w.key', 'w.title', 'w.item_type',
      's.name as status_name', 's.category as status_category', 'c.id as comment_id',
      sql<string>`highlight(pm_search, 0, ${sql.lit(MATCH_START)}, ${sql.lit(MATCH_END)})`.as('key_marked'),
      sql<string>`highlight(pm_search, 1, ${sql.lit(MATCH_START)}, ${sql.lit(MATCH_END)})`.as('title_marked'),
      sql<string>`snippet(pm_search, 2, ${sql.lit(MATCH_START)}, ${sql.lit(MATCH_END)}, '…', 16)`.as('body_snippet'),
    ])
    .where(sql<boolean>`pm_search MATCH ${match}`)
    .where('w.deleted_at_ms', 'is', null)
    .where((eb) => eb.or([eb('r.entity_id', '=', eb.ref('r.work_item_id')), eb('c.deleted_at_ms', 'is', null)]))
    .orderBy(sql`bm25(pm_search, 10.0, 5.0, 1.0)`)
    .limit(limit);
}

const inProject = prepared((match: string, projectId: string, limit: number) => hits(match, limit).where('r.project_id', '=', projectId));
const inMemberProjects = prepared((match: string, userId: string, limit: number) =>
  hits(match, limit).where('r.project_id', 'in', (eb) => eb.selectFrom('pm_project_members').select('project_id').where('user_id', '=', userId)),
);
const inAllProjects = prepared((match: string, limit: number) => hits(match, limit));

/**
 * The best rows for `match`, up to `rows` of them. An item can come several
 * times (itself and some of its comments); the caller keeps each item's best.
 */
export function searchRows(db: SqlRunner, match: string, scope: SearchScope, rows: number): SearchRow[] {
  if (scope === 'all') return db.all(inAllProjects(match, rows));
  if ('project' in scope) return db.all(inProject(match, scope.project, rows));
  return db.all(inMemberProjects(match, scope.memberOf, rows));
}

const ofItem = prepared((match: string, workItemId: string) => hits(match, 1).where('r.work_item_id', '=', workItemId));

const byKey = prepared((key: string) => q.selectFrom('pm_work_items').select(['id', 'project_id']).where('key', '=', key).where('deleted_at_ms', 'is', null));

/** The live item with exactly this key, if there is one. */
export function itemWithKey(db: SqlRunner, key: string): { id: string; project_id: string } | undefined {
  return db.get(byKey(key));
}

/** The best row of one item for `match`, whatever its rank among the others. */
export function searchRowOfItem(db: SqlRunner, match: string, workItemId: string): SearchRow | undefined {
  return db.get(ofItem(match, workItemId));
}
