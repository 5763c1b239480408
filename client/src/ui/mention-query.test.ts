// What the mention autocomplete reads and writes (mention-query.ts).
import { describe, expect, it } from 'vitest';
import { matchingPeople, mentionQueryAt, withMention } from './mention-query.ts';

const people = [
  { id: 'b', name: 'Bob Babbage' },
  { id: 'a', name: 'Ada Lovelace' },
  { id: 'j', name: 'José Bonet' },
  { id: 'r', name: 'Rob Ada' },
];
const names = (text: string) => matchingPeople(people, text).map((p) => p.name);
const at = (text: string) => mentionQueryAt(text, text.length);

describe('mention autocomplete', () => {
  it('MENTION-5 an @ at a word\'s start, up to the caret, on one line, is being typed; one inside a word is not', () => {
    expect(at('Ask @Bo')).toEqual({ at: 4, text: 'Bo' });
    expect(at('@')).toEqual({ at: 0, text: '' });
    expect(at('(@ada lo')).toEqual({ at: 1, text: 'ada lo' });
    expect(at('mail me@example')).toBeNull();
    expect(at('@ Bob')).toBeNull();
    expect(at('@Bob\nand')).toBeNull();
    expect(at('no mention')).toBeNull();
    expect(mentionQueryAt('@Bob', 0)).toBeNull();
    expect(mentionQueryAt('Ask @Bo and more', 7)).toEqual({ at: 4, text: 'Bo' });
  });

  it('MENTION-6 people are found by the start of their name or of a later word, without case or accents; whole-name matches first', () => {
    expect(names('Bo')).toEqual(['Bob Babbage', 'José Bonet']);
    expect(names('ada')).toEqual(['Ada Lovelace', 'Rob Ada']);
    expect(names('jose')).toEqual(['José Bonet']);
    expect(names('ada  lo')).toEqual(['Ada Lovelace']);
    expect(names('')).toEqual(['Ada Lovelace', 'Bob Babbage', 'José Bonet', 'Rob Ada']);
    expect(names('Bob Babbage ')).toEqual([]);
    expect(matchingPeople(people, '', 2)).toHaveLength(2);
  });

  it('MENTION-7 the pick replaces what was typed with @Full Name and one space, the caret after it', () => {
    const text = 'Ask @Bo';
    expect(withMention(text, at(text)!, people[0]!)).toEqual({ value: 'Ask @Bob Babbage ', caret: 17 });
    const middle = 'Ask @Bo to look';
    expect(withMention(middle, mentionQueryAt(middle, 7)!, people[0]!)).toEqual({ value: 'Ask @Bob Babbage to look', caret: 17 });
  });
});
