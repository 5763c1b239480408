// Full-text search over the pm_search index (tenancy/schema-v3-search.ts).
// Ranking runs on the index alone (bm25, a key or title match weighing more
// than one in a description or comment); only the best rows are then joined
// to their items, which keeps a query that matches most of a tenant as cheap
// as ranking it. Snippets are made for the rows that are shown.
import { sql } from 'kysely';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { ItemTypeName, StatusCategoryName } from './tables.ts';

/** Marks FTS5 puts around matching words in a snippet: characters text cannot hold (validation refuses control characters). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** Which projects to look in: one, the ones a user is a member of, or every one (workspace owners and admins). */
export type SearchScope = { project: string } | { memberOf: string } | 'all';

export interface SearchRow {
  search_rowid: number;
  work_item_id: string;
  project_id: string;
  project_key: string;
  key: string;
  title: string;
  item_type: ItemTypeName;
  status_name: string;
  status_category: StatusCategoryName;
  comment_id: string | null;
}

export interface SearchMarks {
  key_marked: string;
  title_marked: string;
  body_snippet: string;
}

const ranked = prepared((match: string, limit: number) =>
  q.selectFrom('pm_search').select('rowid').where(sql<boolean>`pm_search MATCH ${match}`).orderBy(sql`bm25(pm_search, 10.0, 5.0, 1.0)`).limit(limit),
);

/** The best index rows for `match`, best first, whatever they belong to. */
export function rankedRowids(db: SqlRunner, match: string, limit: number): number[] {
  return db.all(ranked(match, limit)).map((r) => r.rowid);
}

function live(rowids: string) {
  return q.selectFrom('pm_search_rows as r')
    .innerJoin('pm_work_items as w', 'w.id', 'r.work_item_id')
    .innerJoin('pm_projects as p', 'p.id', 'w.project_id')
    .innerJoin('pm_workflow_statuses as s', 's.id', 'w.status_id')
    .leftJoin('pm_comments as c', 'c.id', 'r.entity_id')
    .select([
      'r.search_rowid', 'w.id as work_item_id', 'w.project_id', 'p.key as project_key', 'w.key', 'w.title', 'w.item_type',
      's.name as status_name', 's.category as status_category', 'c.id as comment_id',
    ])
    .where('r.search_rowid', 'in', sql<number>`(SELECT value FROM json_each(${rowids}))`)
    .where('w.deleted_at_ms', 'is', null)
    .where('p.deleted_at_ms', 'is', null)
    .where((eb) => eb.or([eb('r.entity_id', '=', eb.ref('r.work_item_id')), eb('c.deleted_at_ms', 'is', null)]));
}

const inProject = prepared((rowids: string, projectId: string) => live(rowids).where('r.project_id', '=', projectId));
const inMemberProjects = prepared((rowids: string, userId: string) =>
  live(rowids).where('r.project_id', 'in', (eb) => eb.selectFrom('pm_project_members').select('project_id').where('user_id', '=', userId)),
);
const inAllProjects = prepared((rowids: string) => live(rowids));

/** Of these index rows, the ones of live items and comments in `scope`, in no particular order. */
export function liveRowsIn(db: SqlRunner, rowids: readonly number[], scope: SearchScope): SearchRow[] {
  const list = JSON.stringify(rowids);
  if (scope === 'all') return db.all(inAllProjects(list));
  if ('project' in scope) return db.all(inProject(list, scope.project));
  return db.all(inMemberProjects(list, scope.memberOf));
}

const marks = prepared((match: string, rowid: number) =>
  q.selectFrom('pm_search')
    .select([
      sql<string>`highlight(pm_search, 0, ${sql.lit(MATCH_START)}, ${sql.lit(MATCH_END)})`.as('key_marked'),
      sql<string>`highlight(pm_search, 1, ${sql.lit(MATCH_START)}, ${sql.lit(MATCH_END)})`.as('title_marked'),
      sql<string>`snippet(pm_search, 2, ${sql.lit(MATCH_START)}, ${sql.lit(MATCH_END)}, '…', 16)`.as('body_snippet'),
    ])
    .where(sql<boolean>`pm_search MATCH ${match}`)
    .where('rowid', '=', rowid),
);

/** Where `match` matched in one index row, marked. */
export function searchMarks(db: SqlRunner, match: string, rowid: number): SearchMarks {
  return db.get(marks(match, rowid)) ?? { key_marked: '', title_marked: '', body_snippet: '' };
}

const byKey = prepared((key: string) =>
  q.selectFrom('pm_search_rows as r').innerJoin('pm_work_items as w', 'w.id', 'r.entity_id').select('r.search_rowid').where('w.key', '=', key),
);

/** The index row of the item with exactly this key, if there is one. */
export function rowidOfKey(db: SqlRunner, key: string): number | undefined {
  return db.get(byKey(key))?.search_rowid;
}
