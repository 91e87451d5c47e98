/**
 * Durability: the server process is killed with SIGKILL in the middle of a stream of saves; after a
 * restart every acknowledged save is there and the database is sound (SQLite: the file passes
 * integrity_check; PostgreSQL: every acknowledged save was committed). Then a graceful stop
 * (SIGTERM) lets the saves in flight finish and closes the database cleanly.
 */
import { existsSync } from 'node:fs';
import { integrityCheck, openDatabase } from '@nianbao/db';
import { createTestDatabase } from '@nianbao/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Ack,
  Client,
  expectSavesKept,
  killServerProcesses,
  type ServerProcess,
  saveStream,
  spawnServer,
} from './helpers.ts';

const database = await createTestDatabase();
const { file, url } = database;
afterAll(async () => {
  killServerProcesses();
  await database.drop();
});

async function start(): Promise<ServerProcess> {
  const server = await spawnServer({ NIANBAO_DB: file, DATABASE_URL: url ?? '', HOST: '127.0.0.1' });
  if (!server.listening) throw new Error(`server exited:\n${server.output()}`);
  return server;
}

describe('durability', () => {
  it('keeps every acknowledged save through SIGKILL, with a sound database file', async () => {
    const first = await start();
    expect(first.output()).toContain('demo data seeded');
    const client = new Client(first.url);
    await client.login('tiantan', 'tiantan-demo');
    const reports = [(await client.call('query', 'reports.list', { year: 2021 })).rows[0]];
    for (const year of [2022, 2023, 2024])
      reports.push(await client.call('mutation', 'reports.create', { year }));
    const acks: Ack[] = [];
    const stream = saveStream(client, reports, acks);
    // Kill once the stream is well under way: saves are in flight at that moment.
    while (acks.length < 60) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    expect((await first.exited()).signal).toBe('SIGKILL');
    await stream.done;
    expect(acks.length).toBeGreaterThanOrEqual(60);

    const db = await openDatabase({ file, url, migrate: false });
    expect(await integrityCheck(db)).toEqual(['ok']);
    await expectSavesKept(db, acks);
    await db.destroy();

    const second = await start();
    expect(second.output()).not.toContain('demo data seeded');
    const after = new Client(second.url);
    await after.login('tiantan', 'tiantan-demo');
    for (const r of reports) {
      const last = acks.filter((a) => a.report === r.id).at(-1)!;
      const report = await after.call('query', 'reports.get', { id: r.id });
      // At most one more save than acknowledged: one that committed as the process died.
      expect(report.version - last.version, `report ${r.id}`).toBeGreaterThanOrEqual(0);
      expect(report.version - last.version, `report ${r.id}`).toBeLessThanOrEqual(1);
      if (report.version === last.version) expect(report.data.narrative['s1.active'].zh).toBe(last.mark);
    }

    // Graceful stop: saves in flight at SIGTERM finish; the database is closed cleanly.
    const graceful: Ack[] = [];
    const current = await Promise.all(reports.map((r) => after.call('query', 'reports.get', { id: r.id })));
    const stream2 = saveStream(
      after,
      current.map((r) => ({ id: r.id, year: r.year, version: r.version })),
      graceful,
    );
    while (graceful.length < 20) await new Promise((r) => setTimeout(r, 10));
    second.child.kill('SIGTERM');
    const exit = await second.exited();
    await stream2.done;
    expect(exit.code).toBe(0);
    expect(second.output()).toContain('SIGTERM');
    // SQLite removes the WAL file when the last connection closes cleanly.
    if (!url) expect(existsSync(`${file}-wal`)).toBe(false);
    const check = await openDatabase({ file, url, migrate: false });
    expect(await integrityCheck(check)).toEqual(['ok']);
    for (const ack of graceful) {
      const row = await check
        .selectFrom('report_revisions')
        .select('data')
        .where('report_id', '=', ack.report)
        .where('version', '=', ack.version)
        .executeTakeFirst();
      expect(JSON.parse(row!.data).narrative['s1.active'].zh).toBe(ack.mark);
    }
    await check.destroy();
  });
});
