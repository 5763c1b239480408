// Which tenants this instance must not write to just now: those whose file
// is being copied to another cell (docs/DESIGN.md decision 57). Kept in
// memory, so the write path asks without a round trip, from the marks'
// channel. Each mark here lapses on its own when its lease runs out, so a
// mover that died, or a lift this instance never heard, leaves a tenant
// read-only a lease at most. After its link to Redis comes back, and at the
// start, the marks are read again.
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { parseMarkMessage, type MoveBook } from './move-record.ts';

/** Told when a tenant becomes read-only here, and when it takes writes again. */
export type ReadOnlyListener = (tenantId: string, readOnly: boolean) => void;

interface Mark {
  move: string;
  timer: NodeJS.Timeout;
  /** When it was (re)set, in reads-again: a read of every mark started before this cannot drop it. */
  generation: number;
}

const reconnectAfter = (attempt: number) => Math.min(100 * attempt, 1000);

export class ReadOnlyTenants {
  private readonly marks = new Map<string, Mark>();
  private readonly listeners: ReadOnlyListener[] = [];
  private readonly subscriber: Redis;
  private generation = 0;
  private closed = false;

  constructor(
    url: string,
    private readonly book: MoveBook,
    private readonly log: Logger,
  ) {
    this.subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: reconnectAfter });
    this.subscriber.on('error', (err: Error) => this.log.debug('read_only_redis_error', { error: err.message }));
    this.subscriber.on('message', (_channel: string, message: string) => {
      const mark = parseMarkMessage(message);
      if (!mark) return;
      if (mark.ms > 0) this.hold(mark.tenant, mark.move, mark.ms);
      else this.lift(mark.tenant, mark.move);
    });
    // The first connection and every one after a drop: marks set or lifted meanwhile were not heard.
    this.subscriber.on('ready', () => void this.readAgain());
  }

  start(): void {
    this.subscriber.connect().catch(() => undefined);
    this.subscriber.subscribe(this.book.channel).catch((err: Error) => {
      if (!this.closed) this.log.error('read_only_subscribe_failed', { error: err.message });
    });
  }

  close(): void {
    this.closed = true;
    for (const mark of this.marks.values()) clearTimeout(mark.timer);
    this.marks.clear();
    this.subscriber.disconnect();
  }

  onChange(listener: ReadOnlyListener): void {
    this.listeners.push(listener);
  }

  has(tenantId: string): boolean {
    return this.marks.has(tenantId);
  }

  /** The tenant takes no writes for ms from now (a mark set or renewed). */
  hold(tenantId: string, move: string, ms: number): void {
    const known = this.marks.get(tenantId);
    if (known) clearTimeout(known.timer);
    const timer = setTimeout(() => this.lift(tenantId, move), ms);
    timer.unref();
    this.marks.set(tenantId, { move, timer, generation: ++this.generation });
    if (!known) this.tell(tenantId, true);
  }

  /** The move's mark is gone: lifted, or its lease ran out. A newer move's mark stays. */
  lift(tenantId: string, move: string): void {
    const known = this.marks.get(tenantId);
    if (!known || known.move !== move) return;
    clearTimeout(known.timer);
    this.marks.delete(tenantId);
    this.tell(tenantId, false);
  }

  private tell(tenantId: string, readOnly: boolean): void {
    this.log.info(readOnly ? 'tenant_read_only' : 'tenant_writable', { tenant: tenantId });
    for (const listener of this.listeners) listener(tenantId, readOnly);
  }

  private async readAgain(): Promise<void> {
    const startedAt = this.generation;
    try {
      const marks = await this.book.marks();
      for (const mark of marks) this.hold(mark.tenant, mark.move, mark.ms);
      const holding = new Set(marks.map((m) => m.tenant));
      for (const [tenantId, mark] of [...this.marks]) {
        // A mark heard while the read was under way is newer than its answer.
        if (!holding.has(tenantId) && mark.generation <= startedAt) this.lift(tenantId, mark.move);
      }
    } catch (err) {
      // The marks known stand, each until its lease runs out; the next reconnect reads again.
      if (!this.closed) this.log.warn('read_only_reread_failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }
}
