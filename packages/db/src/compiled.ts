/**
 * Queries compiled once. Kysely builds and compiles a query anew on every call, which on the hot
 * paths (the session of every request, every save) takes longer than SQLite takes to run it. A
 * query made with `compiledOnce` is built and compiled once per dialect, with stand-ins for its
 * arguments; each call only puts the values in their places. The SQL is still Kysely's, so it is
 * right for every dialect.
 */
import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database.ts';
import { prepare } from './preparedStatements.ts';

/** Stands for the argument at `index` while the query is built. */
class Argument {
  constructor(readonly index: number) {}
}

/**
 * A query that `build` makes from its arguments, compiled on first use. `build` must use each
 * argument only as a value in the query (compared, set or inserted), never look at it or branch on
 * it: it runs once, with stand-ins. Returns the rows (none for a statement without `returning`).
 */
export function compiledOnce<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  const arity = build.length - 1;
  // Keyed by the dialect's adapter, which a database and its transactions share.
  const compiled = new WeakMap<object, CompiledQuery<R>>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) {
      const standIns = Array.from({ length: arity }, (_, i) => new Argument(i)) as A;
      query = build(db, ...standIns).compile();
      const used = new Set(query.parameters.filter((p) => p instanceof Argument).map((p) => p.index));
      if (used.size !== arity)
        throw new Error(`compiledOnce: the query uses ${used.size} of ${arity} arguments`);
      compiled.set(adapter, query);
      prepare(query.sql);
    }
    const parameters = query.parameters.map((p) => (p instanceof Argument ? args[p.index] : p));
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows as R[];
  };
}
