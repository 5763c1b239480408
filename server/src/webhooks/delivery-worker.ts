// Sends queued deliveries, one worker per instance, on timers: a claim is one
// small transaction, a send is an await, so the event loop is never held. At
// most MAX_IN_FLIGHT sends at once per instance, so a thousand deliveries to
// a receiver that hangs cost eight sockets, not a thousand.
//
// Which tenant files it looks in: every half second, the tenants with
// webhooks whose file this instance has open (where this instance's writes
// just queued deliveries); once a minute, and at start, all the others too,
// opening their files a few per tick (deliveries queued before a restart, by
// an instance that died, or retries due in a file that was closed since).
//
// A delivery is claimed with a lease (storage/webhook-deliveries.ts): another
// instance on the data folder never takes it until the lease runs out, which
// only happens if this one died mid-send. That, a receiver that got the
// request but whose answer was lost, and a stop mid-send are why delivery is
// at least once: receivers drop repeats by the delivery id.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.ts';
import { claimDueDeliveries, hasDueDeliveries, recordAttempt, releaseLeases, settleDelivery, type ClaimedDelivery } from '../storage/webhook-deliveries.ts';
import { findWebhookRow } from '../storage/webhooks.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import { afterFailure } from './retry-schedule.ts';
import type { SecretBox } from './secret-box.ts';
import { sendAttempt, type Outcome } from './send.ts';
import { DELIVERY_HEADERS, signDelivery } from './signature.ts';
import type { WebhookTenants } from './webhook-tenants.ts';

export interface DeliverySettings {
  /** INSTANCE_NAME, recorded with each attempt. */
  instance: string;
  allowPrivate: boolean;
  retryBaseMs: number;
  timeoutMs: number;
}

export interface DeliveryWorkerDeps {
  databases: TenantDatabases;
  tenants: WebhookTenants;
  secrets: SecretBox;
  log: Logger;
  settings: DeliverySettings;
}

export const MAX_IN_FLIGHT = 8;
const POLL_MS = 500;
const SWEEP_MS = 60_000;
const OPENS_PER_TICK = 8;
/** A claim outlives the longest attempt (its timeout) with room to record it. */
const LEASE_MARGIN_MS = 5_000;

export class DeliveryWorker {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  /** Tenants the sweep has still to open and look in. */
  private toOpen: string[] = [];
  private sweepStartedAt = -Infinity;
  /** Where the next visit starts, so one busy tenant does not take every slot each time. */
  private cursor = 0;
  /** This process's leases: a restarted instance's are not its predecessor's, which must run out. */
  private readonly owner: string;

  constructor(private readonly deps: DeliveryWorkerDeps) {
    this.owner = `${deps.settings.instance}/${randomUUID()}`;
  }

  start(): void {
    this.tick();
  }

