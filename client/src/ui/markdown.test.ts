import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdown.ts';

describe('markdown', () => {
  it('parses headings, paragraphs, lists and code blocks', () => {
    const blocks = parseMarkdown('# Title\n\nline one\nline two\n\n- a\n- **b**\n\n1. x\n2. y\n\n```\n<b>raw</b>\n```');
    expect(blocks.map((b) => b.type)).toEqual(['h', 'p', 'ul', 'ol', 'code']);
    expect(blocks[1]).toEqual({ type: 'p', children: [{ type: 'text', text: 'line one line two' }] });
    expect(blocks[4]).toEqual({ type: 'code', text: '<b>raw</b>' });
  });

  it('parses emphasis, inline code and safe links only', () => {
    expect(parseInline('a *em* **st** `c<d>` [x](https://e.com/p)')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'em', children: [{ type: 'text', text: 'em' }] },
      { type: 'text', text: ' ' },
      { type: 'strong', children: [{ type: 'text', text: 'st' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'c<d>' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://e.com/p', children: [{ type: 'text', text: 'x' }] },
    ]);
    // javascript: and data: links keep their words, never become links.
    expect(parseInline('[click](javascript:alert(1))').some((n) => n.type === 'link')).toBe(false);
    expect(parseInline('[click](data:text/html,hi)')).toEqual([{ type: 'text', text: 'click' }]);
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref('http://ok.example')).toBe('http://ok.example/');
  });

  it('leaves markup as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ type: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });
});
