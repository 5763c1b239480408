// What a typed search means (shared/domain/search-query.ts).
import { describe, expect, it } from 'vitest';
import { checkSearchLimit, ftsMatch, parseSearchQuery } from './search-query.ts';

describe('search queries', () => {
  it('SEARCH-7 words are runs of letters and digits, lower-cased and once each; a key is read as one', () => {
    expect(parseSearchQuery('Flaky  socket, flaky!')).toEqual({ words: ['flaky', 'socket'], key: null });
    expect(parseSearchQuery(' web-012 ')).toEqual({ words: ['web', '012'], key: 'WEB-12' });
    expect(parseSearchQuery('Crème brûlée')).toEqual({ words: ['crème', 'brûlée'], key: null });
  });

  it('SEARCH-7 the MATCH expression quotes every word: prefixes from two characters, one character whole, nothing for no words', () => {
    expect(ftsMatch(parseSearchQuery('web-3 AND near(x'))).toBe('"web"* AND "3" AND "and"* AND "near"* AND "x"');
    expect(ftsMatch(parseSearchQuery('"*()'))).toBeNull();
    expect(ftsMatch(parseSearchQuery('flaky so'), ['key', 'title'])).toBe('{key title} : ("flaky"* AND "so"*)');
  });

  it('SEARCH-7 refuses a query past 200 characters or 12 words, control characters, and a limit past 50', () => {
    expect(() => parseSearchQuery('x'.repeat(201))).toThrow(/at most 200 characters/);
    expect(() => parseSearchQuery(Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '))).toThrow(/at most 12 words/);
    expect(() => parseSearchQuery('a\u0000b')).toThrow(/control character/);
    expect([checkSearchLimit(0), checkSearchLimit(50)]).toEqual([20, 50]);
    expect(() => checkSearchLimit(51)).toThrow(/1 to 50/);
    expect(() => checkSearchLimit(-1)).toThrow(/1 to 50/);
  });
});
