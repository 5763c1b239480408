// What a cold open costs, statement by statement: Tandem's own code for a
// command on a closed tenant file (openTenantDb, the update handler through
// dispatch, the housekeeping after an open, the close when the cache evicts
// the file, with the checkpoint thread holding it as the server's does), run
// here over files a Tandem server wrote, with every call better-sqlite3
// makes into SQLite timed by wrapping its prototypes.
import Database from 'better-sqlite3';
import { loadConfig } from '../../../server/src/config.ts';
import { makeLogger } from '../../../server/src/log.ts';
import { dispatch } from '../../../server/src/pipeline/dispatch.ts';
import { Checkpointer } from '../../../server/src/tenancy/checkpointer.ts';
import { tidyTenant } from '../../../server/src/tenancy/maintenance.ts';
import { openTenantDb } from '../../../server/src/tenancy/tenant-db.ts';
import { decodeClientFrame } from '../../../server/src/transport/codec.ts';
import { pb } from '../../../shared/proto.ts';
import { serveLoad } from '../load-process.ts';

export interface OpenStepsInput {
  dataDir: string;
  tenantIds: string[];
  userId: string;
  itemId: string;
}

export interface OpenCost {
  phase: string;
  /** The SQLite call and its SQL, cut short; '' for the phase as a whole. */
  call: string;
  /** Mean microseconds per open. */
  meanUs: number;
  callsPerOpen: number;
}

export interface OpenStepsOutput {
  opens: number;
  costs: OpenCost[];
}

/** Sums time by (phase, call) in the order first met. */
class Tally {
  private readonly sums = new Map<string, { phase: string; call: string; us: number; calls: number }>();
  phase = '';

  add(call: string, startedMs: number): void {
    const key = `${this.phase}\u0000${call}`;
    const sum = this.sums.get(key) ?? { phase: this.phase, call, us: 0, calls: 0 };
    sum.us += (performance.now() - startedMs) * 1000;
    sum.calls++;
    this.sums.set(key, sum);
  }

  timed<T>(phase: string, fn: () => T): T {
    this.phase = phase;
    const started = performance.now();
    try {
      return fn();
    } finally {
      this.add('', started);
    }
  }

  per(opens: number): OpenCost[] {
    return [...this.sums.values()].map((s) => ({ phase: s.phase, call: s.call, meanUs: s.us / opens, callsPerOpen: s.calls / opens }));
  }
}

const short = (sql: unknown) => String(sql).replace(/\s+/g, ' ').trim().slice(0, 60);

function timeSqliteCalls(tally: Tally): void {
  const scratch = new Database(':memory:');
  const statement = Object.getPrototypeOf(scratch.prepare('SELECT 1')) as Record<string, unknown>;
  scratch.close();
  // A call made inside another (pragma runs a statement) is the outer one's time.
  let depth = 0;
  const wrap = (proto: Record<string, unknown>, name: string, label: (self: { source?: string }, first: unknown) => string) => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: { source?: string }, ...args: unknown[]) {
      const started = performance.now();
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        if (--depth === 0) tally.add(label(this, args[0]), started);
      }
    };
  };
  const database = Database.prototype as unknown as Record<string, unknown>;
  wrap(database, 'pragma', (_, source) => `PRAGMA ${short(source)}`);
  wrap(database, 'prepare', (_, source) => `prepare ${short(source)}`);
  wrap(database, 'exec', (_, source) => `exec ${short(source)}`);
  wrap(database, 'close', () => 'close');
  for (const method of ['run', 'get', 'all']) wrap(statement, method, (self) => `${method} ${short(self.source)}`);
}

function currentVersion(dataDir: string, tenantId: string, itemId: string): number {
  const peek = new Database(`${dataDir}/${tenantId}/main.db`, { readonly: true });
  try {
    return (peek.prepare('SELECT version FROM pm_work_items WHERE id = ?').get(itemId) as { version: number }).version;
  } finally {
    peek.close();
  }
}

async function run(input: OpenStepsInput): Promise<OpenStepsOutput> {
  const config = loadConfig({ ...process.env, DATA_DIR: input.dataDir });
  const log = makeLogger('error', { instance: 'open-steps' });
  const versions = input.tenantIds.map((id) => currentVersion(input.dataDir, id, input.itemId));
  const checkpointer = new Checkpointer(log);
  const tally = new Tally();
  timeSqliteCalls(tally);
  for (const [n, tenantId] of input.tenantIds.entries()) {
    const db = tally.timed('1 open', () => openTenantDb(input.dataDir, tenantId, { synchronous: config.sqliteSynchronous, autoCheckpoint: false }));
    const frame = decodeClientFrame(pb.ClientFrame.encode({
      messageId: `open-steps-${n}`,
      updateWorkItem: { workItemId: input.itemId, expectedVersion: versions[n]!, title: `open step ${n}` },
    }).finish());
    const caller = { tenantId, userId: input.userId, displayName: input.userId, email: '', tenantRole: 'admin' as const };
    const deps = { database: () => db, log, maxReplyBytes: config.limits.maxReplyBytes };
    const out = tally.timed('2 update_work_item', () => dispatch(deps, caller, new Set(), frame, Date.now()));
    if (out.errorCode !== null) throw new Error(`the update on ${tenantId} was refused (${out.errorCode})`);
    tally.timed('3 housekeeping (first open of a day)', () => tidyTenant(db, config.limits));
    // The server has the thread hold the file right after the command, and evicts it much later.
    checkpointer.opened(db.path);
    checkpointer.wrote(db.path);
    await checkpointer.flush();
    tally.timed('4 close', () => db.close({ checkpoint: false }));
    checkpointer.closed(db.path);
  }
  await checkpointer.stop();
  return { opens: input.tenantIds.length, costs: tally.per(input.tenantIds.length) };
}

serveLoad(run);
