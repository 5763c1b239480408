import { failedPrecondition } from '../../../shared/domain/errors.ts';
import { checkId } from '../../../shared/domain/validation.ts';
import type { tandem } from '../../../shared/gen/tandem.js';
import type { SessionContext, SessionOutcome } from './session.ts';

/** Ephemeral: never stored, no seq. Only for a project this connection watches. */
export function setPresence(ctx: SessionContext, cmd: tandem.v1.ISetPresence): SessionOutcome {
  const projectId = checkId(cmd.projectId ?? '', 'project_id');
  if (!ctx.subscriptions.has(projectId)) {
    throw failedPrecondition('Subscribe to the project before setting presence on it', 'project_id');
  }
  const viewingWorkItemId = cmd.viewingWorkItemId ?? '';
  if (viewingWorkItemId.length > 128) checkId(viewingWorkItemId, 'viewing_work_item_id');
  return { value: { ok: {} }, presence: { projectId, viewingWorkItemId } };
}
