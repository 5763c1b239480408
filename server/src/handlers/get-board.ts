import { Role } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { labelsOfProject } from '../storage/labels.ts';
import { linkedItemsOutside, linksOfProject, toLink } from '../storage/links.ts';
import { toStatus } from '../storage/mappers.ts';
import { membersOf } from '../storage/members.ts';
import { projectMessage, statusesOf } from '../storage/projects.ts';
import { sprintsOf } from '../storage/sprints.ts';
import { firstLiveWorkItems } from '../storage/work-items.ts';
import { invalidArgument } from '../../../shared/domain/errors.ts';
import { projectAccess } from './access.ts';
import type { ReadContext, ResultValue } from './context.ts';

/** The most cards of each column a first screen may ask for. */
export const FIRST_CARDS_MAX = 1000;

/**
 * Everything a board needs in one reply, read in one transaction so the items
 * and the seq agree: a client that subscribes with this seq misses nothing.
 * With first_cards_per_column, only the first cards of each column and (when
 * that leaves any out) no links: what a first screen shows, a fraction of a big board's bytes and of
 * the time to read and encode them; the whole board follows when asked.
 */
export function getBoard(ctx: ReadContext, cmd: Commands['getBoard']): ResultValue {
  const perStatus = cmd.firstCardsPerColumn;
  if (perStatus < 0 || perStatus > FIRST_CARDS_MAX) {
    throw invalidArgument('first_cards_per_column', `first_cards_per_column must be 0 (the whole board) to ${FIRST_CARDS_MAX}`);
  }
  return ctx.db.readTransaction(() => {
    const { project } = projectAccess(ctx, cmd.projectId, Role.ROLE_VIEWER);
    const statuses = statusesOf(ctx.db, project.id);
    const { items, leftOut } = firstLiveWorkItems(ctx.db, project.id, { descriptions: !cmd.omitDescriptions, perStatus, statusIds: statuses.map((s) => s.id) });
    // A first screen that left nothing out is the whole board, links and all.
    const links = leftOut === 0 ? linksOfProject(ctx.db, project.id) : [];
    return {
      board: {
        project: projectMessage(ctx.db, project),
        statuses: statuses.map(toStatus),
        workItems: items,
        sprints: sprintsOf(ctx.db, project.id),
        members: membersOf(ctx.db, project.id),
        labels: labelsOfProject(ctx.db, project.id),
        seq: project.last_event_seq,
        links: links.map(toLink),
        linkedItems: linkedItemsOutside(ctx.db, project.id, links),
        itemsLeftOut: leftOut,
      },
    };
  });
}
