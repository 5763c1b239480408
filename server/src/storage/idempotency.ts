// Replies to writes by (user, message_id): docs/PROTOCOL.md §4. Scoped to the user
// so nobody can read another's reply or block their write by guessing ids.
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';

const replyOf = prepared((userId: string, messageId: string) =>
  q.selectFrom('pm_idempotency_keys').select('reply').where('user_id', '=', userId).where('message_id', '=', messageId));
const insertReply = prepared((userId: string, messageId: string, reply: Uint8Array, now: number) =>
  q.insertInto('pm_idempotency_keys').values({ user_id: userId, message_id: messageId, reply, created_at_ms: now }));

export function findReply(db: SqlRunner, userId: string, messageId: string): Uint8Array | undefined {
  return db.get(replyOf(userId, messageId))?.reply;
}

export function storeReply(db: SqlRunner, userId: string, messageId: string, reply: Uint8Array, now: number): void {
  db.run(insertReply(userId, messageId, reply, now));
}

export function purgeRepliesOlderThan(db: SqlRunner, cutoffMs: number): number {
  return db.run(q.deleteFrom('pm_idempotency_keys').where('created_at_ms', '<', cutoffMs));
}
