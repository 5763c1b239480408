// kysely builds typed SQL; better-sqlite3 runs it synchronously. Statements are
// prepared once per database and reused.
import type { Database, Statement } from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
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

export class SqlRunner {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly sqlite: Database) {}

  private prepare(query: Compilable): { stmt: Statement; params: unknown[] } {
    const { sql, parameters } = query.compile();
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.sqlite.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return { stmt, params: parameters as unknown[] };
  }

  all<R>(query: Compilable<R>): R[] {
    const { stmt, params } = this.prepare(query);
    return stmt.all(...params) as R[];
  }

  get<R>(query: Compilable<R>): R | undefined {
    const { stmt, params } = this.prepare(query);
    return stmt.get(...params) as R | undefined;
  }

  run(query: Compilable): number {
    const { stmt, params } = this.prepare(query);
    return stmt.run(...params).changes;
  }

  /**
   * Runs fn in one IMMEDIATE transaction (the write lock is taken up front, so
   * two processes never deadlock upgrading a read lock). fn must not be async:
   * a promise would escape the transaction.
   */
  transaction<T>(fn: () => T): T {
    return this.sqlite.transaction(() => {
      const out = fn();
      if (out instanceof Promise) throw new Error('a transaction callback must be synchronous');
      return out;
    }).immediate();
  }
}
