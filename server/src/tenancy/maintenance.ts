// Housekeeping for one tenant file: forget idempotency replies past their
// retention, trim each project's event log to its newest N events, and
// forget finished webhook deliveries past the delivery log's month.
import { trimEventLog } from '../storage/events.ts';
import { purgeRepliesOlderThan } from '../storage/idempotency.ts';
import { pruneFinishedDeliveries } from '../storage/webhook-deliveries.ts';
import type { TenantDb } from './tenant-db.ts';

export interface Retention {
  idempotencyDays: number;
  eventLogKeep: number;
}

/** How long a delivered or failed webhook delivery stays in its log. */
export const DELIVERY_LOG_DAYS = 30;

export function tidyTenant(db: TenantDb, retention: Retention, now = Date.now()): { replies: number; events: number; deliveries: number } {
  return db.transaction(() => ({
    replies: purgeRepliesOlderThan(db, now - retention.idempotencyDays * 24 * 3600 * 1000),
    events: trimEventLog(db, retention.eventLogKeep),
    deliveries: pruneFinishedDeliveries(db, now - DELIVERY_LOG_DAYS * 24 * 3600 * 1000),
  }));
}
