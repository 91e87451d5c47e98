/**
 * Migrations, run at start-up by `migrateToLatest`. Each is written once for both dialects: only
 * the auto-increment key differs between SQLite and PostgreSQL.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import { backfillAncestry } from './ancestry.ts';
import { nameInitials } from './nameInitials.ts';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Any fixed number: the advisory lock that lets one process at a time migrate a PostgreSQL database. */
const MIGRATION_LOCK = 7_355_608_011;

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    const pg = isPostgres(db);
    const id = pg ? 'serial' : 'integer';
    const now = pg
      ? sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
      : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
    await db.schema
      .createTable('organisations')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('parent_id', 'integer', (c) => c.references('organisations.id').onDelete('restrict'))
      .addColumn('deadline', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema.createIndex('organisations_parent').on('organisations').column('parent_id').execute();
    await db.schema
      .createTable('users')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('login', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('filler', 'reviewer', 'admin')`))
      .addColumn('organisation_id', 'integer', (c) =>
        c.notNull().references('organisations.id').onDelete('restrict'),
      )
      .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
      .addColumn('password_changed_at', 'text', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('reports')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('organisation_id', 'integer', (c) =>
        c.notNull().references('organisations.id').onDelete('restrict'),
      )
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('draft', 'submitted', 'approved')`),
      )
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('submitted_at', 'text')
      .addColumn('approved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('approved_at', 'text')
      .addColumn('return_comment', 'text')
      .addColumn('returned_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('returned_at', 'text')
      .addUniqueConstraint('reports_organisation_year', ['organisation_id', 'year'])
      .execute();
    await db.schema
      .createTable('report_revisions')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('saved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('saved_at', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addUniqueConstraint('report_revisions_version', ['report_id', 'version'])
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('login', 'text')
      .addColumn('address', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('report_id', 'integer', (c) => c.references('reports.id').onDelete('set null'))
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('audit_log_report').on('audit_log').column('report_id').execute();
  },
};

/** Saves refused as stale (CONFLICT): kept so that neither side of a conflict is ever lost. */
const rejectedSaves: Migration = {
  async up(db: Kysely<unknown>) {
    const pg = isPostgres(db);
    await db.schema
      .createTable('rejected_saves')
      .addColumn('id', pg ? 'serial' : 'integer', (c) =>
        pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
      .addColumn('base_version', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('saved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('saved_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rejected_saves_report').on('rejected_saves').column('report_id').execute();
  },
};

/**
 * The desk reads every column of a year's reports but their data for thousands of bodies. In SQLite
 * the columns after `data` sit behind its overflow pages; an index holding them answers the desk
 * without reading the rows (measured: 200 ms → a few ms for 3,000 reports).
 */
const deskIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('reports_desk')
      .on('reports')
      .columns([
        'organisation_id',
        'year',
        'status',
        'returned_at',
        'version',
        'errors',
        'warnings',
        'updated_at',
        'updated_by',
        'submitted_at',
        'submitted_by',
        'approved_at',
        'id',
      ])
      .execute();
  },
};

/** Failed sign-in counters in the database, so that they survive a restart and every process shares them. */
const loginFailures: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('login_failures')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('account', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('login_failures_key', ['kind', 'account', 'address'])
      .execute();
  },
};

/**
 * The organisation's contact details, kept on its record so that the report's opening statement
 * (「如对本报告有疑问，请与…联系（地址、邮编、电话、邮箱）」) can be drafted from them.
 */
const organisationContact: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ['address', 'postcode', 'phone', 'email'])
      await db.schema.alterTable('organisations').addColumn(column, 'text').execute();
  },
};

/**
 * The 拼音 initials of every name (「hzq」 finds 洪泽区…), computed once here and on each create or
 * rename, so that the desk filters on a column instead of converting every name of the tree.
 */
