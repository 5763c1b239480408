// Replies to writes by (user, message_id): PROTOCOL.md §4. Scoped to the user
// so nobody can read another's reply or block their write by guessing ids.
import type { TenantDb } from '../tenancy/tenant-db.ts';
import { tenantQueries as q } from './sql.ts';

export function findReply(db: TenantDb, userId: string, messageId: string): Uint8Array | undefined {
  return db.get(
    q.selectFrom('pm_idempotency_keys').select('reply').where('user_id', '=', userId).where('message_id', '=', messageId),
  )?.reply;
}

export function storeReply(db: TenantDb, userId: string, messageId: string, reply: Uint8Array, now: number): void {
  db.run(
    q.insertInto('pm_idempotency_keys').values({ user_id: userId, message_id: messageId, reply, created_at_ms: now }),
  );
}

export function purgeRepliesOlderThan(db: TenantDb, cutoffMs: number): number {
  return db.run(q.deleteFrom('pm_idempotency_keys').where('created_at_ms', '<', cutoffMs));
}
