// What a search query means, shared by the server (which runs it) and the
// client (which marks the same words in what it shows). Words are runs of
// letters and digits, so punctuation never reaches FTS5's query syntax.
import { invalidArgument } from './errors.ts';
import { checkText } from './validation.ts';

export const SEARCH_LIMITS = {
  queryMax: 200,
  wordsMax: 12,
  hitsDefault: 20,
  hitsMax: 50,
} as const;

export interface SearchQuery {
  /** Lower-cased, in the order typed, each once. */
  readonly words: readonly string[];
  /** The query read as an item key (`web-12` → `WEB-12`), for an exact match ranked first. */
  readonly key: string | null;
}

const WORD = /[\p{L}\p{N}]+/gu;
const KEY = /^\s*([A-Za-z]{2,10})-(\d{1,9})\s*$/;

export function parseSearchQuery(text: string): SearchQuery {
  if (text.length > SEARCH_LIMITS.queryMax) throw invalidArgument('query', `A search is at most ${SEARCH_LIMITS.queryMax} characters`);
  checkText(text, 'query', 'The search');
  const words = [...new Set(Array.from(text.toLowerCase().matchAll(WORD), (m) => m[0]))];
  if (words.length > SEARCH_LIMITS.wordsMax) throw invalidArgument('query', `A search is at most ${SEARCH_LIMITS.wordsMax} words`);
  const key = KEY.exec(text);
  return { words, key: key ? `${key[1]!.toUpperCase()}-${Number(key[2])}` : null };
}

/**
 * The FTS5 MATCH expression: every word must be there, in any order. A word of
 * two characters or more matches as a prefix (what a person is still typing);
 * a single character only whole, since a one-letter prefix matches most of
 * the index. `columns` narrows every word to those index columns. Null
 * when there is nothing to look for.
 */
export function ftsMatch(query: SearchQuery, columns?: readonly string[]): string | null {
  if (query.words.length === 0) return null;
  const all = query.words.map((w) => (w.length >= 2 ? `"${w}"*` : `"${w}"`)).join(' AND ');
  return columns ? `{${columns.join(' ')}} : (${all})` : all;
}

export function checkSearchLimit(limit: number): number {
  if (limit === 0) return SEARCH_LIMITS.hitsDefault;
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMITS.hitsMax) {
    throw invalidArgument('limit', `A search answers 1 to ${SEARCH_LIMITS.hitsMax} items`);
  }
  return limit;
}
