import { notFound } from '../../../shared/domain/errors.ts';
import { Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { deleteLink, findLink, toLink } from '../storage/links.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { workItemAccess } from './entity-access.ts';
import { emitLink } from './link-changes.ts';

const LINK = { what: 'Link', field: 'link_id' };

/** Removes a link; the caller edits both its items. A link of a deleted item cannot be removed until it is restored. */
export function unlinkWorkItems(ctx: WriteContext, cmd: Commands['unlinkWorkItems']): ResultValue {
  const row = findLink(ctx.db, cmd.linkId);
  if (!row) throw notFound('Link', 'link_id');
  const { item: from } = workItemAccess(ctx, row.from_id, Role.ROLE_EDITOR, true, LINK);
  const { item: to } = workItemAccess(ctx, row.to_id, Role.ROLE_EDITOR, true, LINK);
  deleteLink(ctx.db, row.id);
  const link = toLink(row);
  emitLink(ctx, link, from, to, true);
  return { link };
}
