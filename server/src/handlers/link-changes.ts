// The events and history rows of a link made or removed: one event per end,
// in that end's project, with a history row on that item. Two items of one
// project so send the link twice; applying it is the same either time.
import { LINK_WORDS } from '../../../shared/domain/links.ts';
import type { IWorkItemLink } from '../../../shared/proto.ts';
import type { WorkItemRow } from '../storage/tables.ts';
import type { WriteContext } from './context.ts';

/** `WEB-3 Title`: how a history row names the item at the other end. */
const named = (item: WorkItemRow) => `${item.key} ${item.title}`;

export function emitLink(ctx: WriteContext, link: IWorkItemLink, from: WorkItemRow, to: WorkItemRow, removed: boolean): void {
  const words = LINK_WORDS[link.kind!];
  const ends = [
    { item: from, text: `${words.outward} ${named(to)}` },
    { item: to, text: `${words.inward} ${named(from)}` },
  ];
  for (const { item, text } of ends) {
    ctx.emit({
      projectId: item.project_id,
      kind: 'work_item',
      entityId: item.id,
      workItemId: item.id,
      change: { link: { link, removed } },
      changedFields: ['link'],
      activity: [{ field: 'link', old: removed ? text : null, new: removed ? null : text }],
    });
  }
}
