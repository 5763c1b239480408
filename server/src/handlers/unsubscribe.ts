import type { Commands } from '../commands/parsers.ts';
import type { SessionContext, SessionOutcome } from './session.ts';

/** Unsubscribing from a project the connection is not subscribed to is not an error. */
export function unsubscribe(ctx: SessionContext, cmd: Commands['unsubscribe']): SessionOutcome {
  const ids = cmd.projectIds.filter((id) => ctx.subscriptions.has(id));
  return { value: { ok: {} }, unsubscribe: ids };
}
