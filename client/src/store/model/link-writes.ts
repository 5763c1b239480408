// Link and unlink as writes: the op that shows each at once over the
// server's links until its reply, the command that carries it and the words
// a refusal is reported with. An item panel offers a link from the item's
// side, so "is blocked by" is a BLOCKS link the other way round.
import { LINK_WORDS } from '../../../../shared/domain/links.ts';
import { LinkKind, type ILinkedItem } from '../../../../shared/proto.ts';
import type { Command } from '../../../../shared/protocol/commands.ts';
import { linkedItemOf, type BoardLinks, type Link } from './links.ts';
import { isLocal, localId } from './local-ids.ts';

export type LinkOp = { kind: 'link'; messageId: string; link: Link } | { kind: 'unlink'; messageId: string; linkId: string };

/** What a person can say of the open item and another, in the order the panel lists them. */
export const LINK_CHOICES = [
  { name: 'blocks', kind: LinkKind.LINK_KIND_BLOCKS, inward: false },
  { name: 'is-blocked-by', kind: LinkKind.LINK_KIND_BLOCKS, inward: true },
  { name: 'relates-to', kind: LinkKind.LINK_KIND_RELATES_TO, inward: false },
  { name: 'duplicates', kind: LinkKind.LINK_KIND_DUPLICATES, inward: false },
  { name: 'is-duplicated-by', kind: LinkKind.LINK_KIND_DUPLICATES, inward: true },
].map((c) => ({ ...c, words: LINK_WORDS[c.kind][c.inward ? 'inward' : 'outward'] }));

export type LinkChoice = (typeof LINK_CHOICES)[number];

/** An end of a link to be made: the open item, or one picked from a search (of any project). */
export interface LinkTarget {
  id: string;
  key: string;
  projectId: string;
}

export interface LinkWrite {
  op: LinkOp;
  command: Command;
  action: string;
  /** The far item when it is another project's, as the search named it: no event does. */
  linkedItem?: ILinkedItem;
}

/** `subject` `choice.words` `other` ("WEB-1 is blocked by API-3"); null for an item and itself, or one not saved yet. */
export function linkWrite(messageId: string, subject: LinkTarget, choice: LinkChoice, other: LinkTarget & ILinkedItem): LinkWrite | null {
  if (!subject.id || !other.id || subject.id === other.id || isLocal(subject)) return null;
  const [from, to] = choice.inward ? [other, subject] : [subject, other];
  const link: Link = { id: localId(messageId), fromId: from.id, toId: to.id, kind: choice.kind, pending: true };
  const far = other.projectId !== subject.projectId ? linkedItemOf(other) : null;
  return {
    op: { kind: 'link', messageId, link },
    command: { linkWorkItems: { fromId: from.id, toId: to.id, kind: choice.kind } },
    action: `link ${subject.key} to ${other.key}`,
    ...(far ? { linkedItem: far } : {}),
  };
}

/** Removes a link the server has (a pending one has no id to name yet). */
export function unlinkWrite(messageId: string, link: Link, otherKey: string): LinkWrite | null {
  if (link.pending) return null;
  return {
    op: { kind: 'unlink', messageId, linkId: link.id },
    command: { unlinkWorkItems: { linkId: link.id } },
    action: `remove the link to ${otherKey || 'the item'}`,
  };
}

const sameLink = (a: Link, b: Link) => a.fromId === b.fromId && a.toId === b.toId && a.kind === b.kind;

/**
 * The links a person sees: the server's with our unanswered writes laid on,
 * oldest first. A link of ours the server's links already hold (its event
 * came a frame before its Result) shows once.
 */
export function applyLinkOps(links: BoardLinks, ops: readonly LinkOp[]): BoardLinks {
  if (ops.length === 0) return links;
  const byId = new Map(links.byId);
  for (const op of ops) {
    if (op.kind === 'unlink') byId.delete(op.linkId);
    else if (![...links.byId.values()].some((l) => sameLink(l, op.link))) byId.set(op.link.id, op.link);
  }
  return { ...links, byId };
}
