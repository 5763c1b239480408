// kysely builds typed SQL; better-sqlite3 runs it synchronously. Statements are
// prepared once per database and reused.
import type { Database, Statement, Transaction } from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
} from 'kysely';
import type { TenantSchema } from './tables.ts';

/** A kysely instance that only compiles: it has no connection of its own. */
export function makeBuilder<DB>(): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

export const tenantQueries = makeBuilder<TenantSchema>();

const ARG = '\u0000tandem-arg-';

/**
 * A query kysely builds and compiles once, on first use, instead of on every
 * call (building and compiling cost more than running most of our queries).
 * `build` is called once with placeholder strings for its arguments; each
 * must end up as a SQL parameter, which is checked. Arrays cannot be
 * arguments (their length changes the SQL).
 */
export function prepared<A extends unknown[], R>(build: (...args: A) => Compilable<R>): (...args: A) => Compilable<R> {
  const compile = compiledOnce<R>(build.length, (args) => build(...(args as A)));
  return (...args) => compile(args);
}

/**
 * `prepared` for a query whose shape varies with a key (the columns an UPDATE
 * sets, say): one compiled template per key, the arguments as a list.
 */
export function preparedByShape<R>(build: (shape: string, args: readonly unknown[]) => Compilable<R>, arity: (shape: string) => number) {
  const templates = new Map<string, (args: readonly unknown[]) => Compilable<R>>();
  return (shape: string, args: readonly unknown[]): Compilable<R> => {
    let compile = templates.get(shape);
    if (!compile) {
      compile = compiledOnce<R>(arity(shape), (placeholders) => build(shape, placeholders));
      templates.set(shape, compile);
    }
    return compile(args);
  };
}

function compiledOnce<R>(arity: number, build: (args: readonly unknown[]) => Compilable<R>): (args: readonly unknown[]) => Compilable<R> {
  let template: { compiled: CompiledQuery<R>; slots: Array<{ arg: number } | { value: unknown }> } | null = null;
  const compileOnce = () => {
    const placeholders = Array.from({ length: arity }, (_, i) => `${ARG}${i}`);
    const compiled = build(placeholders).compile();
    const slots = compiled.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(ARG) ? { arg: Number(p.slice(ARG.length)) } : { value: p },
    );
    for (let i = 0; i < arity; i++) {
      if (!slots.some((s) => 'arg' in s && s.arg === i)) throw new Error(`prepared query: argument ${i} is not a SQL parameter`);
    }
    return { compiled, slots };
  };
  return (args) => ({
    compile() {
      template ??= compileOnce();
      const parameters = template.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
      return { ...template.compiled, parameters };
    },
  });
}

/**
 * better-sqlite3 builds each row object property by property through V8's
 * C++ API, which costs more than running a primary-key lookup (7 us against
 * 3 us for a work item here). So rows come back as arrays (raw mode) and a
 * function compiled once per statement turns them into objects with one
 * object literal: the same keys in the same order, a later duplicate column
 * name winning as before. Column names are embedded as JSON string literals.
 */
type RowFactory = (values: unknown[]) => unknown;

/** Shared by every tenant's connection: a cold tenant's statements would otherwise compile them again. */
const rowFactories = new Map<string, RowFactory>();

function rowFactory(stmt: Statement): RowFactory {
  const names = stmt.columns().map((c) => c.name);
  const key = JSON.stringify(names);
  let factory = rowFactories.get(key);
  if (!factory) {
    const fields = names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`);
    factory = new Function('v', `return { ${fields.join(', ')} };`) as RowFactory;
    rowFactories.set(key, factory);
  }
  return factory;
}

interface PreparedStatement {
  stmt: Statement;
  /** For statements that return rows: makes one row object from a raw row. */
  toRow: RowFactory | null;
}

export class SqlRunner {
  private readonly statements = new Map<string, PreparedStatement>();

  // Made once: better-sqlite3 builds a wrapper and looks up its statements per transaction() call.
  protected readonly inTransaction: Transaction<(fn: () => unknown) => unknown>;

  constructor(readonly sqlite: Database) {
    this.inTransaction = sqlite.transaction((fn: () => unknown) => {
      const out = fn();
      if (out instanceof Promise) throw new Error('a transaction callback must be synchronous');
      return out;
    });
  }

  private prepare(sql: string): PreparedStatement {
    let known = this.statements.get(sql);
    if (!known) {
      const stmt = this.sqlite.prepare(sql);
      known = stmt.reader ? { stmt: stmt.raw(true), toRow: rowFactory(stmt) } : { stmt, toRow: null };
      this.statements.set(sql, known);
    }
    return known;
  }

  all<R>(query: Compilable<R>): R[] {
    const { sql, parameters } = query.compile();
    const { stmt, toRow } = this.prepare(sql);
    return (stmt.all(...parameters) as unknown[][]).map(toRow!) as R[];
  }

  get<R>(query: Compilable<R>): R | undefined {
    const { sql, parameters } = query.compile();
    const { stmt, toRow } = this.prepare(sql);
    const values = stmt.get(...parameters) as unknown[] | undefined;
    return values === undefined ? undefined : (toRow!(values) as R);
  }

  run(query: Compilable): number {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).stmt.run(...parameters).changes;
  }

  /**
   * Runs fn in one IMMEDIATE transaction (the write lock is taken up front, so
   * two processes never deadlock upgrading a read lock). fn must not be async:
   * a promise would escape the transaction.
   */
  transaction<T>(fn: () => T): T {
    return this.inTransaction.immediate(fn) as T;
  }
}
