// Which cell holds each tenant (docs/DESIGN.md decision 55): one Redis hash,
// tenant id → cell name, read through a cache in this process. The same
// class, under a second key, keeps which cell holds each standalone account
// (account-homes.ts, decision 58). Whoever
// changes an entry, a claim that won or a move, publishes the change on
// `<key>:changes` atomically with it, and every instance's cache takes it
// from there, so a move reaches all of them at once (and placement:sync
// takes every new tenant to HAProxy's map, decision 56). Changes published
// while this instance's link to Redis was down are made up for when it comes
// back: every cached answer is read again.
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

/** One entry of the hash as announced on the changes channel: the tenant is now on `cell`. */
export interface PlacementChange {
  tenant: string;
  cell: string;
}

/** Where the hash under `key` announces its changes (a claim won, a move). */
export const placementChannel = (key: string): string => `${key}:changes`;

/** A message of the changes channel, or null when it is not one. */
export function parsePlacementChange(message: string): PlacementChange | null {
  try {
    const change = JSON.parse(message) as { tenant?: unknown; cell?: unknown };
    return typeof change.tenant === 'string' && typeof change.cell === 'string' ? { tenant: change.tenant, cell: change.cell } : null;
  } catch {
    return null;
  }
}

const announcement = (tenant: string, cell: string): string => JSON.stringify({ tenant, cell } satisfies PlacementChange);

/**
 * HSETNX and, only when it won, the announcement, in one script: a MULTI
 * cannot make the PUBLISH depend on the HSETNX, and a PUBLISH sent after it
 * could be lost with this process, leaving a router that follows the channel
 * (placement:sync) without a tenant the hash holds. Answers the win (1 or 0)
 * and the cell that holds the tenant.
 */
const CLAIM_SCRIPT = `local won = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
if won == 1 then redis.call('PUBLISH', ARGV[3], ARGV[4]) end
return {won, redis.call('HGET', KEYS[1], ARGV[1])}`;

/** HSET and its announcement, only while KEYS[2] holds ARGV[3] (see placeWhile). */
const PLACE_WHILE_SCRIPT = `if redis.call('GET', KEYS[2]) ~= ARGV[3] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1`;

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
    /** Whether a won claim is logged with its key: a tenant id is, an email is not. */
    private readonly claimsLogged = true,
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
    return placementChannel(this.key);
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
    await this.commands.multi().hset(this.key, tenantId, cell).publish(this.channel, announcement(tenantId, cell)).exec();
    this.changed(tenantId, cell);
  }

  /**
   * place(), only while the key `held` still holds `value`: a tenant move's
   * read-only mark (decision 57), checked in the same script, so placement
   * never flips after the mark lapsed and the old cell took writes again.
   * False, and nothing changed, when it no longer holds.
   */
  async placeWhile(tenantId: string, cell: string, held: { key: string; value: string }): Promise<boolean> {
    const placed = await this.commands.eval(PLACE_WHILE_SCRIPT, 2, this.key, held.key, tenantId, cell, held.value, this.channel, announcement(tenantId, cell));
    if (placed !== 1) return false;
    this.changed(tenantId, cell);
    return true;
  }

  private async claimInRedis(tenantId: string): Promise<string> {
    const reply = (await this.commands.eval(CLAIM_SCRIPT, 1, this.key, tenantId, this.cell, this.channel, announcement(tenantId, this.cell))) as [number, string | null];
    const [won, owner] = reply;
    if (typeof owner !== 'string') throw new Error(`the claim of ${tenantId} got no answer`);
    if (won === 1 && this.claimsLogged) this.log.info('tenant_claimed', { tenant: tenantId, cell: this.cell });
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
    const change = parsePlacementChange(message);
    if (change) this.changed(change.tenant, change.cell);
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
