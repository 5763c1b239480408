// Housekeeping for one tenant file: forget idempotency replies past their
// retention, trim each project's event log to its newest N events, forget
// finished webhook deliveries past the delivery log's month, and purge
// projects deleted longer ago than their retention (storage/project-purge.ts).
import { trimEventLog } from '../storage/events.ts';
import { purgeRepliesOlderThan } from '../storage/idempotency.ts';
import { purgeDeletedProjects } from '../storage/project-purge.ts';
import { pruneFinishedDeliveries } from '../storage/webhook-deliveries.ts';
import type { TenantDb } from './tenant-db.ts';

export interface Retention {
  idempotencyDays: number;
  eventLogKeep: number;
}

/** How long a delivered or failed webhook delivery stays in its log. */
export const DELIVERY_LOG_DAYS = 30;

/** How long a deleted project's rows stay before they are purged (docs/PROTOCOL.md §6). */
export const DELETED_PROJECT_DAYS = 30;

const DAY_MS = 24 * 3600 * 1000;

/**
 * `removeContent` is told, last inside the transaction, each attachment
 * content (SHA-256) that a purge left no row naming, so its file can go.
 */
export function tidyTenant(
  db: TenantDb,
  retention: Retention,
  now = Date.now(),
  removeContent: (sha256: string) => void = () => {},
): { replies: number; events: number; deliveries: number; projects: number } {
  return db.transaction(() => {
    const purged = purgeDeletedProjects(db, now - DELETED_PROJECT_DAYS * DAY_MS);
    const tidied = {
      replies: purgeRepliesOlderThan(db, now - retention.idempotencyDays * DAY_MS),
      events: trimEventLog(db, retention.eventLogKeep),
      deliveries: pruneFinishedDeliveries(db, now - DELIVERY_LOG_DAYS * DAY_MS),
      projects: purged.projects,
    };
    // Last, under the write lock (as attachments/blob-store.ts asks), so no upload places the same bytes meanwhile.
    for (const sha256 of purged.unusedContents) removeContent(sha256);
    return tidied;
  });
}

/**
 * When a tenant's housekeeping is due: at the first open of its file, then
 * at most once a day. A tenant whose file the cache keeps closing and opening
 * would otherwise pay for it at every open (about half a millisecond of the
 * event loop, docs/benchmarks.md table 4b), while nothing it removes is more
 * than days old.
 */
export class HousekeepingSchedule {
  private readonly lastRun = new Map<string, number>();
  /** Past this size the map sheds tenants not seen for a day; it doubles when that sheds too little, so the scan is paid for by the inserts. */
  private pruneAt = 10_000;

  constructor(private readonly intervalMs = DAY_MS) {}

  due(tenantId: string, now = Date.now()): boolean {
    const last = this.lastRun.get(tenantId);
    return last === undefined || now - last >= this.intervalMs;
  }

  /** Housekeeping ran for the tenant: the next is due a day on (a failed one is not recorded, so the next open tries again). */
  ran(tenantId: string, now = Date.now()): void {
    this.lastRun.set(tenantId, now);
    if (this.lastRun.size > this.pruneAt) {
      for (const [id, at] of this.lastRun) if (now - at >= this.intervalMs) this.lastRun.delete(id);
      this.pruneAt = Math.max(this.pruneAt, this.lastRun.size * 2);
    }
  }
}
