import { Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { deletedWorkItems } from '../storage/work-items.ts';
import { projectAccess } from './access.ts';
import type { ReadContext, ResultValue } from './context.ts';

/** The project's Trash: its deleted items, the latest deleted first. */
export function listDeletedWorkItems(ctx: ReadContext, cmd: Commands['listDeletedWorkItems']): ResultValue {
  return ctx.db.readTransaction(() => {
    const { project } = projectAccess(ctx, cmd.projectId, Role.ROLE_VIEWER);
    return { workItems: { workItems: deletedWorkItems(ctx.db, project.id) } };
  });
}
