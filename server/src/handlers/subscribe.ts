import { AppError, invalidArgument } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import { ErrorCode, Role, type IProjectCursor } from '../../../shared/proto.ts';
import { eventsBetween, oldestSeq } from '../storage/events.ts';
import { projectAccess } from './access.ts';
import type { SessionContext, SessionOutcome } from './session.ts';

/**
 * Subscribes to projects, replaying every stored event after each cursor's
 * since_seq. The reply, the replay and the live subscription happen in one
 * synchronous step, so no write can slip between them. With
 * changed_fields_only the replay is sent compact, as live events will be.
 */
export function subscribe(ctx: SessionContext, cmd: Commands['subscribe']): SessionOutcome {
  const { projects: cursors, changedFieldsOnly } = cmd;
  if (cursors.length === 0) throw invalidArgument('projects', 'Subscribe to at least one project');
  // Each cursor replays its project's log: the same project twice would replay it twice.
  if (new Set(cursors.map((c) => c.projectId)).size < cursors.length) {
    throw invalidArgument('projects', 'Name each project once in a subscribe');
  }
  return ctx.db.readTransaction(() => {
    const subscribed: IProjectCursor[] = [];
    const replay: Uint8Array[] = [];
    for (const cursor of cursors) {
      const { project } = projectAccess(ctx, cursor.projectId, Role.ROLE_VIEWER, 'projects');
      const since = cursor.sinceSeq;
      const current = project.last_event_seq;
      if (since < 0) throw new AppError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, 'since_seq cannot be negative', 'projects');
      if (since > 0 && since < current) {
        const oldest = oldestSeq(ctx.db, project.id);
        if (oldest === null || oldest > since + 1) throw resync(project.id, 'The events since your last seq are no longer kept');
        for (const event of eventsBetween(ctx.db, project.id, since, current)) replay.push(event.payload);
      } else if (since > current) {
        throw resync(project.id, 'Your seq is ahead of the server (was the data restored?)');
      }
      subscribed.push({ projectId: project.id, sinceSeq: current });
    }
    return {
      value: { subscribed: { projects: subscribed } },
      subscribe: subscribed.map((c) => ({ projectId: c.projectId!, seq: c.sinceSeq!, changedFieldsOnly })),
      replay: { payloads: replay, changedFieldsOnly },
    };
  });
}

function resync(projectId: string, why: string): AppError {
  return new AppError(ErrorCode.ERROR_CODE_RESYNC_REQUIRED, `${why}; fetch the board again`, 'projects', undefined, 0, projectId);
}
