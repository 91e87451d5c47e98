/**
 * `pnpm --filter @nianbao/server bench` (second part): scale-out. 200 users, each in their own body
 * and saving their report once a second (the web app's autosave pace, spread over the second),
 * plus 4 clients downloading PDFs back to back, against (a) one server process on SQLite, (b) one
 * on PostgreSQL, (c) two on the same PostgreSQL with the clients spread over both. PostgreSQL is a
 * throw-away Debian PostgreSQL 15 server with fsync on. Prints saves/s, save median and p99,
 * PDFs/s, and the CPU time per save of the server processes (PDF threads included) and of
 * PostgreSQL. BENCH_SECONDS sets each run's length (default 20).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, openDatabase, seedSubordinates } from '@nianbao/db';
import { createTestDatabase, startPostgres } from '@nianbao/db/testing';
import { exampleJson } from '@nianbao/examples';
import { agent, Client, Connection, percentile, serverCpuSeconds, startServerProcess } from './client.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP = 5;
const USERS = 200;
const DOWNLOADERS = Number(process.env.BENCH_DOWNLOADERS ?? 4);
const PASSWORD = 'bench-password';
const example = exampleJson('demo-county-2021') as Record<string, unknown>;

interface Target {
  name: string;
  processes: number;
  env: Record<string, string>;
  open: { file?: string; url?: string };
}

/** CPU seconds of PostgreSQL's processes (the postmaster and its backends). */
function postgresCpuSeconds(dataDir: string | undefined): number {
  if (!dataDir) return 0;
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = serverCpuSeconds(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[1]) === postmaster) total += serverCpuSeconds(Number(entry));
    } catch {}
  }
  return total;
}

async function run(target: Target, pgData: string | undefined) {
  const first = await startServerProcess({ ...target.env });
  const procs = [first];
  for (let i = 1; i < target.processes; i++)
    procs.push(await startServerProcess({ ...target.env, NIANBAO_SEED_DEMO: '0' }));
  try {
    // 200 bodies below the demo's parent, a filler in each (one password hash for all: fast).
    const db = await openDatabase(target.open);
    const orgIds = await seedSubordinates(db, { parentId: 1, count: USERS, prefix: '压测单位' });
    const hash = await hashPassword(PASSWORD);
    await db
      .insertInto('users')
      .values(
        orgIds.map((id, i) => ({
          login: `bench${i}`,
          display_name: `压测 ${i}`,
          password_hash: hash,
          role: 'filler' as const,
          organisation_id: id,
          created_at: new Date().toISOString(),
          password_changed_at: new Date().toISOString(),
        })),
      )
      .execute();
    await db.destroy();

    const users = await Promise.all(
      orgIds.map(async (_, i) => {
        const client = new Client(procs[i % procs.length]!.base);
        await client.call('mutation', 'auth.login', { login: `bench${i}`, password: PASSWORD });
        const report = await client.call('mutation', 'reports.create', { year: 2021 });
        return {
          connection: new Connection(client.base, client.cookie),
          id: report.id,
          version: report.version,
        };
      }),
    );
    const downloaders = await Promise.all(
      Array.from({ length: DOWNLOADERS }, async (_, d) => {
        const client = new Client(procs[d % procs.length]!.base);
        await client.call('mutation', 'auth.login', { login: 'admin', password: 'admin-demo' });
        return client;
      }),
    );
    // One render per worker first: the first one loads the renderer and fonts.
    await Promise.all(downloaders.map((c) => c.download(`/reports/${users[0]!.id}.pdf?lang=zh`)));

    const variants = Array.from({ length: 28 }, (_, day) =>
      JSON.stringify({ ...example, year: 2021, date: `2022-01-${String(day + 1).padStart(2, '0')}` }),
    );
    const latencies: number[] = [];
    let pdfs = 0;
    let running = true;
    // Measured after a warm-up: the first seconds compile the hot paths and start 200 users at once.
    let measuring = false;
    const saving = users.map(async (u, i) => {
      await new Promise((done) => setTimeout(done, (i * 1000) / users.length));
      for (let n = 0; running; n++) {
        const t = performance.now();
        const saved = await u.connection.mutate(
          'reports.save',
          `{"id":${u.id},"baseVersion":${u.version},"data":${variants[n % variants.length]}}`,
        );
        const took = performance.now() - t;
        if (running && measuring) latencies.push(took);
        u.version = saved.version;
        if (running) await new Promise((done) => setTimeout(done, Math.max(0, 1000 - took)));
      }
    });
    const downloading = downloaders.map(async (client, d) => {
      for (let k = d; running; k += DOWNLOADERS) {
        const { status } = await client.download(`/reports/${users[k % users.length]!.id}.pdf?lang=zh`);
        if (status !== 200) throw new Error(`PDF ${status}`);
        if (running && measuring) pdfs++;
      }
    });
    const cpu = () => procs.reduce((sum, p) => sum + serverCpuSeconds(p.child.pid!), 0);
    await new Promise((r) => setTimeout(r, WARMUP * 1000));
    measuring = true;
    const started = performance.now();
    const cpuStart = cpu();
    const pgStart = postgresCpuSeconds(pgData);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    running = false;
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = cpu() - cpuStart;
    const pgCpu = postgresCpuSeconds(pgData) - pgStart;
    await Promise.all([...saving, ...downloading]);
    for (const u of users) u.connection.close();
    return { latencies, seconds, pdfs, serverCpu, pgCpu };
  } finally {
    const alive = procs.filter((p) => p.child.exitCode === null && p.child.signalCode === null);
    for (const p of alive) p.child.kill('SIGTERM');
    await Promise.all(alive.map((p) => new Promise((r) => p.child.once('exit', r))));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-scale-'));
const postgres = startPostgres({ durable: true });
try {
  process.env.NIANBAO_TEST_PG_URL = postgres.url;
  const one = (await createTestDatabase('postgres')).url!;
  const two = (await createTestDatabase('postgres')).url!;
  const sqliteFile = join(dir, 'nianbao.sqlite');
  const targets: Target[] = [
    {
      name: '(a) 1 process, SQLite',
      processes: 1,
      env: { NIANBAO_DB: sqliteFile },
      open: { file: sqliteFile },
    },
    { name: '(b) 1 process, PostgreSQL', processes: 1, env: { DATABASE_URL: one }, open: { url: one } },
    { name: '(c) 2 processes, PostgreSQL', processes: 2, env: { DATABASE_URL: two }, open: { url: two } },
  ];
  const pgData = join(postgres.dir, 'data');
  const lines: string[] = [];
  for (const target of targets) {
    const r = await run(target, target.open.url ? pgData : undefined);
    const saves = r.latencies.length;
    lines.push(
      `${target.name.padEnd(28)} saves ${(saves / r.seconds).toFixed(0).padStart(4)}/s  median ${percentile(r.latencies, 50).toFixed(1)} ms  p99 ${percentile(r.latencies, 99).toFixed(1)} ms  PDFs ${(r.pdfs / r.seconds).toFixed(1)}/s  CPU per save: server ${((r.serverCpu / saves) * 1000).toFixed(2)} ms (PDF threads included), PostgreSQL ${((r.pgCpu / saves) * 1000).toFixed(2)} ms`,
    );
    console.log(lines.at(-1));
  }
  console.log(
    `\nnianbao scale-out bench — ${USERS} users saving once a second + ${DOWNLOADERS} PDF downloaders, ${SECONDS} s each, ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other processes share these cores)`,
  );
  for (const line of lines) console.log(line);
} finally {
  agent.destroy();
  postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
