// Links between work items (docs/PROTOCOL.md §5, v9): what each kind says
// from either end, and the rule that BLOCKS links never close a circle.
// Shared so the client says the same words and refuses the same circle.
import { LinkKind } from '../proto.ts';
import { invalidArgument } from './errors.ts';

/** How a link reads from its `from` item and from its `to` item. */
export const LINK_WORDS: { readonly [K in LinkKind]: { readonly outward: string; readonly inward: string } } = {
  [LinkKind.LINK_KIND_UNSPECIFIED]: { outward: 'is linked to', inward: 'is linked to' },
  [LinkKind.LINK_KIND_BLOCKS]: { outward: 'blocks', inward: 'is blocked by' },
  [LinkKind.LINK_KIND_RELATES_TO]: { outward: 'relates to', inward: 'relates to' },
  [LinkKind.LINK_KIND_DUPLICATES]: { outward: 'duplicates', inward: 'is duplicated by' },
};

export function checkLinkKind(kind: number): LinkKind {
  if (kind === LinkKind.LINK_KIND_UNSPECIFIED || !Object.values(LinkKind).includes(kind)) {
    throw invalidArgument('kind', 'kind must be BLOCKS, RELATES_TO or DUPLICATES');
  }
  return kind as LinkKind;
}

/** Items a BLOCKS walk visits at most: past this a link is refused rather than checked for long. */
export const BLOCKS_WALK_MAX = 10_000;

/**
 * The circle a new link `from` BLOCKS `to` would close, as the items in
 * order from `from` back to `from` (`[from, to, ..., from]`), or null when
 * there is none. `blocks(id)` lists the items `id` blocks. 'too-far' when the
 * walk passes BLOCKS_WALK_MAX items without an answer.
 */
export function blocksCircle(from: string, to: string, blocks: (id: string) => readonly string[]): string[] | null | 'too-far' {
  if (from === to) return [from, from];
  const cameFrom = new Map<string, string>([[to, from]]);
  const queue = [to];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const next of blocks(at)) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      if (next === from) {
        const path = [from];
        for (let step = at; step !== from; step = cameFrom.get(step)!) path.unshift(step);
        return [from, ...path];
      }
      if (cameFrom.size > BLOCKS_WALK_MAX) return 'too-far';
      queue.push(next);
    }
  }
  return null;
}
