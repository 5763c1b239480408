// The links of a board and their writes: the server's links (the project
// model) with our unanswered link and unlink writes laid on as ops, sent
// through the board's one send path, so they are queued offline like any
// write and dropped (the rollback) on a refusal. A link to another project's
// item makes that item known to the board as the search answered it, before
// the write's event names the link (an end the board did not know would have
// it fetch the whole board). What each card and panel reads is derived here
// once per change: the ends the board knows and the unfinished items blocking
// each card.
import { createMemo, type Accessor } from 'solid-js';
import type { ILinkedItem } from '../../../shared/proto.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import type { Reply } from '../../../shared/sdk/index.ts';
import type { PendingWrites } from './board-lifecycle.ts';
import type { Live } from './live.ts';
import type { ItemView } from './model/item-ops.ts';
import { applyLinkOps, linkWrite, unlinkWrite, type LinkChoice, type LinkOp, type LinkTarget, type LinkWrite } from './model/link-writes.ts';
import { endLookup, unfinishedBlockers, type EndLookup, type LinkEnd } from './model/link-views.ts';
import { withLinkedItem, type BoardLinks, type Link } from './model/links.ts';
import { plainError } from './model/plain-error.ts';
import type { BoardWriteMeta } from './model/write-meta.ts';
import type { ProjectState } from './project-state.ts';
import { createOpList, type Send } from './writes.ts';

export interface LinkCommands {
  /** The links as shown: the server's with ours laid on. */
  links: Accessor<BoardLinks>;
  /** The item at an end of a link as the board holds or knows it; null for one it does neither (its links hide). */
  linkEnds: Accessor<EndLookup>;
  /** Per blocked item, the unfinished items that block it. */
  blockers: Accessor<ReadonlyMap<string, readonly LinkEnd[]>>;
  /** Links item `subjectId` to `other` as `choice` says; resolves with the refusal in words, or null once saved or queued. */
  link(subjectId: string, choice: LinkChoice, other: LinkTarget & ILinkedItem): Promise<string | null>;
  unlink(link: Link, otherKey: string): Promise<string | null>;
}

export interface LinkCommandsSlice {
  commands: LinkCommands;
  pending: PendingWrites;
  /** Every reply: a link write an earlier page left has no promise to drop its op. */
  replied(reply: Reply): void;
}

export function createLinkCommands(live: Live, state: ProjectState, items: Accessor<ItemView>, send: Send, canEdit: Accessor<boolean>): LinkCommandsSlice {
  const pending = createOpList<LinkOp>();
  const links = createMemo(() => applyLinkOps(state.links(), pending.ops()));
  const linkEnds = createMemo(() => endLookup(items(), state.statuses(), links().linkedItems, state.project()?.key ?? ''));
  const blockers = createMemo(() => unfinishedBlockers(links(), linkEnds()));

  const learn = (far: readonly ILinkedItem[]) => {
    const known = far.reduce(withLinkedItem, state.links());
    if (known !== state.links()) state.set({ ...state.model(), links: known });
  };

  const write = async (w: LinkWrite | null): Promise<string | null> => {
    if (!w || !canEdit()) return null;
    if (w.linkedItem) learn([w.linkedItem]);
    const meta = { linkOp: w.op, ...(w.linkedItem ? { linkedItem: w.linkedItem } : {}) };
    const outcome = await send({ command: w.command, action: w.action, op: w.op, into: pending, meta });
    return outcome.kind === 'refused' || outcome.kind === 'conflict' ? plainError(w.action, outcome.error) : null;
  };

  /** Shows the link writes for board `id` waiting in the outbox (an earlier page's) and not shown yet. */
  const showQueued = (id: string) => {
    const shown = pending.ops();
    const queued = live.connection
      .pending()
      .filter((e) => e.meta['board'] === id && e.meta['linkOp'] && !shown.some((op) => op.messageId === e.messageId))
      // Only this client writes `board` into a write's meta, always as a BoardWriteMeta.
      .map((e) => e.meta as unknown as BoardWriteMeta);
    learn(queued.flatMap((meta) => (meta.linkedItem ? [meta.linkedItem] : [])));
    pending.add(...queued.flatMap((meta) => (meta.linkOp ? [meta.linkOp] : [])));
  };

  return {
    commands: {
      links,
      linkEnds,
      blockers,
      link(subjectId, choice, other) {
        const subject = items().get(subjectId);
        const target = { id: subjectId, key: subject?.key ?? '', projectId: subject?.projectId ?? '' };
        return write(subject ? linkWrite(randomId(), target, choice, other) : null);
      },
      unlink: (link, otherKey) => write(unlinkWrite(randomId(), link, otherKey)),
    },
    pending: { showQueued, clear: pending.clear },
    replied(reply) {
      // Its refusal is said with the item writes' (item-commands.ts), from the same meta.
      if (reply.meta?.['linkOp']) queueMicrotask(() => pending.drop(reply.messageId));
    },
  };
}
