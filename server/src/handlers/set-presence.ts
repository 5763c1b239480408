import { failedPrecondition } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import type { SessionContext, SessionOutcome } from './session.ts';

/** Ephemeral: never stored, no seq. Only for a project this connection watches. */
export function setPresence(ctx: SessionContext, cmd: Commands['setPresence']): SessionOutcome {
  const { projectId, viewingWorkItemId } = cmd;
  if (!ctx.subscriptions.has(projectId)) {
    throw failedPrecondition('Subscribe to the project before setting presence on it', 'project_id');
  }
  return { value: { ok: {} }, presence: { projectId, viewingWorkItemId } };
}
