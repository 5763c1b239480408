// The tree of markdown.ts as DOM nodes, built element by element with fixed
// tag names, text nodes and a few fixed attributes: no user text ever goes
// through innerHTML, so whatever markup it holds is shown as characters.
import type { Align, Block, Inline } from './markdown.ts';

/** What is needed of a document: the page's, or a stand-in in tests. */
export type MarkdownDocument = Pick<Document, 'createElement' | 'createTextNode' | 'createDocumentFragment'>;

function append(doc: MarkdownDocument, parent: Node, nodes: readonly Inline[]): void {
  for (const n of nodes) parent.appendChild(inlineNode(doc, n));
}

function element<K extends keyof HTMLElementTagNameMap>(doc: MarkdownDocument, tag: K, children: readonly Inline[] = []): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  append(doc, el, children);
  return el;
}

function inlineNode(doc: MarkdownDocument, n: Inline): Node {
  switch (n.type) {
    case 'text':
      return doc.createTextNode(n.text);
    case 'code': {
      const el = doc.createElement('code');
      el.appendChild(doc.createTextNode(n.text));
      return el;
    }
    case 'strong':
    case 'em':
    case 'del':
      return element(doc, n.type, n.children);
    case 'br':
      return doc.createElement('br');
    case 'mention': {
      const el = doc.createElement('span');
      el.className = 'mention';
      el.setAttribute('data-testid', 'mention');
      el.setAttribute('data-user-id', n.id);
      el.appendChild(doc.createTextNode(`@${n.name}`));
      return el;
    }
    case 'link': {
      const el = element(doc, 'a', n.children);
      el.setAttribute('href', n.href);
      if (n.title) el.setAttribute('title', n.title);
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer nofollow');
      return el;
    }
  }
}

function cell(doc: MarkdownDocument, tag: 'th' | 'td', content: readonly Inline[], align: Align): HTMLElement {
  const el = element(doc, tag, content);
  if (align) el.className = `markdown__cell--${align}`;
  return el;
}

function blockNodes(doc: MarkdownDocument, parent: Node, list: readonly Block[]): void {
  for (const b of list) {
    switch (b.type) {
      case 'p':
        parent.appendChild(element(doc, 'p', b.children));
        break;
      case 'text':
        append(doc, parent, b.children);
        break;
      case 'h': {
        // h1 and h2 belong to the page; a description's headings sit below the panel's own.
        const tag = (['h3', 'h4', 'h5', 'h6'] as const)[Math.min(3, Math.max(0, b.level - 1))]!;
        parent.appendChild(element(doc, tag, b.children));
        break;
      }
      case 'code': {
        const pre = doc.createElement('pre');
        const code = doc.createElement('code');
        code.appendChild(doc.createTextNode(b.text));
        pre.appendChild(code);
        parent.appendChild(pre);
        break;
      }
      case 'quote': {
        const quote = doc.createElement('blockquote');
        blockNodes(doc, quote, b.children);
        parent.appendChild(quote);
        break;
      }
      case 'hr':
        parent.appendChild(doc.createElement('hr'));
        break;
      case 'list': {
        const list = doc.createElement(b.ordered ? 'ol' : 'ul');
        if (b.ordered && b.start !== 1) list.setAttribute('start', String(b.start));
        for (const item of b.items) {
          const li = doc.createElement('li');
          if (item.checked !== null) {
            li.className = 'markdown__task';
            const box = doc.createElement('input');
            box.setAttribute('type', 'checkbox');
            box.setAttribute('disabled', '');
            box.setAttribute('aria-label', item.checked ? 'Done' : 'Not done');
            if (item.checked) box.setAttribute('checked', '');
            li.appendChild(box);
            li.appendChild(doc.createTextNode(' '));
          }
          blockNodes(doc, li, item.children);
          list.appendChild(li);
        }
        parent.appendChild(list);
        break;
      }
      case 'table': {
        // A wide table scrolls inside its own box instead of widening the panel.
        const wrap = doc.createElement('div');
        wrap.className = 'markdown__table';
        const table = doc.createElement('table');
        const head = doc.createElement('thead');
        const headRow = doc.createElement('tr');
        b.head.forEach((content, i) => headRow.appendChild(cell(doc, 'th', content, b.align[i] ?? null)));
        head.appendChild(headRow);
        table.appendChild(head);
        if (b.rows.length) {
          const body = doc.createElement('tbody');
          for (const row of b.rows) {
            const tr = doc.createElement('tr');
            row.forEach((content, i) => tr.appendChild(cell(doc, 'td', content, b.align[i] ?? null)));
            body.appendChild(tr);
          }
          table.appendChild(body);
        }
        wrap.appendChild(table);
        parent.appendChild(wrap);
        break;
      }
    }
  }
}

/** The blocks as DOM nodes in a fragment. */
export function renderMarkdown(blocks: readonly Block[], doc: MarkdownDocument = document): DocumentFragment {
  const frag = doc.createDocumentFragment();
  blockNodes(doc, frag, blocks);
  return frag;
}
