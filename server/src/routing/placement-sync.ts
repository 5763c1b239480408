// placement:sync (docs/DESIGN.md decision 56): keeps HAProxy's map, tenant →
// cell, equal to the placement hash in Redis, and the default backend's
// weights to the cells' tenant counts (signup-weights.ts). A second one keeps
// the account map, email → cell, equal to the account homes' hash (decision
// 58), and weighs nothing.
//
// The map is rebuilt whole from the hash whenever it may have missed
// something: at start, once the changes channel is subscribed; after a lost
// link to Redis (a change published meanwhile is gone for good); when HAProxy
// is another process than the one the map was built in (a restart or reload
// reads the map file again, without the entries added at run time); and after
// any command HAProxy failed. In between, each published change is pushed as
// it comes. Everything runs one step at a time on one queue, so a change that
// comes during a rebuild is applied after it, on top of it.
import { Redis } from 'ioredis';
import { EMAIL_PATTERN } from '../../../shared/domain/accounts.ts';
import { isValidTenantId } from '../../../shared/domain/tenant-id.ts';
import { parsePlacementChange, placementChannel, type PlacementChange } from '../cells/placement.ts';
import { CELL_PATTERN } from '../config.ts';
import type { Logger } from '../log.ts';
import { ANY_CELL_BACKEND } from './haproxy-config.ts';
import { sendable, type RuntimeApi } from './runtime-api.ts';
import { signupWeights, type ServerState } from './signup-weights.ts';

export interface PlacementSyncOptions {
  redisUrl: string;
  /** The placement hash (PLACEMENT_KEY). */
  key: string;
  haproxy: RuntimeApi;
  /** The map's name in the runtime API: its file's path in haproxy.cfg. */
  map: string;
  log: Logger;
  /** How often HAProxy is asked which process it is, and a failed rebuild tried again. */
  checkEveryMs: number;
  /** This process's connections' name in Redis (CLIENT LIST). */
  name: string;
  /** Whether this map's entries are what sign-ups are weighed by: the tenant map's are. */
  weighsSignups: boolean;
  /** Only an entry Tandem itself could have made reaches HAProxy's command line. */
  placeable: (key: string, cell: string) => boolean;
  /** Put before each log event's name, so two maps synced by one process log apart: '' or 'account_'. */
  events: string;
  /** Whether log lines name the entry's key: a tenant id is named, an email is not. */
  keysLogged: boolean;
}

const reconnectAfter = (attempt: number) => Math.min(100 * attempt, 1000);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A tenant map entry Tandem could have made: a tenant id and a cell's name. */
export const placeableTenant = (tenant: string, cell: string) => isValidTenantId(tenant) && CELL_PATTERN.test(cell);

/** An account map entry: an email as Tandem keeps them (lower-case) that goes to HAProxy as one word, and not as a map file's comment. */
export const placeableAccount = (email: string, cell: string) =>
  EMAIL_PATTERN.test(email) && email === email.toLowerCase() && sendable(email) && !email.startsWith('#') && CELL_PATTERN.test(cell);

