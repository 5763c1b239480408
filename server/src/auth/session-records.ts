// The sessions each person holds, in the account directory, so that all of
// them can be ended at once (a deactivation, a changed password) through the
// revocation list; and the sessions whose open sockets must reconnect
// because their person's role changed, read by every instance's sweep as the
// revocations are. Neither is needed to check a token: a session nobody
// lists still works until it is revoked or ends.
import { prepared, type SqlRunner } from '../storage/sql.ts';
import { directoryQueries as q } from './account-directory.ts';

/** A reset only has to outlive one sweep of every instance (a second); kept a while for an instance that stalled. */
const RESET_KEPT_MS = 60 * 60 * 1000;

const resetsAfterQuery = prepared((afterId: number) =>
  q.selectFrom('session_resets').select(['id', 'session_id']).where('id', '>', afterId).orderBy('id'));

export interface HeldSession {
  sessionId: string;
  expiresAtMs: number;
}

export class SessionRecords {
  constructor(private readonly db: SqlRunner) {}

  /** A session started now; sessions past their end are forgotten here. */
  started(session: { sessionId: string; accountId: string; tenantId: string; expiresAtMs: number }, now: number): void {
    this.db.transaction(() => {
      this.db.run(q.deleteFrom('sessions').where('expires_at_ms', '<=', now));
      this.db.run(
        q.insertInto('sessions').values({
          session_id: session.sessionId, account_id: session.accountId, tenant_id: session.tenantId, started_at_ms: now, expires_at_ms: session.expiresAtMs,
        }),
      );
    });
  }

  /** The person's sessions still running, in one workspace or (null) in all. */
  held(accountId: string, tenantId: string | null, now: number): HeldSession[] {
    let query = q.selectFrom('sessions').select(['session_id', 'expires_at_ms']).where('account_id', '=', accountId).where('expires_at_ms', '>', now);
    if (tenantId !== null) query = query.where('tenant_id', '=', tenantId);
    return this.db.all(query).map((r) => ({ sessionId: r.session_id, expiresAtMs: r.expires_at_ms }));
  }

  /** These sessions' open sockets are to close, their cookies left as they are. */
  reset(sessionIds: readonly string[], now: number): void {
    if (sessionIds.length === 0) return;
    this.db.transaction(() => {
      this.db.run(q.deleteFrom('session_resets').where('reset_at_ms', '<', now - RESET_KEPT_MS));
      for (const sessionId of sessionIds) this.db.run(q.insertInto('session_resets').values({ session_id: sessionId, reset_at_ms: now }));
    });
  }

  /** Where a reader of resetsAfter starts when only later resets concern it. */
  lastResetId(): number {
    return this.db.get(q.selectFrom('session_resets').select((eb) => eb.fn.max('id').as('last')))?.last ?? 0;
  }

  /** Sessions reset after the entry `afterId`, with the last id read. */
  resetsAfter(afterId: number): { lastId: number; sessionIds: string[] } {
    const rows = this.db.all(resetsAfterQuery(afterId));
    return { lastId: rows.at(-1)?.id ?? afterId, sessionIds: rows.map((r) => r.session_id) };
  }
}
