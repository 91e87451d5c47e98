/**
 * The PostgreSQL backup that docs/deploy.md (section 4) prescribes, run as written while the server
 * is saving: `pg_dump --format=custom` of the live database, then, with the server stopped,
 * `pg_restore --clean --if-exists --no-owner` over it. The restored database holds every save
 * acknowledged before the dump began, none made after it, and a server starts on it and serves it.
 * (The postgres test project only; SQLite's `nianbao backup` is test/backup.test.ts.)
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '@nianbao/db';
import { postgresProgram, testDatabaseKind } from '@nianbao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server.ts';
import { type Ack, Client, expectSavesKept, saveStream, type TestServer, testServer } from './helpers.ts';

const run = promisify(execFile);

describe.runIf(testDatabaseKind() === 'postgres')(
  'backup and restore (PostgreSQL, as docs/deploy.md says)',
  () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await testServer();
    });
    afterAll(() => server.stop());

    it('dumps the database while saves go on; the restore has every earlier save and serves again', async () => {
      const url = server.databaseUrl!;
      const client = new Client(server.url);
      await client.login('tiantan', 'tiantan-demo');
      const reports = [];
      for (const year of [2022, 2023, 2024])
        reports.push(await client.call('mutation', 'reports.create', { year }));
      const acks: Ack[] = [];
      const stream = saveStream(client, reports, acks);
      while (acks.length < 30) await new Promise((r) => setTimeout(r, 10));
      const before = [...acks];
      const dump = join(server.dir, 'nianbao.dump');
      await run(postgresProgram('pg_dump'), ['--format=custom', `--file=${dump}`, url]);
      const during = acks.length;
      while (acks.length < during + 10) await new Promise((r) => setTimeout(r, 10));
      stream.stop();
      await stream.done;
      await server.close();

      await run(postgresProgram('pg_restore'), [
        '--clean',
        '--if-exists',
        '--no-owner',
        `--dbname=${url}`,
        dump,
      ]);
      const db = await openDatabase({ url, migrate: false });
      try {
        await expectSavesKept(db, before);
        // The saves after the dump are not in it: the restore really replaced the data.
        const last = acks.at(-1)!;
        const latest = await db
          .selectFrom('reports')
          .select('version')
          .where('id', '=', last.report)
          .executeTakeFirstOrThrow();
        expect(latest.version).toBeLessThan(last.version);
      } finally {
        await db.destroy();
      }

      // A server on the restored database: migrations find nothing to do, sign-in and saves work.
      const again = await startServer({
        databaseFile: server.file,
        databaseUrl: url,
        port: 0,
        host: '127.0.0.1',
        log: () => undefined,
      });
      try {
        const reader = new Client(again.url);
        await reader.login('tiantan', 'tiantan-demo');
        const report = await reader.call('query', 'reports.get', { id: before[0]!.report });
        const saved = await reader.call('mutation', 'reports.save', {
          id: report.id,
          baseVersion: report.version,
          data: report.data,
        });
        expect(saved.version).toBe(report.version + 1);
      } finally {
        await again.close();
      }
    });
  },
);
