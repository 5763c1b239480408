// The webhook delivery queue (pm_webhook_deliveries) and its attempts. A
// delivery is claimed with a lease: instances sharing the file each take only
// rows whose lease has run out, inside SQLite's write lock, so two never hold
// one at once; an instance that died mid-send lets its lease run out and
// another sends again (at least once, never lost).
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { DeliveryState, WebhookAttemptRow, WebhookDeliveryRow } from './tables.ts';

export interface NewDelivery {
  id: string;
  webhookId: string;
  projectId: string;
  seq: number;
  kind: WebhookDeliveryRow['kind'];
  body: string;
  at: number;
  giveUpAt: number;
}

// Written inside writes, once per event per matching webhook: compiled once.
const insert = prepared((id: string, webhookId: string, projectId: string, seq: number, kind: WebhookDeliveryRow['kind'], body: string, at: number, giveUpAt: number) =>
  q.insertInto('pm_webhook_deliveries').values({
    id, webhook_id: webhookId, project_id: projectId, event_seq: seq, kind, body, state: 'PENDING',
    created_at_ms: at, next_attempt_at_ms: at, give_up_at_ms: giveUpAt, lease_owner: null, lease_until_ms: 0, finished_at_ms: null,
  }),
);

/** Queues a delivery, due at once. */
export function insertDelivery(db: SqlRunner, d: NewDelivery): void {
  db.run(insert(d.id, d.webhookId, d.projectId, d.seq, d.kind, d.body, d.at, d.giveUpAt));
}

export type ClaimedDelivery = Pick<WebhookDeliveryRow, 'id' | 'webhook_id' | 'body' | 'kind' | 'give_up_at_ms'>;

const claim = prepared((now: number, limit: number, owner: string, leaseUntil: number) =>
  q.updateTable('pm_webhook_deliveries')
    .set({ lease_owner: owner, lease_until_ms: leaseUntil })
    .where('id', 'in', (eb) =>
      eb.selectFrom('pm_webhook_deliveries')
        .select('id')
        .where('state', '=', 'PENDING')
        .where('next_attempt_at_ms', '<=', now)
        .where('lease_until_ms', '<=', now)
        .orderBy('next_attempt_at_ms')
        .limit(limit),
    )
    .returning(['id', 'webhook_id', 'body', 'kind', 'give_up_at_ms']),
);

/** Leases up to `limit` due deliveries to `owner` until `leaseUntil`; the caller runs it in a transaction. */
export function claimDueDeliveries(db: SqlRunner, now: number, limit: number, owner: string, leaseUntil: number): ClaimedDelivery[] {
  return db.all(claim(now, limit, owner, leaseUntil));
}

const soFar = prepared((deliveryId: string) =>
  q.selectFrom('pm_webhook_deliveries as d')
    .select((eb) => [
      'd.id',
      eb.selectFrom('pm_webhook_attempts as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.delivery_id', '=', 'd.id').as('attempts'),
    ])
    .where('d.id', '=', deliveryId),
);

/**
 * Records an attempt and returns its number, or null when the delivery is
 * gone (its webhook was deleted while it was being sent).
 */
export function recordAttempt(db: SqlRunner, attempt: Omit<WebhookAttemptRow, 'id' | 'attempt'>): number | null {
  const found = db.get(soFar(attempt.delivery_id));
  if (!found) return null;
  const number = Number(found.attempts ?? 0) + 1;
  db.run(q.insertInto('pm_webhook_attempts').values({ ...attempt, attempt: number }));
  return number;
}

const settle = prepared((id: string, owner: string, state: DeliveryState, nextAttemptAt: number, finishedAt: number | null) =>
  q.updateTable('pm_webhook_deliveries')
    .set({ state, next_attempt_at_ms: nextAttemptAt, finished_at_ms: finishedAt, lease_owner: null, lease_until_ms: 0 })
    .where('id', '=', id)
    .where('lease_owner', '=', owner),
);

