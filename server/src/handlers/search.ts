import { effectiveRole, isTenantAdmin } from '../../../shared/domain/permissions.ts';
import { checkSearchLimit, ftsMatch, parseSearchQuery } from '../../../shared/domain/search-query.ts';
import { Role, type ISearchHit, type ISnippetPart } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { itemTypes, statusCategories } from '../storage/enums.ts';
import { memberRole } from '../storage/members.ts';
import {
  itemWithKey, MATCH_END, MATCH_START, searchRowOfItem, searchRows, type SearchRow, type SearchScope,
} from '../storage/search.ts';
import { projectAccess } from './access.ts';
import type { ReadContext, ResultValue } from './context.ts';

/** Rows fetched per hit asked for: an item matched by itself and by some of its comments comes more than once. */
const ROWS_PER_HIT = 4;

/**
 * Ranked items for a query, in the caller's projects (or one of them). An
 * exact key (`WEB-12`) comes first; then each item once, at its best row.
 */
export function search(ctx: ReadContext, cmd: Commands['search']): ResultValue {
  const query = parseSearchQuery(cmd.query);
  const limit = checkSearchLimit(cmd.limit);
  const match = ftsMatch(query);
  return ctx.db.readTransaction(() => {
    const scope = scopeOf(ctx, cmd.projectId);
    if (match === null) return { searchResults: { hits: [] } };
    const found: SearchRow[] = [];
    const keyed = query.key === null ? undefined : itemWithKey(ctx.db, query.key);
    const keyRow = keyed && inScope(ctx, scope, keyed.project_id) ? searchRowOfItem(ctx.db, match, keyed.id) : undefined;
    if (keyRow) found.push(keyRow);
    found.push(...searchRows(ctx.db, match, scope, limit * ROWS_PER_HIT));
    const seen = new Set<string>();
    const hits: ISearchHit[] = [];
    for (const row of found) {
      if (seen.has(row.work_item_id)) continue;
      seen.add(row.work_item_id);
      hits.push(toHit(row, row === keyRow));
      if (hits.length === limit) break;
    }
    return { searchResults: { hits } };
  });
}

function scopeOf(ctx: ReadContext, projectId: string): SearchScope {
  if (projectId) return { project: projectAccess(ctx, projectId, Role.ROLE_VIEWER).project.id };
  return isTenantAdmin(ctx.caller.tenantRole) ? 'all' : { memberOf: ctx.caller.userId };
}

function inScope(ctx: ReadContext, scope: SearchScope, projectId: string): boolean {
  if (scope !== 'all' && 'project' in scope) return scope.project === projectId;
  return effectiveRole(ctx.caller.tenantRole, memberRole(ctx.db, projectId, ctx.caller.userId)) !== null;
}

function toHit(row: SearchRow, exactKey: boolean): ISearchHit {
  const where = exactKey ? 'key' : matchedIn(row);
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
    snippet: snippetParts(where === 'title' || where === 'key' ? row.title_marked : row.body_snippet),
  };
}

const marked = (text: string) => text.includes(MATCH_START);

function matchedIn(row: SearchRow): 'key' | 'title' | 'description' | 'comment' {
  if (row.comment_id !== null) return 'comment';
  if (marked(row.title_marked)) return 'title';
  if (marked(row.key_marked)) return 'key';
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
