// Timing Tandem's own code call by call: every call better-sqlite3 makes
// into SQLite is wrapped (in the load process only) and its time summed by
// the phase it ran in, so a table can say where a command's time goes.
import Database from 'better-sqlite3';

export interface CallCost {
  phase: string;
  /** The SQLite call and its SQL, cut short; '' for the phase as a whole. */
  call: string;
  /** Mean microseconds per unit (an open, a write). */
  meanUs: number;
  callsPerUnit: number;
}

export interface StepsOutput {
  /** How many units (opens, writes) the means are over. */
  units: number;
  costs: CallCost[];
}

/** Sums time by (phase, call) in the order first met. */
export class Tally {
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

  per(units: number): StepsOutput {
    return { units, costs: [...this.sums.values()].map((s) => ({ phase: s.phase, call: s.call, meanUs: s.us / units, callsPerUnit: s.calls / units })) };
  }
}

const short = (sql: unknown) => String(sql).replace(/\s+/g, ' ').trim().slice(0, 60);

export function timeSqliteCalls(tally: Tally): void {
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