/**
 * Ends the lease with the attempt's outcome. Only while `owner` still holds
 * it: once it ran out another instance may have sent it, and its outcome is
 * the one that counts.
 */
export function settleDelivery(db: SqlRunner, id: string, owner: string, state: DeliveryState, nextAttemptAt: number, finishedAt: number | null): boolean {
  return db.run(settle(id, owner, state, nextAttemptAt, finishedAt)) > 0;
}

/** Gives back every lease of `owner` without an attempt (the server is stopping). */
export function releaseLeases(db: SqlRunner, owner: string): number {
  return db.run(q.updateTable('pm_webhook_deliveries').set({ lease_owner: null, lease_until_ms: 0 }).where('lease_owner', '=', owner));
}

/**
 * Queues a delivery again, due now, with a new retry window; its id and body
 * stay, since it is the same event. A delivery being sent right now keeps its
 * lease, and that attempt's outcome settles it.
 */
export function resendDelivery(db: SqlRunner, webhookId: string, deliveryId: string, now: number, giveUpAt: number): boolean {
  return db.run(
    q.updateTable('pm_webhook_deliveries')
      .set({ state: 'PENDING', next_attempt_at_ms: now, give_up_at_ms: giveUpAt, finished_at_ms: null })
      .where('id', '=', deliveryId)
      .where('webhook_id', '=', webhookId),
  ) > 0;
}

const due = prepared((now: number) =>
  q.selectFrom('pm_webhook_deliveries')
    .select('id')
    .where('state', '=', 'PENDING')
    .where('next_attempt_at_ms', '<=', now)
    .where('lease_until_ms', '<=', now)
    .limit(1),
);

/** Whether a claim would find anything: a read, so a look that finds nothing takes no write lock. */
export function hasDueDeliveries(db: SqlRunner, now: number): boolean {
  return db.get(due(now)) !== undefined;
}

export interface LoggedDelivery extends Pick<WebhookDeliveryRow, 'id' | 'kind' | 'event_seq' | 'state' | 'created_at_ms' | 'next_attempt_at_ms' | 'finished_at_ms'> {
  project_key: string;
  attempts: Array<Omit<WebhookAttemptRow, 'id' | 'delivery_id'>>;
}

/** A webhook's newest deliveries (or the one named), newest first, each with its attempts, oldest first. */
export function deliveryLog(db: SqlRunner, webhookId: string, limit: number, deliveryId?: string): LoggedDelivery[] {
  let query = q.selectFrom('pm_webhook_deliveries as d')
    .innerJoin('pm_projects as p', 'p.id', 'd.project_id')
    .select([
      'd.id', 'p.key as project_key', 'd.event_seq', 'd.kind', 'd.state', 'd.created_at_ms', 'd.next_attempt_at_ms', 'd.finished_at_ms',
    ])
    .where('d.webhook_id', '=', webhookId);
  if (deliveryId !== undefined) query = query.where('d.id', '=', deliveryId);
  const rows = db.all(query.orderBy('d.created_at_ms', 'desc').orderBy('d.event_seq', 'desc').limit(limit));
  if (rows.length === 0) return [];
  const attempts = db.all(
    q.selectFrom('pm_webhook_attempts')
      .select(['delivery_id', 'attempt', 'instance', 'started_at_ms', 'duration_ms', 'status_code', 'error'])
      .where('delivery_id', 'in', rows.map((r) => r.id))
      .orderBy('delivery_id')
      .orderBy('attempt'),
  );
  return rows.map((row) => ({ ...row, attempts: attempts.filter((a) => a.delivery_id === row.id).map(({ delivery_id: _, ...a }) => a) }));
}

/** Forgets delivered and failed deliveries older than `before` (with their attempts); returns how many. */
export function pruneFinishedDeliveries(db: SqlRunner, before: number): number {
  return db.run(
    q.deleteFrom('pm_webhook_deliveries')
      .where('webhook_id', 'in', (eb) => eb.selectFrom('pm_webhooks').select('id'))
      .where('created_at_ms', '<', before)
      .where('state', '!=', 'PENDING'),
  );
}
