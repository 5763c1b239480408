// Which cell holds each tenant (docs/DESIGN.md decision 55): one Redis hash,
// tenant id → cell name, read through a cache in this process. Whoever
// changes an entry publishes the change on `<key>:changes` in the same
// MULTI, and every instance's cache takes it from there, so a move reaches
// all of them at once. Changes published while this instance's link to Redis
// was down are made up for when it comes back: every cached answer is read
// again.
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';

/**
 * Answers about other cells' tenants kept at most, the least recently asked
 * dropped first. Nothing else bounds how many tenants a cell may be asked
 * about, and a client sent to the wrong cell asks again and again.
 */
export const OTHER_CELLS_KEPT = 10_000;

/** Told of every change this instance learns of: the tenant is now on `cell`. */
export type PlacementListener = (tenantId: string, cell: string) => void;

const reconnectAfter = (attempt: number) => Math.min(100 * attempt, 1000);

export class Placement {
  private readonly commands: Redis;
  private readonly subscriber: Redis;
  /**
   * This cell's tenants, every one this process met. Not bounded by a count:
   * one short string per tenant whose file this cell holds, which its disk
   * bounds; dropping one would refuse its open sockets their next command.
   */
  private readonly own = new Set<string>();
  /** Other cells' tenants and their cells, the least recently asked first. */
  private readonly elsewhere = new Map<string, string>();
  private readonly listeners: PlacementListener[] = [];
  private linkLost = false;
  private closed = false;

  constructor(
    url: string,
    /** The hash's key; its changes go out on `<key>:changes`. */
    private readonly key: string,
    readonly cell: string,
    private readonly log: Logger,
  ) {
    // A command waits for a connection (the start, a blip) at most a second, then fails: the edge answers 503.
    this.commands = new Redis(url, { lazyConnect: true, commandTimeout: 1000, maxRetriesPerRequest: 1, retryStrategy: reconnectAfter });
    // The subscriber queues its SUBSCRIBE until Redis first answers, and ioredis subscribes again after every reconnect.
    this.subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: reconnectAfter });
    for (const [name, client] of [['commands', this.commands], ['subscriber', this.subscriber]] as const) {
      client.on('error', (err: Error) => this.log.debug('placement_redis_error', { client: name, error: err.message }));
    }
    this.subscriber.on('message', (_channel: string, message: string) => this.received(message));
    this.subscriber.on('close', () => {
      this.linkLost = true;
    });
    this.subscriber.on('ready', () => {
      if (!this.linkLost) return;
      this.linkLost = false;
      void this.readAgain();
    });
  }

  private get channel(): string {
    return `${this.key}:changes`;
  }

  /** Connects in the background; until Redis answers, only cached tenants are served. */
  start(): void {
    this.commands.connect().catch((err: Error) => this.log.warn('placement_redis_unavailable', { error: err.message }));
    this.subscriber.connect().catch(() => undefined);
    this.subscriber.subscribe(this.channel).catch((err: Error) => {
      if (!this.closed) this.log.error('placement_subscribe_failed', { error: err.message });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.commands.disconnect();
    this.subscriber.disconnect();
  }

  onChange(listener: PlacementListener): void {
    this.listeners.push(listener);
  }

  /** The tenant's cell as this process knows it, without asking Redis; undefined when it does not know. */
  cached(tenantId: string): string | undefined {
    if (this.own.has(tenantId)) return this.cell;
    const cell = this.elsewhere.get(tenantId);
    if (cell !== undefined) {
      this.elsewhere.delete(tenantId);
      this.elsewhere.set(tenantId, cell);
    }
    return cell;
  }

  /** The tenant's cell, from the cache or else Redis; null when no cell holds it. Rejects when Redis does not answer. */
  async cellOf(tenantId: string): Promise<string | null> {
    const known = this.cached(tenantId);
    if (known !== undefined) return known;
    const cell = await this.commands.hget(this.key, tenantId);
    return cell === null ? (this.cached(tenantId) ?? null) : this.learned(tenantId, cell);
  }

  /** Places the tenant on this cell unless a cell holds it already (first come, HSETNX); resolves with the cell that holds it. */
  async claim(tenantId: string): Promise<string> {
    return this.learned(tenantId, await this.claimInRedis(tenantId));
  }

  /** Puts the tenant on `cell` (a move) and tells every instance, this one at once. */
  async place(tenantId: string, cell: string): Promise<void> {
    await this.commands.multi().hset(this.key, tenantId, cell).publish(this.channel, JSON.stringify({ tenant: tenantId, cell })).exec();
    this.changed(tenantId, cell);
  }

  private async claimInRedis(tenantId: string): Promise<string> {
    const replies = await this.commands.multi().hsetnx(this.key, tenantId, this.cell).hget(this.key, tenantId).exec();
    const owner = replies?.[1]?.[1];
    if (typeof owner !== 'string') throw new Error(`the claim of ${tenantId} got no answer`);
    if (replies?.[0]?.[1] === 1) this.log.info('tenant_claimed', { tenant: tenantId, cell: this.cell });
    return owner;
  }

  /** An answer read from Redis, kept unless a change came meanwhile, which is newer. */
  private learned(tenantId: string, cell: string): string {
    const known = this.cached(tenantId);
    if (known !== undefined) return known;
    this.remember(tenantId, cell);
    return cell;
  }

  private received(message: string): void {
    let change: { tenant?: unknown; cell?: unknown };
    try {
      change = JSON.parse(message) as typeof change;
    } catch {
      return;
    }
    if (typeof change.tenant === 'string' && typeof change.cell === 'string') this.changed(change.tenant, change.cell);
  }

  private changed(tenantId: string, cell: string): void {
    if (this.cached(tenantId) === cell) return;
    this.remember(tenantId, cell);
    for (const listener of this.listeners) listener(tenantId, cell);
  }

  private remember(tenantId: string, cell: string): void {
    this.elsewhere.delete(tenantId);
    if (cell === this.cell) {
      this.own.add(tenantId);
      return;
    }
    this.own.delete(tenantId);
    this.elsewhere.set(tenantId, cell);
    if (this.elsewhere.size > OTHER_CELLS_KEPT) this.elsewhere.delete(this.elsewhere.keys().next().value!);
  }

  /**
   * The link came back: changes published meanwhile were missed, so every
   * cached answer is read again. A tenant of this cell that no cell holds any
   * more (Redis lost its data) is claimed again: its file is here.
   */
  private async readAgain(): Promise<void> {
    const tenants = [...this.own, ...this.elsewhere.keys()];
    try {
      for (let i = 0; i < tenants.length; i += 1000) {
        const batch = tenants.slice(i, i + 1000);
        const cells = await this.commands.hmget(this.key, ...batch);
        for (const [j, tenantId] of batch.entries()) {
          const cell = cells[j] ?? null;
          if (cell !== null) this.changed(tenantId, cell);
          else if (this.own.has(tenantId)) this.changed(tenantId, await this.claimInRedis(tenantId));
          else this.elsewhere.delete(tenantId);
        }
      }
    } catch (err) {
      // Read again at the next reconnect; meanwhile the answers cached before the outage stand.
      this.linkLost = true;
      this.log.warn('placement_reread_failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }
}
