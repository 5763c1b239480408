import { describe, expect, it } from 'vitest';
import { parseMarkdown, safeHref, type Block, type Inline } from './markdown.ts';

const people = [
  { id: 'u-bob', name: 'Bob Babbage' },
  { id: 'u-ada', name: 'Ada Lovelace' },
];

/** Every inline node of the tree, depth first. */
function allInlines(blocks: readonly Block[]): Inline[] {
  const out: Inline[] = [];
  const walk = (nodes: readonly Inline[]) => {
    for (const n of nodes) {
      out.push(n);
      if ('children' in n) walk(n.children);
    }
  };
  const visit = (b: Block) => {
    switch (b.type) {
      case 'p':
      case 'text':
      case 'h':
        return walk(b.children);
      case 'quote':
        return b.children.forEach(visit);
      case 'list':
        return b.items.forEach((item) => item.children.forEach(visit));
      case 'table':
        return [...b.head, ...b.rows.flat()].forEach(walk);
    }
  };
  blocks.forEach(visit);
  return out;
}
const textOf = (blocks: readonly Block[]) =>
  allInlines(blocks)
    .map((n) => (n.type === 'text' || n.type === 'code' ? n.text : n.type === 'mention' ? `@${n.name}` : ''))
    .join('');

describe('markdown', () => {
  it('MD-1 parses headings, paragraphs, lists and code blocks', () => {
    const blocks = parseMarkdown('# Title\n\nline one\nline two\n\n- a\n- **b**\n\n3. x\n4. y\n\n```\n<b>raw</b>\n```\n\n---');
    expect(blocks.map((b) => b.type)).toEqual(['h', 'p', 'list', 'list', 'code', 'hr']);
    expect(blocks[0]).toEqual({ type: 'h', level: 1, children: [{ type: 'text', text: 'Title' }] });
    expect(blocks[1]).toEqual({ type: 'p', children: [{ type: 'text', text: 'line one\nline two' }] });
    expect(blocks[2]).toEqual({
      type: 'list',
      ordered: false,
      start: 1,
      items: [
        { checked: null, children: [{ type: 'text', children: [{ type: 'text', text: 'a' }] }] },
        { checked: null, children: [{ type: 'text', children: [{ type: 'strong', children: [{ type: 'text', text: 'b' }] }] }] },
      ],
    });
    expect(blocks[3]).toMatchObject({ type: 'list', ordered: true, start: 3 });
    expect(blocks[4]).toEqual({ type: 'code', text: '<b>raw</b>' });
  });

  it('MD-2 GFM: blockquotes, task lists, tables, strikethrough and autolinks', () => {
    const [quote, tasks, table, para] = parseMarkdown(
      '> quoted **words**\n\n- [ ] to do\n- [x] done\n\n| a | b |\n|:-|:-:|\n| 1 | `x` |\n\n~~gone~~ www.example.com and https://e.com/p?q=1 or ada@example.com',
    );
    expect(quote).toEqual({
      type: 'quote',
      children: [{ type: 'p', children: [{ type: 'text', text: 'quoted ' }, { type: 'strong', children: [{ type: 'text', text: 'words' }] }] }],
    });
    expect(tasks).toMatchObject({ type: 'list', items: [{ checked: false }, { checked: true }] });
    expect(textOf([tasks!])).toBe('to dodone');
    expect(table).toEqual({
      type: 'table',
      align: ['left', 'center'],
      head: [[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]],
      rows: [[[{ type: 'text', text: '1' }], [{ type: 'code', text: 'x' }]]],
    });
    expect(para).toEqual({
      type: 'p',
      children: [
        { type: 'del', children: [{ type: 'text', text: 'gone' }] },
        { type: 'text', text: ' ' },
        { type: 'link', href: 'http://www.example.com/', title: '', children: [{ type: 'text', text: 'www.example.com' }] },
        { type: 'text', text: ' and ' },
        { type: 'link', href: 'https://e.com/p?q=1', title: '', children: [{ type: 'text', text: 'https://e.com/p?q=1' }] },
        { type: 'text', text: ' or ' },
        { type: 'link', href: 'mailto:ada@example.com', title: '', children: [{ type: 'text', text: 'ada@example.com' }] },
      ],
    });
  });

  it('MD-3 links go to http(s) or mailto only; an unsafe one keeps its words and loses the link', () => {
    const hostile = [
      '[click](javascript:alert(1))',
      '[click](JAVASCRIPT:alert(1))',
      '[click](  javascript:alert(1))',
      '[click](data:text/html,hi)',
      '[click](vbscript:msgbox)',
      '[click](/relative)',
      '<javascript:alert(1)>',
      '![click](javascript:alert(1))',
      '[click][r]\n\n[r]: javascript:alert(1)',
    ];
    for (const src of hostile) {
      const nodes = allInlines(parseMarkdown(src));
      expect(nodes.filter((n) => n.type === 'link'), src).toEqual([]);
      expect(textOf(parseMarkdown(src)), src).toMatch(/click|javascript:alert\(1\)/);
    }
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref('http://ok.example')).toBe('http://ok.example/');
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    // An image is never loaded: a link to it, named by its alt text.
    expect(allInlines(parseMarkdown('![the chart](https://e.com/c.png)'))).toContainEqual({
      type: 'link', href: 'https://e.com/c.png', title: '', children: [{ type: 'text', text: 'the chart' }],
    });
  });

  it('MD-4 raw HTML, inline or block, stays text: no node carries markup', () => {
    const src = 'a <script>alert(1)</script> b <img src=x onerror=alert(1)>\n\n<div onclick="x">block</div>\n\n<iframe src="https://e.com"></iframe>';
    const blocks = parseMarkdown(src);
    expect(textOf(blocks)).toBe('a <script>alert(1)</script> b <img src=x onerror=alert(1)><div onclick="x">block</div><iframe src="https://e.com"></iframe>');
    for (const n of allInlines(blocks)) expect(['text', 'code', 'strong', 'em', 'del', 'link', 'br', 'mention']).toContain(n.type);
  });

  it('MD-5 character references become characters; escapes and code spans stay literal', () => {
    expect(textOf(parseMarkdown('5 &lt; 6 &amp; &copy; &#65; &#x42; &bogus; \\*not em\\* `&lt;`'))).toBe('5 < 6 & © A B &bogus; *not em* &lt;');
  });

  it('MD-6 @name of a known person is a mention, outside code and links; unknown names stay text', () => {
    const [p] = parseMarkdown('Ask @Bob Babbage, or @ada, not @Nobody Here; mail bob@example.com `@Bob Babbage` [@Ada Lovelace](https://e.com)', people);
    const nodes = allInlines([p!]);
    expect(nodes.filter((n) => n.type === 'mention')).toEqual([
      { type: 'mention', id: 'u-bob', name: 'Bob Babbage' },
      { type: 'mention', id: 'u-ada', name: 'Ada Lovelace' },
    ]);
    expect(textOf([p!])).toContain('not @Nobody Here;');
    expect(nodes).toContainEqual({ type: 'code', text: '@Bob Babbage' });
    // Without people to resolve against, nothing is a mention.
    expect(allInlines(parseMarkdown('@Bob Babbage')).some((n) => n.type === 'mention')).toBe(false);
  });
});
