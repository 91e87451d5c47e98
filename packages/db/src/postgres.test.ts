/**
 * The migrations and queries are written for SQLite and PostgreSQL alike. Without a PostgreSQL
 * server in the test run, this runs them through Kysely's PostgreSQL dialect with a driver that
 * records the SQL, and checks it is PostgreSQL's.
 */
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrations.ts';
import { listReports, saveReportData } from './reports.ts';
import type { Schema } from './types.ts';

function recordingDb(): { db: Kysely<Schema>; statements: string[] } {
  const statements: string[] = [];
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      statements.push(query.sql);
      return { rows: [] };
    },
    async *streamQuery() {},
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async (c) =>
      void (await c.executeQuery({ sql: 'begin', parameters: [], query: {} as never, queryId: {} as never })),
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<Schema>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, statements };
}

describe('PostgreSQL', () => {
  it('gets serial keys, PostgreSQL timestamps and no SQLite-only SQL from the migrations', async () => {
    const { db, statements } = recordingDb();
    await migrateToLatest(db as Kysely<unknown>);
    const ddl = statements.filter((s) => s.startsWith('create table')).join('\n');
    for (const table of [
      'organisations',
      'users',
      'sessions',
      'reports',
      'report_revisions',
      'audit_log',
      'rejected_saves',
    ]) {
      expect(ddl).toContain(`create table "${table}"`);
    }
    expect(ddl).toContain('"id" serial primary key');
    expect(ddl).toContain("to_char(now() at time zone 'utc'");
    expect(ddl).not.toMatch(/autoincrement|strftime/i);
  });

  it('compiles the report queries with $n parameters and RETURNING', async () => {
    const { db, statements } = recordingDb();
    await saveReportData(db, {
      id: 1,
      baseVersion: 2,
      data: '{}',
      errors: 0,
      warnings: 0,
      userId: 1,
      reason: 'save',
    });
    await listReports(db, { organisationIds: [1, 2], year: 2021 });
    // The update and its revision in one statement: the revision only of a row the update changed.
    const save = statements.find((s) => s.startsWith('with "updated" as (update "reports"'))!;
    expect(save).toMatch(/where "id" = \$\d+ and "version" = \$\d+ and "status" = \$\d+ returning "id", /);
    expect(save).toMatch(
      /"revision" as \(insert into "report_revisions" .* select .* from "updated"\) select \* from "updated"$/,
    );
    const list = statements.find((s) => s.includes('"organisation_id" in'))!;
    expect(list).toContain('"organisation_id" in ($1, $2) and "year" = $3');
  });
});
