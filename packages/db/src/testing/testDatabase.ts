/**
 * A fresh, empty database for one test: a SQLite file in a temporary directory, or a new database
 * on the PostgreSQL server of `NIANBAO_TEST_PG_URL`. Which one comes from `NIANBAO_TEST_DB`
 * (`sqlite`, the default, or `postgres`), so that the same tests run on both: each package's
 * vitest config runs its suites once per kind (see `vitestProjects.ts`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseKind, type Db, type OpenOptions, openDatabase } from '../database.ts';

export interface TestDatabase {
  kind: DatabaseKind;
  /** The SQLite file (also set for PostgreSQL: where a test may put other files). */
  file: string;
  /** The PostgreSQL URL, for PostgreSQL. */
  url?: string;
  /** A temporary directory, removed by `drop`. */
  dir: string;
  /** Opens (and migrates) the database; close it with `db.destroy()`. */
  open(options?: Omit<OpenOptions, 'file' | 'url'>): Promise<Db>;
  /** Removes the database and the directory. */
  drop(): Promise<void>;
}

export function testDatabaseKind(env: NodeJS.ProcessEnv = process.env): DatabaseKind {
  const kind = env.NIANBAO_TEST_DB ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres')
    throw new Error(`NIANBAO_TEST_DB must be sqlite or postgres, not "${kind}"`);
  return kind;
}

function adminUrl(): string {
  const url = process.env.NIANBAO_TEST_PG_URL;
  if (!url)
    throw new Error(
      'NIANBAO_TEST_DB=postgres needs a server: run the tests through vitest (its postgres project starts one) or set NIANBAO_TEST_PG_URL',
    );
  return url;
}

async function onAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The same server's URL for another database. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createTestDatabase(kind: DatabaseKind = testDatabaseKind()): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-test-'));
  const file = join(dir, 'nianbao.sqlite');
  if (kind === 'sqlite') {
    return {
      kind,
      file,
      dir,
      open: (options) => openDatabase({ ...options, file }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `nianbao_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onAdmin(`create database ${name} template template0 encoding 'UTF8'`);
  const url = withDatabase(adminUrl(), name);
  return {
    kind,
    file,
    url,
    dir,
    open: (options) => openDatabase({ ...options, url }),
    async drop() {
      await onAdmin(`drop database if exists ${name} with (force)`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
