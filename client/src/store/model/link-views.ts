// What a person reads of the links: an item's links grouped by what they say
// from its side, each with the item at the other end, and the unfinished
// items that block each card. A link shows only while the board holds or
// knows both its ends: a deleted item leaves the board, and its links hide
// with it (and show again when it comes back).
import { LINK_WORDS } from '../../../../shared/domain/links.ts';
import { isFinished } from '../../../../shared/domain/workflow.ts';
import { LinkKind, StatusCategory, type ILinkedItem, type IWorkflowStatus, type IWorkItem } from '../../../../shared/proto.ts';
import { LINK_CHOICES } from './link-writes.ts';
import type { BoardLinks, Link } from './links.ts';

/** An item at an end of a link, as the board knows it. */
export interface LinkEnd {
  id: string;
  key: string;
  title: string;
  /** The status's name for the board's own items; its category in words for another project's. */
  status: string;
  finished: boolean;
  projectKey: string;
  number: number;
  /** One of the board's own items (else another project's, as it was when read). */
  onBoard: boolean;
}

export type EndLookup = (id: string) => LinkEnd | null;

const CATEGORY_WORDS: Record<number, string> = {
  [StatusCategory.STATUS_CATEGORY_BACKLOG]: 'Backlog',
  [StatusCategory.STATUS_CATEGORY_UNSTARTED]: 'To do',
  [StatusCategory.STATUS_CATEGORY_STARTED]: 'In progress',
  [StatusCategory.STATUS_CATEGORY_COMPLETED]: 'Done',
  [StatusCategory.STATUS_CATEGORY_CANCELED]: 'Canceled',
};

/** `WEB-12` → 12: a far item is opened by its project's key and its number. */
const numberOfKey = (key: string) => Number(key.slice(key.lastIndexOf('-') + 1)) || 0;

/** Ends are looked up among the board's items first (current), then the far items it was told of. */
export function endLookup(
  items: ReadonlyMap<string, IWorkItem>,
  statuses: readonly IWorkflowStatus[],
  linkedItems: ReadonlyMap<string, ILinkedItem>,
  projectKey: string,
): EndLookup {
  const statusById = new Map(statuses.map((s) => [s.id ?? '', s]));
  return (id) => {
    const item = items.get(id);
    if (item) {
      const status = statusById.get(item.statusId ?? '');
      const key = item.key ?? '';
      return {
        id,
        key,
        title: item.title ?? '',
        status: status?.name ?? '',
        finished: isFinished(status?.category ?? StatusCategory.STATUS_CATEGORY_UNSPECIFIED),
        projectKey,
        number: Number(item.number ?? 0),
        onBoard: true,
      };
    }
    const far = linkedItems.get(id);
    if (!far) return null;
    const category = far.statusCategory ?? StatusCategory.STATUS_CATEGORY_UNSPECIFIED;
    const key = far.key ?? '';
    return {
      id,
      key,
      title: far.title ?? '',
      status: CATEGORY_WORDS[category] ?? '',
      finished: isFinished(category),
      projectKey: far.projectKey ?? '',
      number: numberOfKey(key),
      onBoard: false,
    };
  };
}

export interface LinkEntry {
  link: Link;
  other: LinkEnd;
}

export interface LinkGroup {
  /** "is blocked by": what the links of the group say from the item's side. */
  words: string;
  entries: LinkEntry[];
}

/** The item's links by what they say from its side, in the panel's order, each group by the other item's key. */
export function itemLinkGroups(itemId: string, links: BoardLinks, end: EndLookup): LinkGroup[] {
  if (!end(itemId)) return [];
  const byWords = new Map<string, LinkEntry[]>(LINK_CHOICES.map((c) => [c.words, []]));
  for (const link of links.byId.values()) {
    const inward = link.toId === itemId;
    if (!inward && link.fromId !== itemId) continue;
    const other = end(inward ? link.fromId : link.toId);
    if (!other) continue;
    const words = LINK_WORDS[link.kind][inward ? 'inward' : 'outward'];
    const group = byWords.get(words);
    if (group) group.push({ link, other });
    else byWords.set(words, [{ link, other }]);
  }
  const order = (a: LinkEntry, b: LinkEntry) => a.other.key.localeCompare(b.other.key, undefined, { numeric: true }) || a.link.id.localeCompare(b.link.id);
  return [...byWords].filter(([, entries]) => entries.length > 0).map(([words, entries]) => ({ words, entries: entries.sort(order) }));
}

/** For each item a BLOCKS link from an unfinished item points at, those items, by key. */
export function unfinishedBlockers(links: BoardLinks, end: EndLookup): ReadonlyMap<string, readonly LinkEnd[]> {
  const blocked = new Map<string, LinkEnd[]>();
  for (const link of links.byId.values()) {
    if (link.kind !== LinkKind.LINK_KIND_BLOCKS || !end(link.toId)) continue;
    const blocker = end(link.fromId);
    if (!blocker || blocker.finished) continue;
    const list = blocked.get(link.toId);
    if (list) list.push(blocker);
    else blocked.set(link.toId, [blocker]);
  }
  for (const list of blocked.values()) list.sort((a, b) => a.key.localeCompare(b.key, undefined, { numeric: true }));
  return blocked;
}
