// The links of the project's items as the server has them (Board.links), the
// other projects' items at their far ends (Board.linked_items), and the
// reducer that keeps them. A link has no version and never changes: it is
// there or not, so a LinkChanged adds or removes it idempotently (a link
// within one project arrives twice, once per end, and our own write's Result
// may come beside an event). No event names a far item: the board knows one
// from get_board, or from the search a link of ours was picked from.
import type { tandem } from '../../../../shared/gen/tandem.js';
import type { IEvent, ILinkedItem, IWorkItemLink, LinkKind } from '../../../../shared/proto.ts';
import type { EntityReducer } from './reducer.ts';
import { boardMetaOf } from './write-meta.ts';

export type Link = IWorkItemLink & { id: string; fromId: string; toId: string; kind: LinkKind; pending?: boolean };

export interface BoardLinks {
  readonly byId: ReadonlyMap<string, Link>;
  /** Items of other projects at the far ends, as they were when read (get_board, or a search we picked from). */
  readonly linkedItems: ReadonlyMap<string, ILinkedItem>;
}

export const EMPTY_LINKS: BoardLinks = { byId: new Map(), linkedItems: new Map() };

export function toLink(link: IWorkItemLink): Link {
  return { ...link, id: link.id ?? '', fromId: link.fromId ?? '', toId: link.toId ?? '', kind: (link.kind ?? 0) as LinkKind };
}

/** The same state when it holds the link already (or, removed, does not). */
export function withLink(links: BoardLinks, link: IWorkItemLink, removed: boolean): BoardLinks {
  const id = link.id ?? '';
  if (!id || links.byId.has(id) !== removed) return links;
  const byId = new Map(links.byId);
  if (removed) byId.delete(id);
  else byId.set(id, toLink(link));
  return { ...links, byId };
}

/** Kept as a plain object: a decoded message holds its defaults on its prototype, which a copy into the outbox loses. */
export function linkedItemOf(item: ILinkedItem): ILinkedItem {
  return {
    id: item.id ?? '',
    projectId: item.projectId ?? '',
    projectKey: item.projectKey ?? '',
    key: item.key ?? '',
    title: item.title ?? '',
    statusCategory: item.statusCategory ?? 0,
  };
}

export function withLinkedItem(links: BoardLinks, item: ILinkedItem): BoardLinks {
  const id = item.id ?? '';
  const known = links.linkedItems.get(id);
  if (!id || (known && known.statusCategory === item.statusCategory && known.title === item.title)) return links;
  return { ...links, linkedItems: new Map(links.linkedItems).set(id, linkedItemOf(item)) };
}

export function linksOfBoard(board: tandem.v1.IBoard): BoardLinks {
  const byId = new Map((board.links ?? []).map((l) => [l.id ?? '', toLink(l)]));
  byId.delete('');
  const linkedItems = new Map((board.linkedItems ?? []).map((i) => [i.id ?? '', linkedItemOf(i)]));
  linkedItems.delete('');
  return { byId, linkedItems };
}

/**
 * True when `event` brings a link with an end the board neither holds (in
 * `items`) nor knows: another project's item it has not heard of, which only
 * get_board can name, so the board must be fetched again.
 */
export function linkEndUnknown(links: BoardLinks, items: ReadonlyMap<string, unknown>, event: IEvent): boolean {
  const change = event.link;
  if (!change?.link || change.removed) return false;
  const known = (id: string | null | undefined) => !!id && (items.has(id) || links.linkedItems.has(id));
  return !known(change.link.fromId) || !known(change.link.toId);
}

export const linksReducer: EntityReducer<BoardLinks> = {
  event: (links, event) => (event.link?.link ? withLink(links, event.link.link, !!event.link.removed) : links),
  reply(links, reply, projectId) {
    const meta = boardMetaOf(reply, projectId);
    const link = reply.ok ? reply.result.link : null;
    if (!meta || !link) return links;
    const next = withLink(links, link, reply.command === 'unlinkWorkItems');
    return meta.linkedItem ? withLinkedItem(next, meta.linkedItem) : next;
  },
};