  /** Cuts the sends in flight short and gives their deliveries back to the queue. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private tick(): void {
    if (this.stopping.signal.aborted) return;
    const now = Date.now();
    if (this.toOpen.length === 0 && now - this.sweepStartedAt >= SWEEP_MS) {
      this.toOpen = [...this.refreshedTenants()];
      this.sweepStartedAt = now;
    }
    const tenants = this.deps.tenants.tenants;
    for (let i = 0; i < tenants.length && this.free() > 0; i++) {
      const tenantId = tenants[(this.cursor + i) % tenants.length]!;
      const db = this.deps.databases.peek(tenantId);
      if (db) this.claimAndSend(db, now);
    }
    this.cursor++;
    // Opening a file costs milliseconds, so the sweep opens a few per tick.
    for (let opened = 0; opened < OPENS_PER_TICK && this.toOpen.length > 0 && this.free() > 0; ) {
      const tenantId = this.toOpen.shift()!;
      if (this.deps.databases.peek(tenantId)) continue;
      opened++;
      const db = this.open(tenantId);
      if (db) this.claimAndSend(db, now);
    }
    this.timer = setTimeout(() => this.tick(), POLL_MS);
    this.timer.unref();
  }

  private free(): number {
    return MAX_IN_FLIGHT - this.inFlight.size;
  }

  private claimAndSend(db: TenantDb, now: number): void {
    for (const delivery of this.claim(db, now, this.free())) this.track(this.send(db.tenantId, delivery));
  }

  private refreshedTenants(): readonly string[] {
    try {
      return this.deps.tenants.refresh();
    } catch (err) {
      this.deps.log.warn('webhook_tenants_unreadable', { error: String(err) });
      return this.deps.tenants.tenants;
    }
  }

  private open(tenantId: string): TenantDb | null {
    try {
      return this.deps.databases.get(tenantId);
    } catch (err) {
      this.deps.log.warn('webhook_tenant_unopened', { tenant: tenantId, error: String(err) });
      return null;
    }
  }

  private claim(db: TenantDb, now: number, limit: number): ClaimedDelivery[] {
    try {
      if (!hasDueDeliveries(db, now)) return [];
      return db.transaction(() => claimDueDeliveries(db, now, limit, this.owner, now + this.deps.settings.timeoutMs + LEASE_MARGIN_MS));
    } catch (err) {
      // Another instance holding the write lock past busy_timeout, or a full disk: the next tick tries again.
      this.deps.log.warn('webhook_claim_failed', { tenant: db.tenantId, error: String(err) });
      return [];
    }
  }

  private track(sending: Promise<void>): void {
    const tracked = sending
      .catch((err: unknown) => this.deps.log.error('webhook_send_failed', {}, err))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async send(tenantId: string, delivery: ClaimedDelivery): Promise<void> {
    const { settings } = this.deps;
    const startedAt = Date.now();
    const target = this.target(tenantId, delivery);
    if (target === 'gone') return;
    const timestamp = Math.floor(startedAt / 1000);
    const outcome: Outcome =
      'refusal' in target
        ? { statusCode: null, error: target.refusal, durationMs: 0 }
        : await sendAttempt({
            url: target.url,
            headers: {
              'Content-Type': 'application/json',
              'User-Agent': 'Tandem-Webhooks/1',
              [DELIVERY_HEADERS.id]: delivery.id,
              [DELIVERY_HEADERS.kind]: delivery.kind,
              [DELIVERY_HEADERS.timestamp]: String(timestamp),
              [DELIVERY_HEADERS.signature]: signDelivery(target.secret, timestamp, delivery.body),
            },
            body: delivery.body,
            timeoutMs: settings.timeoutMs,
            allowPrivate: settings.allowPrivate,
            signal: this.stopping.signal,
          });
    const db = this.deps.databases.get(tenantId);
    if (this.stopping.signal.aborted) {
      releaseLeases(db, this.owner);
      return;
    }
    db.transaction(() => {
      const number = recordAttempt(db, {
        delivery_id: delivery.id,
        instance: settings.instance,
        started_at_ms: startedAt,
        duration_ms: outcome.durationMs,
        status_code: outcome.statusCode,
        error: outcome.error,
      });
      if (number === null) return;
      const now = Date.now();
      if (outcome.error === null) return void settleDelivery(db, delivery.id, this.owner, 'DELIVERED', now, now);
      const next = afterFailure(number, now, delivery.give_up_at_ms, settings.retryBaseMs);
      if (next.state === 'FAILED') {
        this.deps.log.info('webhook_delivery_given_up', { tenant: tenantId, delivery: delivery.id, attempts: number });
        settleDelivery(db, delivery.id, this.owner, 'FAILED', now, now);
      } else {
        settleDelivery(db, delivery.id, this.owner, 'PENDING', next.nextAttemptAt, null);
      }
    });
  }

  /** Where and with which secret, read at send time (the admin may have changed either); 'gone' when the webhook was deleted. */
  private target(tenantId: string, delivery: ClaimedDelivery): { url: string; secret: string } | { refusal: string } | 'gone' {
    const row = findWebhookRow(this.deps.databases.get(tenantId), delivery.webhook_id);
    if (!row) return 'gone';
    try {
      return { url: row.url, secret: this.deps.secrets.open(row.secret_sealed) };
    } catch {
      // Recorded as a failed attempt, so it backs off and gives up rather than being claimed forever.
      return { refusal: 'The secret cannot be read with this server\'s key (DATA_DIR/_keys/webhooks.key); rotate the secret' };
    }
  }
}
