// A tenant move as Redis records it (docs/DESIGN.md decision 57), beside the
// placement hash and under its key:
//   <key>:moves               hash, tenant → the move's record (JSON), from its
//                             start until it is resolved, forward or back
//   <key>:read-only:<tenant>  the move's id, with a lease its mover renews: while
//                             it lives the tenant takes no writes anywhere; gone,
//                             the mover has stopped
//   <key>:read-only           channel: {tenant, move, ms}, the mark held ms more
//                             (0: lifted)
// Changes that belong together are one script each, so a process killed
// between two commands never leaves a record without its mark, or a mark
// that no instance was told of.
import type { Redis } from 'ioredis';

/** The last step a move started; what an interrupted one may have left behind. */
export type MoveStep = 'read-only' | 'copying' | 'sending' | 'installing' | 'placed';

export interface MoveRecord {
  id: string;
  tenant: string;
  from: string;
  to: string;
  step: MoveStep;
  /** When the step started (epoch ms). */
  at: number;
}

/** A message of the read-only channel. */
export interface MarkMessage {
  tenant: string;
  move: string;
  /** How much longer the mark holds; 0 when it was lifted. */
  ms: number;
}

/** What decides an interrupted move's outcome, read at one instant. */
export interface MoveSnapshot {
  record: MoveRecord | null;
  /** The cell the placement hash names. */
  placedOn: string | null;
  /** The move whose mark holds the tenant now, if any. */
  markedBy: string | null;
}

const BEGIN = `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
redis.call('PUBLISH', ARGV[5], ARGV[6])
return 1`;

const RENEW = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1`;

const LIFT = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1`;

/** Rewrites (ARGV[3] set) or deletes the record, only while it is still this move's. */
const OWN_RECORD = `local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current or cjson.decode(current).id ~= ARGV[2] then return 0 end
if ARGV[3] then redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) else redis.call('HDEL', KEYS[1], ARGV[1]) end
return 1`;

export function parseMarkMessage(message: string): MarkMessage | null {
  try {
    const m = JSON.parse(message) as Partial<MarkMessage>;
    return typeof m.tenant === 'string' && typeof m.move === 'string' && typeof m.ms === 'number' ? { tenant: m.tenant, move: m.move, ms: m.ms } : null;
  } catch {
    return null;
  }
}

export type AbandonOutcome =
  | { abandoned: true; record: MoveRecord; placedOn: string | null }
  | { abandoned: false; why: string };

export class MoveBook {
  constructor(
    private readonly redis: Redis,
    /** PLACEMENT_KEY: the placement hash, and the prefix of everything here. */
    private readonly key: string,
  ) {}

  get channel(): string {
    return `${this.key}:read-only`;
  }

  markKey(tenantId: string): string {
    return `${this.key}:read-only:${tenantId}`;
  }

  private get movesKey(): string {
    return `${this.key}:moves`;
  }

  private announce(tenant: string, move: string, ms: number): string {
    return JSON.stringify({ tenant, move, ms } satisfies MarkMessage);
  }

  /** Records the move and marks its tenant read-only for leaseMs; false, and nothing done, while another move of it is recorded. */
  async begin(record: MoveRecord, leaseMs: number): Promise<boolean> {
    const { tenant, id } = record;
    const args = [tenant, JSON.stringify(record), id, leaseMs, this.channel, this.announce(tenant, id, leaseMs)];
    return (await this.redis.eval(BEGIN, 2, this.movesKey, this.markKey(tenant), ...args)) === 1;
  }

  /** Extends the mark by leaseMs from now; false when it is no longer this move's (it lapsed). */
  async renew(tenantId: string, moveId: string, leaseMs: number): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.markKey(tenantId), moveId, leaseMs, this.channel, this.announce(tenantId, moveId, leaseMs))) === 1;
  }

  /** Ends the mark if it is still this move's: the tenant takes writes again. */
  async lift(tenantId: string, moveId: string): Promise<void> {
    await this.redis.eval(LIFT, 1, this.markKey(tenantId), moveId, this.channel, this.announce(tenantId, moveId, 0));
  }

  async step(record: MoveRecord, step: MoveStep): Promise<MoveRecord> {
    const next = { ...record, step, at: Date.now() };
    await this.redis.eval(OWN_RECORD, 1, this.movesKey, record.tenant, record.id, JSON.stringify(next));
    return next;
  }

  /** The move is resolved: its record goes, if it is still this move's. True when this call removed it. */
  async finish(tenantId: string, moveId: string): Promise<boolean> {
    return (await this.redis.eval(OWN_RECORD, 1, this.movesKey, tenantId, moveId)) === 1;
  }

  /**
   * The operator's way out when a move's target is gone for good: a target
   * that died while installing is the only side that may drop such a record
   * (decision 57), so without it the tenant could never move again. Refused
   * while the move's mark holds (its mover may be alive) and once placement
   * names the target (the move went forward; the source finishes it).
   */
  async abandon(tenantId: string): Promise<AbandonOutcome> {
    const { record, placedOn, markedBy } = await this.snapshot(tenantId);
    if (!record) return { abandoned: false, why: `no move of ${tenantId} is recorded` };
    if (markedBy === record.id) return { abandoned: false, why: `move ${record.id} still holds ${tenantId} read-only: its mover may be running; try again once its lease ran out` };
    if (placedOn === record.to) return { abandoned: false, why: `move ${record.id} went forward: cell ${record.to} holds ${tenantId}, and cell ${record.from} finishes the move when it runs` };
    if (!(await this.finish(tenantId, record.id))) return { abandoned: false, why: `move ${record.id} was resolved meanwhile` };
    return { abandoned: true, record, placedOn };
  }

  async all(): Promise<MoveRecord[]> {
    return Object.values(await this.redis.hgetall(this.movesKey)).map((json) => JSON.parse(json) as MoveRecord);
  }

  async snapshot(tenantId: string): Promise<MoveSnapshot> {
    const replies = await this.redis.multi().hget(this.movesKey, tenantId).hget(this.key, tenantId).get(this.markKey(tenantId)).exec();
    const [record, placedOn, markedBy] = (replies ?? []).map(([err, value]) => {
      if (err) throw err;
      return value as string | null;
    });
    return { record: record ? (JSON.parse(record) as MoveRecord) : null, placedOn: placedOn ?? null, markedBy: markedBy ?? null };
  }

  /** Every mark that holds now, with what is left of its lease. Only a recorded move has one. */
  async marks(): Promise<MarkMessage[]> {
    const tenants = await this.redis.hkeys(this.movesKey);
    if (tenants.length === 0) return [];
    const pipeline = this.redis.multi();
    for (const tenant of tenants) pipeline.get(this.markKey(tenant)).pttl(this.markKey(tenant));
    const replies = (await pipeline.exec()) ?? [];
    return tenants.flatMap((tenant, i) => {
      const move = replies[2 * i]?.[1];
      const ms = replies[2 * i + 1]?.[1];
      return typeof move === 'string' && typeof ms === 'number' && ms > 0 ? [{ tenant, move, ms }] : [];
    });
  }
}
