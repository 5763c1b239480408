// Housekeeping for one tenant file: forget idempotency replies past their
// retention and trim each project's event log to its newest N events.
import { trimEventLog } from '../storage/events.ts';
import { purgeRepliesOlderThan } from '../storage/idempotency.ts';
import type { TenantDb } from './tenant-db.ts';

export interface Retention {
  idempotencyDays: number;
  eventLogKeep: number;
}

export function tidyTenant(db: TenantDb, retention: Retention, now = Date.now()): { replies: number; events: number } {
  return db.transaction(() => ({
    replies: purgeRepliesOlderThan(db, now - retention.idempotencyDays * 24 * 3600 * 1000),
    events: trimEventLog(db, retention.eventLogKeep),
  }));
}
