/**
 * Two server processes on two ports sharing one PostgreSQL database act as one service: sessions,
 * the version check of a save, login throttling and the lists are the database's, not a process's;
 * and SIGKILL of one process while both take saves loses no acknowledged save.
 */
import { openDatabase } from '@nianbao/db';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '@nianbao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Ack,
  Client,
  dataFor,
  expectSavesKept,
  failure,
  killServerProcesses,
  type ServerProcess,
  saveStream,
  spawnServer,
} from './helpers.ts';

describe.runIf(testDatabaseKind() === 'postgres')('two server processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url!, HOST: '127.0.0.1' };
    // Both start together on the new database: one migrates while the other waits for the lock.
    // The first seeds the demo; the second must not seed it again.
    [a, b] = await Promise.all([spawnServer(env), spawnServer({ ...env, NIANBAO_SEED_DEMO: '0' })]);
    expect(a.listening && b.listening, a.output() + b.output()).toBe(true);
  }, 180_000);
  afterAll(async () => {
    killServerProcesses();
    await database.drop();
  });

  it('takes a session made on one on the other', async () => {
    const client = new Client(a.url);
    await client.login('tiantan', 'tiantan-demo');
    const onB = new Client(b.url);
    onB.cookie = client.cookie;
    expect((await onB.call('query', 'auth.me')).login).toBe('tiantan');
    await onB.call('mutation', 'auth.logout');
    expect(await client.call('query', 'auth.me')).toBeNull();
  });

  it('answers a stale save on one with CONFLICT after a save on the other, keeping both versions', async () => {
    const onA = new Client(a.url);
    await onA.login('tiantan', 'tiantan-demo');
    const onB = new Client(b.url);
    onB.cookie = onA.cookie;
    const [report] = (await onA.call('query', 'reports.list', { year: 2021 })).rows;
    const saved = await onA.call('mutation', 'reports.save', {
      id: report.id,
      baseVersion: report.version,
      data: dataFor(2021, '经 A 保存'),
    });
    expect(saved.version).toBe(report.version + 1);
    const stale = await failure(
      onB.call('mutation', 'reports.save', {
        id: report.id,
        baseVersion: report.version,
        data: dataFor(2021, '经 B 保存（过时）'),
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    const conflict = stale.data.conflict as {
      version: number;
      data: { narrative: Record<string, { zh: string }> };
    };
    expect(conflict.version).toBe(saved.version);
    expect(conflict.data.narrative['s1.active']!.zh).toBe('经 A 保存');
    const rejected = await onA.call('query', 'reports.rejectedSaves', { id: report.id });
    expect(rejected[0].data.narrative['s1.active'].zh).toBe('经 B 保存（过时）');
  });

  it('counts failed logins made on both processes towards one limit', async () => {
    // 5 per account and address by default: 3 failures on A and 2 on B reach it together.
    for (const server of [a, b, a, b, a]) {
      const error = await failure(new Client(server.url).login('reviewer', 'wrong-password'));
      expect(error.code).toBe('UNAUTHORIZED');
    }
    const blocked = await failure(new Client(b.url).login('reviewer', 'reviewer-demo'));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
  });

  it('shows reports saved through either process in the lists and the 汇总', async () => {
    const onA = new Client(a.url);
    await onA.login('tiantan', 'tiantan-demo');
    const onB = new Client(b.url);
    onB.cookie = onA.cookie;
    const created = await onB.call('mutation', 'reports.create', { year: 2022 });
    const [r2021] = (await onA.call('query', 'reports.list', { year: 2021 })).rows;
    const saved = await onB.call('mutation', 'reports.save', {
      id: r2021.id,
      baseVersion: r2021.version,
      data: dataFor(2021, '经 B 保存'),
    });
    const admin = new Client(a.url);
    await admin.login('admin', 'admin-demo');
    const listed = (await admin.call('query', 'reports.list', {})).rows;
    expect(listed.map((r: { id: number }) => r.id)).toContain(created.id);
    expect(listed.find((r: { id: number }) => r.id === r2021.id).version).toBe(saved.version);
    const preview = await admin.call('query', 'consolidate.preview', { year: 2021, includeDrafts: true });
    expect(preview.included.map((o: { reportId: number }) => o.reportId)).toContain(r2021.id);
  });

  it('keeps every acknowledged save when one process is killed during saves through both', async () => {
    const onA = new Client(a.url);
    await onA.login('tiantan', 'tiantan-demo');
    const onB = new Client(b.url);
    onB.cookie = onA.cookie;
    const reports = [];
    for (const year of [2023, 2024, 2025, 2026])
      reports.push(await onA.call('mutation', 'reports.create', { year }));
    const acks: Ack[] = [];
    const viaA = saveStream(onA, reports.slice(0, 2), acks);
    const viaB = saveStream(onB, reports.slice(2), acks);
    while (acks.length < 40) await new Promise((r) => setTimeout(r, 10));
    a.child.kill('SIGKILL');
    expect((await a.exited()).signal).toBe('SIGKILL');
    await viaA.done;
    // B keeps going after A's death.
    const atDeath = acks.length;
    while (acks.length < atDeath + 10) await new Promise((r) => setTimeout(r, 10));
    viaB.stop();
    await viaB.done;

    const db = await openDatabase({ url: database.url, migrate: false });
    try {
      await expectSavesKept(db, acks);
    } finally {
      await db.destroy();
    }
    expect(new Set(acks.map((x) => x.report)).size).toBe(4);
  });
});
