// The DOM building, checked against a stand-in document that records every
// element, attribute and text node: hostile markdown makes only the fixed
// elements and attributes, never a script, an event handler or a javascript: link.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown.ts';
import { renderMarkdown, type MarkdownDocument } from './markdown-dom.ts';

const VOID = new Set(['input', 'br', 'hr']);

class FakeNode {
  children: FakeNode[] = [];
  attributes = new Map<string, string>();
  className = '';
  constructor(
    readonly tag: string,
    readonly text = '',
  ) {}
  appendChild(child: FakeNode) {
    this.children.push(child);
    return child;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  get html(): string {
    if (this.tag === '#text') return this.text;
    const inner = this.children.map((c) => c.html).join('');
    if (this.tag === '#fragment') return inner;
    const attrs = [...(this.className ? [['class', this.className]] : []), ...this.attributes].map(([k, v]) => ` ${k}="${v}"`).join('');
    return VOID.has(this.tag) ? `<${this.tag}${attrs}>` : `<${this.tag}${attrs}>${inner}</${this.tag}>`;
  }
  *all(): Generator<FakeNode> {
    yield this;
    for (const c of this.children) yield* c.all();
  }
}

const fakeDocument = {
  createElement: (tag: string) => new FakeNode(tag),
  createTextNode: (text: string) => new FakeNode('#text', text),
  createDocumentFragment: () => new FakeNode('#fragment'),
} as unknown as MarkdownDocument;

const render = (src: string, people = [{ id: 'u-bob', name: 'Bob Babbage' }]) =>
  renderMarkdown(parseMarkdown(src, people), fakeDocument) as unknown as FakeNode;

const ELEMENTS = new Set(['p', 'h3', 'h4', 'h5', 'h6', 'pre', 'code', 'blockquote', 'ul', 'ol', 'li', 'input', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'strong', 'em', 'del', 'br', 'a', 'span']);
const ATTRIBUTES = new Set(['href', 'title', 'target', 'rel', 'type', 'disabled', 'checked', 'aria-label', 'start', 'data-testid', 'data-user-id']);

describe('markdown DOM', () => {
  it('MD-7 builds the GFM elements: quote, task boxes, table, strikethrough, links, mentions', () => {
    expect(render('> **q**').html).toBe('<blockquote><p><strong>q</strong></p></blockquote>');
    expect(render('- [x] done\n- [ ] not').html).toBe(
      '<ul><li class="markdown__task"><input type="checkbox" disabled="" aria-label="Done" checked="">' +
        ' done</li><li class="markdown__task"><input type="checkbox" disabled="" aria-label="Not done"> not</li></ul>',
    );
    expect(render('| a | b |\n|-|-:|\n| 1 | 2 |').html).toBe(
      '<div class="markdown__table"><table><thead><tr><th>a</th><th class="markdown__cell--right">b</th></tr></thead>' +
        '<tbody><tr><td>1</td><td class="markdown__cell--right">2</td></tr></tbody></table></div>',
    );
    expect(render('~~old~~ https://e.com ask @Bob Babbage').html).toBe(
      '<p><del>old</del> <a href="https://e.com/" target="_blank" rel="noopener noreferrer nofollow">https://e.com</a>' +
        ' ask <span class="mention" data-testid="mention" data-user-id="u-bob">@Bob Babbage</span></p>',
    );
  });

  it('MD-8 hostile markdown makes no script, no handler, no javascript: link: its markup is text', () => {
    const src = [
      '<script>alert(1)</script>',
      'a <img src=x onerror=alert(1)> b <a href="javascript:alert(1)">x</a>',
      '[js](javascript:alert(1)) [js2](JaVaScRiPt:alert(1)) <javascript:alert(1)> ![i](javascript:alert(1))',
      '<svg onload=alert(1)><iframe srcdoc="<script>alert(1)</script>">',
      '| <script>x</script> |\n|-|\n| [t](javascript:x) |',
      '> <style>body{display:none}</style>',
    ].join('\n\n');
    const root = render(src);
    for (const node of root.all()) {
      if (node.tag.startsWith('#')) continue;
      expect(ELEMENTS, node.tag).toContain(node.tag);
      for (const [name, value] of node.attributes) {
        expect(ATTRIBUTES, name).toContain(name);
        expect(value.toLowerCase()).not.toContain('javascript:');
      }
    }
    expect([...root.all()].filter((n) => n.tag === 'a')).toEqual([]);
    const text = [...root.all()].filter((n) => n.tag === '#text').map((n) => n.text).join('');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
  });
});