const organisationInitials: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('organisations')
      .addColumn('name_initials', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    const { rows } = await sql<{
      id: number;
      name_zh: string;
    }>`select id, name_zh from organisations`.execute(db);
    for (const row of rows) {
      await sql`update organisations set name_initials = ${nameInitials(row.name_zh)} where id = ${row.id}`.execute(
        db,
      );
    }
  },
};

/**
 * Each body's ancestry as a closure table (`ancestry.ts`), filled here from `parent_id` for the bodies
 * already there: the desk and the reports list find every body below one through its primary key.
 * On SQLite the table is clustered on that key (without rowid), so the subtree is one contiguous read.
 */
const organisationTree: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('organisation_tree')
      .addColumn('ancestor_id', 'integer', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('descendant_id', 'integer', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('organisation_tree_key', ['ancestor_id', 'descendant_id'])
      .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
      .execute();
    // Moving a body reads its ancestors; the desk's level filter reads depth.
    await db.schema
      .createIndex('organisation_tree_descendant')
      .on('organisation_tree')
      .columns(['descendant_id', 'depth'])
      .execute();
    await backfillAncestry(db);
  },
};

/**
 * The desk counts a large tree's reports along one year (`deskCounts`): this index holds what the
 * counts read, so that they never touch a report row (each carries its data).
 */
const reportsYearIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('reports_year')
      .on('reports')
      .columns(['year', 'organisation_id', 'status', 'returned_at', 'submitted_at'])
      .execute();
  },
};

/**
 * PostgreSQL: a report's data (about 12 KB of JSON, written twice by every save: the report and its
 * revision) compressed with lz4 instead of the default pglz, which took about a sixth of the
 * server's work per save. Values already stored stay as they are until rewritten. A server built
 * without lz4 keeps pglz (the setting is refused; nothing else changes). SQLite stores text as is.
 */
const lz4Data: Migration = {
  async up(db: Kysely<unknown>) {
    if (!isPostgres(db)) return;
    await sql`
      do $$ begin
        alter table reports alter column data set compression lz4;
        alter table report_revisions alter column data set compression lz4;
        alter table rejected_saves alter column data set compression lz4;
      exception when feature_not_supported then null;
      end $$`.execute(db);
  },
};

/** Every migration in order; names sort in the order they run. Never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_rejected_saves': rejectedSaves,
  '0003_desk_index': deskIndex,
  '0004_login_failures': loginFailures,
  '0006_organisation_contact': organisationContact,
  '0007_organisation_initials': organisationInitials,
  '0008_organisation_tree': organisationTree,
  '0009_reports_year_index': reportsYearIndex,
  '0010_lz4_data': lz4Data,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the database to the latest schema; throws with the failing migration's error. Several
 * server processes may start together on a new database, so the whole run, including the creation
 * of Kysely's own migration tables, holds a lock: on PostgreSQL an advisory lock on one
 * connection, on SQLite the file's write lock (`begin immediate`, waited for up to the busy
 * timeout). The others wait, then find nothing to do.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  if (isPostgres(db)) {
    return db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK)})`.execute(connection);
      try {
        return await migrate(connection, false);
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK)})`.execute(connection);
      }
    });
  }
  // Within this process: better-sqlite3 waits for a lock synchronously, which would stall the
  // holder's own migration on the same event loop, so one SQLite migration runs at a time here.
  const run = sqliteMigrations.then(() =>
    db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      try {
        const ran = await migrate(connection, true);
        await sql`commit`.execute(connection);
        return ran;
      } catch (error) {
        await sql`rollback`.execute(connection);
        throw error;
      }
    }),
  );
  sqliteMigrations = run.catch(() => undefined);
  return run;
}

let sqliteMigrations: Promise<unknown> = Promise.resolve();

async function migrate(db: Kysely<unknown>, inTransaction: boolean): Promise<string[]> {
  const { error, results } = await new Migrator({
    db,
    provider,
    disableTransactions: inTransaction,
    // Branches developed side by side number their migrations ahead (0006 may ship before 0005);
    // each still runs once on a database that has the later one.
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
