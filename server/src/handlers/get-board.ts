import { Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { labelsOfProject } from '../storage/labels.ts';
import { linkedItemsOutside, linksOfProject, toLink } from '../storage/links.ts';
import { toStatus } from '../storage/mappers.ts';
import { membersOf } from '../storage/members.ts';
import { projectMessage, statusesOf } from '../storage/projects.ts';
import { sprintsOf } from '../storage/sprints.ts';
import { liveWorkItems } from '../storage/work-items.ts';
import { projectAccess } from './access.ts';
import type { ReadContext, ResultValue } from './context.ts';

/**
 * Everything a board needs in one reply, read in one transaction so the items
 * and the seq agree: a client that subscribes with this seq misses nothing.
 */
export function getBoard(ctx: ReadContext, cmd: Commands['getBoard']): ResultValue {
  return ctx.db.readTransaction(() => {
    const { project } = projectAccess(ctx, cmd.projectId, Role.ROLE_VIEWER);
    const links = linksOfProject(ctx.db, project.id);
    return {
      board: {
        project: projectMessage(ctx.db, project),
        statuses: statusesOf(ctx.db, project.id).map(toStatus),
        workItems: liveWorkItems(ctx.db, project.id, { descriptions: !cmd.omitDescriptions }),
        sprints: sprintsOf(ctx.db, project.id),
        members: membersOf(ctx.db, project.id),
        labels: labelsOfProject(ctx.db, project.id),
        seq: project.last_event_seq,
        links: links.map(toLink),
        linkedItems: linkedItemsOutside(ctx.db, project.id, links),
      },
    };
  });
}
