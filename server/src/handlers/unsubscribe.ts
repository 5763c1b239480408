import type { tandem } from '../../../shared/gen/tandem.js';
import type { SessionContext, SessionOutcome } from './session.ts';

/** Unsubscribing from a project the connection is not subscribed to is not an error. */
export function unsubscribe(ctx: SessionContext, cmd: tandem.v1.IUnsubscribe): SessionOutcome {
  const ids = (cmd.projectIds ?? []).filter((id) => ctx.subscriptions.has(id));
  return { value: { ok: {} }, unsubscribe: ids };
}