export class PlacementSync {
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  /** What HAProxy's map holds, as this process wrote it. */
  private mapped = new Map<string, string>();
  private tenantsPerCell = new Map<string, number>();
  /** The default backend's servers, and the weight each was last given. */
  private servers: ServerState[] = [];
  private readonly weights = new Map<string, number>();
  /** The HAProxy process (pid and start) the map was built in. */
  private builtIn: string | null = null;
  /** Whether the map holds every change published since the subscription began. */
  private current = false;
  private subscribed = false;
  private rebuildQueued = false;
  /** A check waiting on the queue: the next tick adds none (a slow HAProxy would pile them up). */
  private checkQueued = false;
  private work: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: PlacementSyncOptions) {
    const { redisUrl, log, name: connectionName } = options;
    this.redis = new Redis(redisUrl, { connectionName, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: reconnectAfter });
    // Subscribed again by hand after every reconnect, so the rebuild starts only once Redis confirms it.
    this.subscriber = new Redis(redisUrl, { connectionName, lazyConnect: true, autoResubscribe: false, maxRetriesPerRequest: null, retryStrategy: reconnectAfter });
    for (const [name, client] of [['commands', this.redis], ['subscriber', this.subscriber]] as const) {
      client.on('error', (err: Error) => log.debug('placement_sync_redis_error', { client: name, error: err.message }));
    }
    this.subscriber.on('message', (_channel: string, text: string) => {
      const change = parsePlacementChange(text);
      if (change) this.enqueue(() => this.apply(change));
    });
    this.subscriber.on('ready', () => this.subscribe());
    this.subscriber.on('close', () => {
      if (this.subscribed && !this.closed) log.warn(`${options.events}placement_sync_redis_lost`, {});
      this.subscribed = false;
      this.current = false;
    });
  }

  start(): void {
    this.redis.connect().catch((err: unknown) => this.options.log.warn('placement_sync_redis_unavailable', { error: message(err) }));
    this.subscriber.connect().catch(() => undefined);
    this.timer = setInterval(() => {
      if (this.checkQueued) return;
      this.checkQueued = true;
      this.enqueue(() => {
        this.checkQueued = false;
        return this.check();
      });
    }, this.options.checkEveryMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.subscriber.disconnect();
    this.redis.disconnect();
    await this.work;
  }

  private enqueue(step: () => Promise<void>): void {
    this.work = this.work.then(() => (this.closed ? undefined : step())).catch((err: unknown) => this.options.log.error('placement_sync_failed', {}, err));
  }

  private subscribe(): void {
    this.subscriber.subscribe(placementChannel(this.options.key)).then(
      () => {
        this.subscribed = true;
        this.queueRebuild(this.builtIn === null ? 'start' : 'redis link back');
      },
      (err: unknown) => this.options.log.warn(`${this.options.events}placement_sync_subscribe_failed`, { error: message(err) }),
    );
  }

  private queueRebuild(reason: string): void {
    if (this.rebuildQueued) return;
    this.rebuildQueued = true;
    this.enqueue(() => {
      this.rebuildQueued = false;
      return this.rebuild(reason);
    });
  }

  /**
   * Every second: a new HAProxy process, or a map left behind by a failure,
   * is rebuilt; otherwise the weights follow the servers' health.
   */
  private async check(): Promise<void> {
    if (!this.subscribed || this.rebuildQueued) return;
    const { haproxy, log } = this.options;
    try {
      const running = await haproxy.process();
      if (!this.current) return await this.rebuild('retry');
      if (running !== this.builtIn) return await this.rebuild('haproxy restarted');
      if (!this.options.weighsSignups) return;
      this.servers = await haproxy.serverStates(ANY_CELL_BACKEND);
      await this.pushWeights();
    } catch (err) {
      if (this.current) log.warn(`${this.options.events}haproxy_unreachable`, { error: message(err) });
      this.current = false;
    }
  }

  private async rebuild(reason: string): Promise<void> {
    const { haproxy, map, log, events, weighsSignups } = this.options;
    const started = performance.now();
    try {
      const running = await haproxy.process();
      if (weighsSignups) this.servers = await haproxy.serverStates(ANY_CELL_BACKEND);
      const placed = await this.readPlacement();
      await haproxy.replaceMap(map, placed);
      this.mapped = placed;
      this.tenantsPerCell = new Map();
      for (const cell of placed.values()) this.tenantsPerCell.set(cell, (this.tenantsPerCell.get(cell) ?? 0) + 1);
      // A new process has its configured weights again; set them all.
      this.weights.clear();
      await this.pushWeights();
      this.builtIn = running;
      this.current = true;
      log.info(`${events}map_rebuilt`, { reason, entries: placed.size, weights: this.describeWeights(), ms: Math.round(performance.now() - started) });
    } catch (err) {
      this.current = false;
      log.warn(`${events}map_rebuild_failed`, { reason, error: message(err) });
    }
  }

  /** The whole hash, a thousand entries per step, so a large one never holds Redis up. */
  private async readPlacement(): Promise<Map<string, string>> {
    const placed = new Map<string, string>();
    let skipped = 0;
    for await (const batch of this.redis.hscanStream(this.options.key, { count: 1000 }) as AsyncIterable<string[]>) {
      for (let i = 0; i + 1 < batch.length; i += 2) {
        if (this.options.placeable(batch[i]!, batch[i + 1]!)) placed.set(batch[i]!, batch[i + 1]!);
        else skipped++;
      }
    }
    if (skipped > 0) this.options.log.warn(`${this.options.events}placement_entries_skipped`, { count: skipped });
    return placed;
  }

  private async apply({ tenant, cell }: PlacementChange): Promise<void> {
    // Not current: the next rebuild reads this change from the hash.
    if (!this.current) return;
    const { haproxy, map, log, events, keysLogged } = this.options;
    const entry = keysLogged ? { key: tenant.slice(0, 80), cell: cell.slice(0, 80) } : { cell: cell.slice(0, 80) };
    if (!this.options.placeable(tenant, cell)) return log.warn(`${events}placement_change_skipped`, entry);
    const before = this.mapped.get(tenant);
    if (before === cell) return;
    try {
      if (before === undefined) await haproxy.addMapEntry(map, tenant, cell);
      else await haproxy.setMapEntry(map, tenant, cell);
      this.mapped.set(tenant, cell);
      if (before !== undefined) this.tenantsPerCell.set(before, this.tenantsPerCell.get(before)! - 1);
      this.tenantsPerCell.set(cell, (this.tenantsPerCell.get(cell) ?? 0) + 1);
      log.debug(`${events}map_changed`, { ...entry, from: before ?? null });
      await this.pushWeights();
    } catch (err) {
      this.current = false;
      log.warn(`${events}map_change_failed`, { ...entry, error: message(err) });
    }
  }

  private async pushWeights(): Promise<void> {
    if (!this.options.weighsSignups) return;
    let changed = false;
    for (const [server, weight] of signupWeights(this.servers, this.tenantsPerCell)) {
      if (this.weights.get(server) === weight) continue;
      await this.options.haproxy.setWeight(ANY_CELL_BACKEND, server, weight);
      this.weights.set(server, weight);
      changed = true;
    }
    if (changed) this.options.log.debug('weights_changed', { weights: this.describeWeights() });
  }

  private describeWeights(): string {
    return [...this.weights].map(([server, weight]) => `${server}=${weight}`).join(' ');
  }
}
