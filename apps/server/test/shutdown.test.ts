/**
 * Ctrl-C on `pnpm start`: the terminal sends SIGTERM/SIGINT to the whole process group, and a wrapper
 * may forward it once more. The server (the start script's process, which the test watches) must
 * finish what is in flight and exit 0, not take the echo for a second Ctrl-C. The signal here also
 * comes twice: to the group, then again as a wrapper would pass it on.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrityCheck, openDatabase } from '@nianbao/db';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, example } from './helpers.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nianbao-shutdown-'));
const file = join(dir, 'nianbao.sqlite');
let child: ChildProcess | undefined;
afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolvePort(port));
    });
  });
}

/** A POST on its own connection: an answer, a refused connection (never accepted), or a cut. */
function post(
  url: string,
  path: string,
  cookie: string,
  body: unknown,
): Promise<{ status: number; json: unknown } | 'refused' | 'cut'> {
  return new Promise((resolvePost) => {
    const payload = JSON.stringify(body);
    const req = request(
      new URL(path, url),
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', cookie, 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolvePost({ status: res.statusCode!, json: JSON.parse(text || 'null') }));
        res.on('error', () => resolvePost('cut'));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolvePost(error.code === 'ECONNREFUSED' ? 'refused' : 'cut'),
    );
    req.end(payload);
  });
}

describe('Ctrl-C on pnpm start', () => {
  it('answers every save in flight, keeps every acknowledged one, checkpoints the WAL and exits 0', async () => {
    const port = await freePort();
    // The start script as `pnpm start` runs it, in a process group of its own as a terminal makes one.
    const script = (
      JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as { scripts: { start: string } }
    ).scripts.start;
    child = spawn('sh', ['-c', `exec ${script}`], {
      cwd: serverDir,
      detached: true,
      env: {
        ...process.env,
        NIANBAO_DB: file,
        PORT: String(port),
        HOST: '127.0.0.1',
        NIANBAO_PDF_THREADS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    await new Promise<void>((resolveStart, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
      child!.stdout!.on('data', () => {
        if (output.includes('Listening on')) {
          clearTimeout(timer);
          resolveStart();
        }
      });
    });
    const url = `http://127.0.0.1:${port}`;
    const client = new Client(url);
    await client.login('tiantan', 'tiantan-demo');
    const reports = [(await client.call('query', 'reports.list', { year: 2021 })).rows[0]];
    for (let year = 2022; year < 2031; year++)
      reports.push(await client.call('mutation', 'reports.create', { year }));
    const acks: { id: number; version: number; mark: string }[] = [];
    const cuts: string[] = [];
    let stopped = false;
    const writers = reports.map(async (r, w) => {
      let version = r.version;
      for (let n = 0; !stopped; n++) {
        const mark = `writer-${w}-${n}`;
        const base = example('demo-county-2021');
        const narrative = { ...(base.narrative as object), 's1.active': { zh: mark } };
        const reply = await post(url, '/trpc/reports.save', client.cookie, {
          id: r.id,
          baseVersion: version,
          data: { ...base, year: r.year, narrative },
        });
        if (reply === 'refused') return;
        if (reply === 'cut') {
          cuts.push(mark);
          return;
        }
        if (reply.status !== 200) return;
        version = (reply.json as { result: { data: { version: number } } }).result.data.version;
        acks.push({ id: r.id, version, mark });
      }
    });
    while (acks.length < 30) await new Promise((r) => setTimeout(r, 10));
    process.kill(-child.pid!, 'SIGTERM');
    setTimeout(() => child?.exitCode === null && child.kill('SIGTERM'), 50);
    const code = await exited;
    stopped = true;
    await Promise.all(writers);
    expect(code, output).toBe(0);
    expect(cuts).toEqual([]);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = await openDatabase({ file, migrate: false });
    try {
      expect(await integrityCheck(db)).toEqual(['ok']);
      for (const ack of acks) {
        const row = await db
          .selectFrom('report_revisions')
          .select('data')
          .where('report_id', '=', ack.id)
          .where('version', '=', ack.version)
          .executeTakeFirst();
        expect(row && JSON.parse(row.data).narrative['s1.active'].zh, ack.mark).toBe(ack.mark);
      }
    } finally {
      await db.destroy();
    }
  });
});
