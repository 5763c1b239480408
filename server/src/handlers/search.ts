import { isTenantAdmin } from '../../../shared/domain/permissions.ts';
import { checkSearchLimit, ftsMatch, parseSearchQuery } from '../../../shared/domain/search-query.ts';
import { Role, type ISearchHit, type ISnippetPart } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { itemTypes, statusCategories } from '../storage/enums.ts';
import {
  liveRowsIn, MATCH_END, MATCH_START, rankedRowids, rowidOfKey, searchMarks, type SearchMarks, type SearchRow, type SearchScope,
} from '../storage/search.ts';
import { projectAccess } from './access.ts';
import type { ReadContext, ResultValue } from './context.ts';

/**
 * Index rows ranked per round, as multiples of the hits asked for: an item
 * can come more than once (itself and its comments), and rows of deleted
 * items or of projects the caller cannot read are passed over, so a round
 * that leaves too few hits ranks more.
 */
const ROUNDS = [4, 32, 256];

/**
 * Ranked items for a query, in the caller's projects (or one of them), each
 * once: an exact key (`WEB-12`) alone, else items whose key or title has
 * every word, then those that have them anywhere (description, comments).
 * Ranking titles on their own first keeps a query that matches most of a
 * tenant's text as cheap as one that matches its titles.
 */
export function search(ctx: ReadContext, cmd: Commands['search']): ResultValue {
  const query = parseSearchQuery(cmd.query);
  const limit = checkSearchLimit(cmd.limit);
  const everywhere = ftsMatch(query);
  const inTitles = ftsMatch(query, ['key', 'title']);
  return ctx.db.readTransaction(() => {
    const scope = scopeOf(ctx, cmd.projectId);
    if (everywhere === null || inTitles === null) return { searchResults: { hits: [] } };
    const found = new Map<string, { row: SearchRow; exactKey: boolean }>();
    const take = (rowids: readonly number[], exactKey = false) => {
      const rows = new Map(liveRowsIn(ctx.db, rowids, scope).map((row) => [row.search_rowid, row]));
      for (const rowid of rowids) {
        const row = rows.get(rowid);
        if (row && !found.has(row.work_item_id) && found.size < limit) found.set(row.work_item_id, { row, exactKey });
      }
    };
    const keyed = query.key === null ? undefined : rowidOfKey(ctx.db, query.key);
    if (keyed !== undefined) take([keyed], true);
    // An exact key is where the person is going (as in Jira and Linear): ranking every
    // item of its project, whose keys all share its first word, would only delay it.
    const phases = found.size > 0 ? [] : [inTitles, everywhere];
    for (const match of phases) {
      for (const multiple of ROUNDS) {
        if (found.size >= limit) break;
        const rowids = rankedRowids(ctx.db, match, limit * multiple);
        take(rowids);
        if (rowids.length < limit * multiple) break;
      }
    }
    const hits = [...found.values()].map(({ row, exactKey }) => toHit(row, exactKey, searchMarks(ctx.db, everywhere, row.search_rowid)));
    return { searchResults: { hits } };
  });
}

function scopeOf(ctx: ReadContext, projectId: string): SearchScope {
  if (projectId) return { project: projectAccess(ctx, projectId, Role.ROLE_VIEWER).project.id };
  return isTenantAdmin(ctx.caller.tenantRole) ? 'all' : { memberOf: ctx.caller.userId };
}

function toHit(row: SearchRow, exactKey: boolean, marks: SearchMarks): ISearchHit {
  const where = exactKey ? 'key' : matchedIn(row, marks);
  return {
    workItemId: row.work_item_id,
    projectId: row.project_id,
    projectKey: row.project_key,
    key: row.key,
    title: row.title,
    itemType: itemTypes.fromName(row.item_type),
    statusName: row.status_name,
    statusCategory: statusCategories.fromName(row.status_category),
    matchedIn: where,
    commentId: row.comment_id ?? '',
    snippet: snippetParts(where === 'title' || where === 'key' ? marks.title_marked : marks.body_snippet),
  };
}

const marked = (text: string) => text.includes(MATCH_START);

function matchedIn(row: SearchRow, marks: SearchMarks): 'key' | 'title' | 'description' | 'comment' {
  if (row.comment_id !== null) return 'comment';
  if (marked(marks.title_marked)) return 'title';
  if (marked(marks.key_marked)) return 'key';
  return 'description';
}

/** FTS5's marked text as parts: plain runs, and the matching words. */
function snippetParts(text: string): ISnippetPart[] {
  const parts: ISnippetPart[] = [];
  for (const [i, piece] of text.split(MATCH_START).entries()) {
    const [matched, rest] = i === 0 ? [null, piece] : splitOnce(piece, MATCH_END);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

function splitOnce(text: string, mark: string): [string, string] {
  const at = text.indexOf(mark);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + mark.length)];
}
