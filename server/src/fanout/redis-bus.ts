// Links instances through Redis pub/sub (ioredis). At-most-once by nature:
// a message published while Redis is away is simply gone, which is fine
// because the event log in SQLite fills every gap (project-feeds.ts).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { decodeEnvelope, encodeEnvelope, type BusMessage } from './bus-envelope.ts';

export interface BusHooks {
  onMessage(message: BusMessage): void;
  /** Redis came back after being away: messages may have been lost meanwhile. */
  onReconnected(): void;
  onStateChange(connected: boolean): void;
}

export interface BusCounters {
  published(): void;
  publishFailed(): void;
  received(lagMs: number): void;
}

export class RedisBus {
  /** Tells this instance's own messages apart when Redis echoes them back. */
  readonly sender = randomBytes(16);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private wasReady = false;
  private lostSinceReady = false;

  constructor(
    url: string,
    private readonly channel: string,
    private readonly hooks: BusHooks,
    private readonly counters: BusCounters,
    private readonly log: Logger,
  ) {
    const options = {
      lazyConnect: true,
      // Never queue while disconnected: a late event is worse than a dropped one the log will fill.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt: number) => Math.min(100 * attempt, 1000),
    };
    this.publisher = new Redis(url, options);
    // The subscriber queues its SUBSCRIBE until Redis first answers, and
    // ioredis subscribes again by itself after every reconnect.
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const [name, client] of [['publisher', this.publisher], ['subscriber', this.subscriber]] as const) {
      client.on('error', (err: Error) => this.log.debug('redis_error', { client: name, error: err.message }));
      client.on('ready', () => this.stateChanged());
      client.on('close', () => this.stateChanged());
    }
    this.subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.receive(message));
  }

  get connected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  /** Connects in the background; the instance serves alone until Redis answers. */
  start(): void {
    this.publisher.connect().catch((err: Error) => this.log.warn('redis_unavailable', { error: err.message }));
    this.subscriber.connect().catch(() => undefined);
    this.subscriber.subscribe(this.channel).catch((err: Error) => this.log.error('redis_subscribe_failed', { error: err.message }));
  }

  publish(message: Omit<BusMessage, 'sender' | 'sentAtMs'>): void {
    if (!this.connected) {
      this.counters.publishFailed();
      return;
    }
    const bytes = encodeEnvelope({ ...message, sender: this.sender, sentAtMs: Date.now() } as BusMessage);
    this.publisher.publish(this.channel, bytes).then(
      () => this.counters.published(),
      () => this.counters.publishFailed(),
    );
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private receive(bytes: Buffer): void {
    const message = decodeEnvelope(bytes);
    if (!message || message.sender.equals(this.sender)) return;
    this.counters.received(Date.now() - message.sentAtMs);
    this.hooks.onMessage(message);
  }

  private stateChanged(): void {
    const connected = this.connected;
    if (connected === this.wasReady) return;
    this.wasReady = connected;
    this.hooks.onStateChange(connected);
    if (!connected) {
      this.lostSinceReady = true;
      this.log.warn('redis_disconnected', {});
    } else {
      this.log.info('redis_connected', {});
      if (this.lostSinceReady) this.hooks.onReconnected();
    }
  }
}
