import { randomUUID } from 'node:crypto';
import { failedPrecondition, invalidArgument } from '../../../shared/domain/errors.ts';
import { blocksCircle, checkLinkKind, LINK_WORDS } from '../../../shared/domain/links.ts';
import { LinkKind, Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { linkKinds } from '../storage/enums.ts';
import { insertLink, itemsBlockedBy, linkBetween, toLink } from '../storage/links.ts';
import type { WorkItemLinkRow } from '../storage/tables.ts';
import { findWorkItem } from '../storage/work-items.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { workItemAccess } from './entity-access.ts';
import { emitLink } from './link-changes.ts';

/**
 * Links two live items of the tenant; the caller edits both. The same link
 * twice is refused (RELATES_TO in either direction), and so is a BLOCKS link
 * that would close a circle of BLOCKS, naming it.
 */
export function linkWorkItems(ctx: WriteContext, cmd: Commands['linkWorkItems']): ResultValue {
  const kind = checkLinkKind(cmd.kind);
  if (cmd.fromId === cmd.toId) throw invalidArgument('to_id', 'An item cannot be linked to itself');
  const { item: from } = workItemAccess(ctx, cmd.fromId, Role.ROLE_EDITOR, true, { what: 'Work item', field: 'from_id' });
  const { item: to } = workItemAccess(ctx, cmd.toId, Role.ROLE_EDITOR, true, { what: 'Work item', field: 'to_id' });
  const name = linkKinds.toName(kind);
  const words = LINK_WORDS[kind];
  if (linkBetween(ctx.db, from.id, to.id, name) || (kind === LinkKind.LINK_KIND_RELATES_TO && linkBetween(ctx.db, to.id, from.id, name))) {
    throw failedPrecondition(`${from.key} already ${words.outward} ${to.key}`, 'to_id');
  }
  if (kind === LinkKind.LINK_KIND_BLOCKS) {
    const circle = blocksCircle(from.id, to.id, (id) => itemsBlockedBy(ctx.db, id));
    if (circle === 'too-far') throw failedPrecondition(`${to.key} leads to too many blocked items to check this link`, 'to_id');
    if (circle) {
      const keys = circle.map((id) => findWorkItem(ctx.db, id)?.key ?? id);
      throw failedPrecondition(`That would make a circle of blocking items: ${keys.join(' blocks ')}`, 'to_id');
    }
  }
  const row: WorkItemLinkRow = { id: randomUUID(), from_id: from.id, to_id: to.id, kind: name, created_at_ms: ctx.now, created_by: ctx.caller.userId };
  insertLink(ctx.db, row);
  const link = toLink(row);
  emitLink(ctx, link, from, to, false);
  return { link };
}
