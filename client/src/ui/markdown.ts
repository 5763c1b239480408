// A small, safe markdown renderer for descriptions and comments. The text is
// parsed into a tree (parseMarkdown, pure and tested) and the tree is built
// with createElement and text nodes (renderMarkdown): no user text ever goes
// through innerHTML, so markup in it is shown as the characters it is.
// Supported: paragraphs, # headings, **strong**, *em* / _em_, `code`, fenced
// code blocks, - / * / 1. lists, and [links](https://...) with http(s) only.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'p'; children: Inline[] }
  | { type: 'h'; level: number; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'ul' | 'ol'; items: Inline[][] };

/** The URL if it is an absolute http(s) one; null for javascript:, data:, relative and broken ones. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const LINK = /^\[([^\]\n]*)\]\(([^()\s]+)\)/;

export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const rest = src.slice(i);
    if (ch === '\\' && i + 1 < src.length && /[\\`*_[\]()#-]/.test(src[i + 1]!)) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: src.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (rest.startsWith('**')) {
      const end = src.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'strong', children: parseInline(src.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && i + 1 < src.length && !/\s/.test(src[i + 1]!)) {
      const end = src.indexOf(ch, i + 1);
      if (end > i + 1 && !/\s/.test(src[end - 1]!)) {
        flush();
        out.push({ type: 'em', children: parseInline(src.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const m = LINK.exec(rest);
      if (m) {
        flush();
        const children = parseInline(m[1]!);
        const href = safeHref(m[2]!);
        // An unsafe link keeps its words and loses the link.
        if (href) out.push({ type: 'link', href, children });
        else out.push(...children);
        i += m[0].length;
        continue;
      }
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

const FENCE = /^\s*```/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const UL_ITEM = /^\s*[-*+]\s+(.*)$/;
const OL_ITEM = /^\s*\d+[.)]\s+(.*)$/;

export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flushPara = () => {
    if (para.length) blocks.push({ type: 'p', children: parseInline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      flushPara();
      const body: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i]!)) body.push(lines[i++]!);
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    if (!line.trim()) {
      flushPara();
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flushPara();
      blocks.push({ type: 'h', level: h[1]!.length, children: parseInline(h[2]!.trim()) });
      continue;
    }
    const kind = UL_ITEM.test(line) ? 'ul' : OL_ITEM.test(line) ? 'ol' : null;
    if (kind) {
      flushPara();
      const re = kind === 'ul' ? UL_ITEM : OL_ITEM;
      const items: Inline[][] = [];
      while (i < lines.length && re.test(lines[i]!)) items.push(parseInline(re.exec(lines[i++]!)![1]!));
      i--;
      blocks.push({ type: kind, items });
      continue;
    }
    para.push(line.trim());
  }
  flushPara();
  return blocks;
}

function inlineNodes(doc: Document, parent: Node, nodes: readonly Inline[]): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        parent.appendChild(doc.createTextNode(n.text));
        break;
      case 'code': {
        const el = doc.createElement('code');
        el.textContent = n.text;
        parent.appendChild(el);
        break;
      }
      case 'strong':
      case 'em': {
        const el = doc.createElement(n.type);
        inlineNodes(doc, el, n.children);
        parent.appendChild(el);
        break;
      }
      case 'link': {
        const el = doc.createElement('a');
        el.setAttribute('href', n.href);
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer nofollow');
        inlineNodes(doc, el, n.children);
        parent.appendChild(el);
        break;
      }
    }
  }
}

/** The markdown as DOM nodes, built element by element. */
export function renderMarkdown(src: string, doc: Document = document): DocumentFragment {
  const frag = doc.createDocumentFragment();
  for (const b of parseMarkdown(src)) {
    switch (b.type) {
      case 'p':
      case 'h': {
        const el = doc.createElement(b.type === 'p' ? 'p' : `h${Math.min(6, b.level + 2)}`);
        inlineNodes(doc, el, b.children);
        frag.appendChild(el);
        break;
      }
      case 'code': {
        const pre = doc.createElement('pre');
        const code = doc.createElement('code');
        code.textContent = b.text;
        pre.appendChild(code);
        frag.appendChild(pre);
        break;
      }
      case 'ul':
      case 'ol': {
        const list = doc.createElement(b.type);
        for (const item of b.items) {
          const li = doc.createElement('li');
          inlineNodes(doc, li, item);
          list.appendChild(li);
        }
        frag.appendChild(list);
        break;
      }
    }
  }
  return frag;
}
