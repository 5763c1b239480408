// Markdown for descriptions and comments, parsed by marked (GFM: tables, task
// lists, strikethrough, autolinks) and turned into a small tree of our own
// that can only say safe things: no node carries HTML, raw HTML in the text
// becomes the characters it is, and a link is kept only when it goes to
// http(s) or mailto. markdown-dom.ts builds DOM nodes from this tree; nothing
// here touches the DOM, so it is tested in plain Node.
import { Lexer, type Token, type Tokens } from 'marked';
import { decodeEntities } from './html-entities.ts';
import { splitMentions, type Person } from '../../../shared/domain/mentions.ts';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'mention'; id: string; name: string }
  | { type: 'code'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'link'; href: string; title: string; children: Inline[] }
  | { type: 'br' };

export type Align = 'left' | 'center' | 'right' | null;

export interface ListItem {
  /** null: not a task; else whether its box is ticked. */
  checked: boolean | null;
  children: Block[];
}

export type Block =
  | { type: 'p'; children: Inline[] }
  /** A tight list item's words, with no paragraph around them. */
  | { type: 'text'; children: Inline[] }
  | { type: 'h'; level: number; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { type: 'table'; align: Align[]; head: Inline[][]; rows: Inline[][][] }
  | { type: 'hr' };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The URL if it is an absolute http(s) or mailto one; null for javascript:, data:, relative and broken ones. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

interface Context {
  people: readonly Person[];
  /** Inside a link: no mentions (a chip inside a link would be two targets in one). */
  inLink: boolean;
}

function textNodes(text: string, ctx: Context): Inline[] {
  if (!text) return [];
  return ctx.inLink ? [{ type: 'text', text }] : splitMentions(text, ctx.people);
}

function inlines(tokens: readonly Token[] | undefined, ctx: Context): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) out.push(...inline(token, ctx));
  return out;
}

function inline(token: Token, ctx: Context): Inline[] {
  const t = token as Tokens.Generic;
  switch (t.type) {
    case 'text': {
      const tok = t as Tokens.Text;
      if (tok.tokens?.length) return inlines(tok.tokens, ctx);
      return textNodes(decodeEntities(tok.text), ctx);
    }
    case 'escape':
      return textNodes(t['text'] as string, ctx);
    case 'codespan':
      return [{ type: 'code', text: (t as Tokens.Codespan).text }];
    case 'strong':
    case 'em':
    case 'del':
      return [{ type: t.type, children: inlines(t.tokens, ctx) }];
    case 'br':
      return [{ type: 'br' }];
    case 'link': {
      const tok = t as Tokens.Link;
      const href = safeHref(tok.href);
      // An unsafe link keeps its words and loses the link.
      if (!href) return tok.autolink ? textNodes(tok.text, ctx) : inlines(tok.tokens, ctx);
      // An autolink's text is the address as typed: no references to resolve, no mentions.
      const children: Inline[] = tok.autolink ? [{ type: 'text', text: tok.text }] : inlines(tok.tokens, { ...ctx, inLink: true });
      return [{ type: 'link', href, title: tok.title ? decodeEntities(tok.title) : '', children }];
    }
    case 'image': {
      // Images are not loaded (a description must not fetch from anywhere): a link to it, named by its alt text.
      const tok = t as Tokens.Image;
      const href = safeHref(tok.href);
      const alt = decodeEntities(tok.text) || tok.href;
      return href ? [{ type: 'link', href, title: tok.title ? decodeEntities(tok.title) : '', children: [{ type: 'text', text: alt }] }] : textNodes(alt, ctx);
    }
    default:
      // Inline HTML and anything unknown: its characters, as typed.
      return textNodes(t.raw, ctx);
  }
}

function blocks(tokens: readonly Token[] | undefined, ctx: Context, inListItem = false): Block[] {
  const out: Block[] = [];
  for (const token of tokens ?? []) {
    const b = block(token, ctx, inListItem);
    if (b) out.push(b);
  }
  return out;
}

function block(token: Token, ctx: Context, inListItem: boolean): Block | null {
  const t = token as Tokens.Generic;
  switch (t.type) {
    case 'space':
    case 'def':
    case 'checkbox':
      return null;
    case 'paragraph':
      return { type: 'p', children: inlines(t.tokens, ctx) };
    case 'text': {
      const children = t.tokens?.length ? inlines(t.tokens, ctx) : textNodes(decodeEntities(t['text'] as string), ctx);
      return { type: inListItem ? 'text' : 'p', children };
    }
    case 'heading': {
      const tok = t as Tokens.Heading;
      return { type: 'h', level: tok.depth, children: inlines(tok.tokens, ctx) };
    }
    case 'code':
      return { type: 'code', text: (t as Tokens.Code).text };
    case 'blockquote':
      return { type: 'quote', children: blocks(t.tokens, ctx) };
    case 'hr':
      return { type: 'hr' };
    case 'list': {
      const tok = t as Tokens.List;
      return {
        type: 'list',
        ordered: tok.ordered,
        start: typeof tok.start === 'number' ? tok.start : 1,
        items: tok.items.map((item) => ({ checked: item.task ? !!item.checked : null, children: blocks(item.tokens, ctx, true) })),
      };
    }
    case 'table': {
      const tok = t as Tokens.Table;
      return {
        type: 'table',
        align: tok.align,
        head: tok.header.map((cell) => inlines(cell.tokens, ctx)),
        rows: tok.rows.map((row) => row.map((cell) => inlines(cell.tokens, ctx))),
      };
    }
    default:
      // Block HTML and anything unknown: a paragraph of its characters, as typed.
      return { type: 'p', children: textNodes(t.raw.trim(), ctx) };
  }
}

/** The markdown as a tree of safe blocks; `@name` of one of `people` becomes a mention. */
export function parseMarkdown(src: string, people: readonly Person[] = []): Block[] {
  return blocks(Lexer.lex(src, { gfm: true }), { people, inLink: false });
}
