import { describe, expect, it } from 'vitest';
import { mentionedIds, splitMentions } from './mentions.ts';

const bob = { id: 'u-bob', name: 'Bob Babbage' };
const bobby = { id: 'u-bobby', name: 'Bob Marley' };
const ada = { id: 'u-ada', name: 'Ada' };

describe('mentions', () => {
  it('MENTION-1 the longest known name after @ wins, without case; the text around it stays', () => {
    expect(splitMentions('hi @bob babbage! and @Ada.', [bob, ada])).toEqual([
      { type: 'text', text: 'hi ' },
      { type: 'mention', id: 'u-bob', name: 'Bob Babbage' },
      { type: 'text', text: '! and ' },
      { type: 'mention', id: 'u-ada', name: 'Ada' },
      { type: 'text', text: '.' },
    ]);
  });

  it('MENTION-2 a first name names its person only while nobody else has it', () => {
    expect(splitMentions('@Bob', [bob])).toEqual([{ type: 'mention', id: 'u-bob', name: 'Bob Babbage' }]);
    expect(splitMentions('@Bob', [bob, bobby])).toEqual([{ type: 'text', text: '@Bob' }]);
    expect(splitMentions('@Bob Marley', [bob, bobby])).toEqual([{ type: 'mention', id: 'u-bobby', name: 'Bob Marley' }]);
  });

  it('MENTION-3 not a mention: unknown names, an @ inside a word, a name that runs on into a longer word', () => {
    for (const text of ['@Nobody', 'ada@example.com', '@Adam', '@ Ada', '@']) expect(splitMentions(text, [bob, ada]), text).toEqual([{ type: 'text', text }]);
    expect(splitMentions('', [ada])).toEqual([]);
  });

  it('MENTION-4 who a text names, outside code spans and blocks', () => {
    const text = 'Ask @Bob Babbage, not `@Bob Marley`.\n\n```\n@Bob Marley\n```\ncc @bob marley';
    expect([...mentionedIds(text, [bob, bobby])].sort()).toEqual(['u-bob', 'u-bobby']);
    expect([...mentionedIds('`@Bob Marley` only', [bob, bobby])]).toEqual([]);
  });
});
