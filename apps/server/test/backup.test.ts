/**
 * `nianbao backup` of a SQLite database while the server is saving, and `nianbao restore` of it:
 * the restored database passes integrity_check and holds every save acknowledged before the backup
 * began. (PostgreSQL is backed up with pg_dump: docs/deploy.md.)
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { integrityCheck, openDatabase } from '@nianbao/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ack, Client, expectSavesKept, saveStream, type TestServer, testServer } from './helpers.ts';

const cliMain = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));
const nianbao = (args: string[]) =>
  promisify(execFile)(
    process.execPath,
    ['--conditions=@nianbao/source', '--import', 'tsx', cliMain, ...args],
    { encoding: 'utf8' },
  );

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.stop());

describe('backup and restore (SQLite)', () => {
  it('copies the database while saves go on; the restored copy is sound and has every earlier save', async () => {
    const client = new Client(server.url);
    await client.login('tiantan', 'tiantan-demo');
    const reports = [];
    for (const year of [2022, 2023, 2024])
      reports.push(await client.call('mutation', 'reports.create', { year }));
    const acks: Ack[] = [];
    const stream = saveStream(client, reports, acks);
    while (acks.length < 30) await new Promise((r) => setTimeout(r, 10));
    const before = [...acks];
    const backupFile = join(server.dir, 'backup.sqlite');
    const backup = await nianbao(['backup', backupFile, '--db', server.file]);
    expect(backup.stdout).toContain('integrity_check: ok');
    const during = acks.length;
    while (acks.length < during + 10) await new Promise((r) => setTimeout(r, 10));
    stream.stop();
    await stream.done;
    await expect(nianbao(['backup', backupFile, '--db', server.file])).rejects.toMatchObject({
      stderr: expect.stringContaining('exists'),
    });
    await server.close();

    const restored = await nianbao(['restore', backupFile, '--db', server.file]);
    expect(restored.stdout).toContain('Restored');
    const db = await openDatabase({ file: server.file, migrate: false });
    try {
      expect(await integrityCheck(db)).toEqual(['ok']);
      await expectSavesKept(db, before);
      // The saves after the backup are not in it: the restore really replaced the database.
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
  });
});
