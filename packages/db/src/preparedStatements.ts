/**
 * PostgreSQL prepared statements for the queries built once (`compiledOnce`): their SQL never
 * changes, so each connection parses and plans it once and then only binds values, instead of
 * PostgreSQL parsing and planning every save and every session check anew. Other SQL (lists with a
 * varying number of values, DDL, migrations) runs as before, unnamed.
 */
import pg from 'pg';

/** The statements' names by SQL text; only texts `prepare` was given (a fixed, small set). */
const names = new Map<string, string>();

/** Marks a query's SQL text as worth preparing on every connection that runs it. */
export function prepare(text: string): void {
  if (!names.has(text)) names.set(text, `nianbao_${names.size + 1}`);
}

/**
 * A `pg` client that runs marked SQL as a named statement (pg parses it once per connection and
 * reuses it by name); Kysely calls `query(text, values)`, which is all this changes. A statement
 * whose tables another process changed (a migration during a rolling restart: PostgreSQL refuses
 * a prepared `select *` whose columns changed, before running it) runs unnamed from then on, and
 * the refused call is sent again so.
 */
export class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => Promise<unknown>;
    const stale = new Set<string>();
    this.query = ((config: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof config === 'string' && Array.isArray(values) ? names.get(config) : undefined;
      if (!name || stale.has(name) || callback) return query(config, values, callback);
      return query({ name, text: config, values }).catch((error: { code?: string }) => {
        if (error?.code !== CACHED_PLAN_CHANGED) throw error;
        stale.add(name);
        return query(config, values);
      });
    }) as pg.Client['query'];
  }
}

/** feature_not_supported: "cached plan must not change result type". */
const CACHED_PLAN_CHANGED = '0A000';
