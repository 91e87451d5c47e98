/**
 * Durability: the server process is killed with SIGKILL in the middle of a stream of saves; after a
 * restart every acknowledged save is there and the database is sound (SQLite: the file passes
 * integrity_check; PostgreSQL: every acknowledged save was committed). Then a graceful stop
 * (SIGTERM) lets the saves in flight finish and closes the database cleanly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { integrityCheck, openDatabase } from '@nianbao/db';
import { createTestDatabase } from '@nianbao/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, example } from './helpers.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const database = await createTestDatabase();
const { file, url } = database;
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await database.drop();
});

function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolvePort(port));
    });
  });
}

/** `pnpm start` as a single node process (no tsx wrapper process), so signals reach the server itself. */
async function start(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/start.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      NIANBAO_DB: file,
      DATABASE_URL: url ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      NIANBAO_BUILD_WEB: '0',
      NIANBAO_PDF_THREADS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', () => {
      if (output.includes('Listening on')) {
        clearTimeout(timer);
        resolveStart();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.exitCode !== null || child.signalCode !== null
      ? r({ code: child.exitCode, signal: child.signalCode })
      : child.once('exit', (code, signal) => r({ code, signal })),
  );

interface Ack {
  report: number;
  version: number;
  mark: string;
}

function dataFor(year: number, mark: string) {
  const base = example('demo-county-2021.report.json');
  const narrative = { ...(base.narrative as Record<string, { zh: string; en?: string }>) };
  narrative['s1.active'] = { zh: mark };
  return { ...base, year, organisation: { zh: '天坛街道办事处' }, narrative };
}

/** Writers that save one after another on their own report until told to stop or the server dies. */
function saveStream(client: Client, reports: { id: number; year: number; version: number }[], acks: Ack[]) {
  let stop = false;
  const done = Promise.all(
    reports.map(async (r, w) => {
      let version = r.version;
      for (let n = 0; !stop; n++) {
        const mark = `writer-${w}-save-${n}`;
        try {
          const saved = await client.call('mutation', 'reports.save', {
            id: r.id,
            baseVersion: version,
            data: dataFor(r.year, mark),
          });
          version = saved.version;
          acks.push({ report: r.id, version, mark });
        } catch {
          return;
        }
      }
    }),
  );
  return { stop: () => (stop = true), done };
}

describe('durability', () => {
  it('keeps every acknowledged save through SIGKILL, with a sound database file', async () => {
    const first = await start();
    expect(first.output()).toContain('demo data seeded');
    const client = new Client(first.url);
    await client.login('tiantan', 'tiantan-demo');
    const reports = [(await client.call('query', 'reports.list', { year: 2021 }))[0]];
    for (const year of [2022, 2023, 2024])
      reports.push(await client.call('mutation', 'reports.create', { year }));
    const acks: Ack[] = [];
    const stream = saveStream(client, reports, acks);
    // Kill once the stream is well under way: saves are in flight at that moment.
    while (acks.length < 60) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    expect((await exited(first.child)).signal).toBe('SIGKILL');
    await stream.done;
    expect(acks.length).toBeGreaterThanOrEqual(60);

    const db = await openDatabase({ file, url, migrate: false });
    expect(await integrityCheck(db)).toEqual(['ok']);
    for (const ack of acks) {
      const revision = await db
        .selectFrom('report_revisions')
        .select('data')
        .where('report_id', '=', ack.report)
        .where('version', '=', ack.version)
        .executeTakeFirst();
      expect(revision, `${ack.mark} (report ${ack.report} v${ack.version})`).toBeDefined();
      expect(JSON.parse(revision!.data).narrative['s1.active'].zh).toBe(ack.mark);
    }
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
    const exit = await exited(second.child);
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
