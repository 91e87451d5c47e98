/**
 * `pnpm --filter @nianbao/server bench` (third part): what a desk export of 20,000 bodies does to
 * everyone else. A province's reviewer exports the desk (.xlsx, then CSV) through the API while the
 * main thread's stalls are measured (a 10 ms heartbeat's gaps):
 * once with the workbook built in the main thread (the API's default, as before the worker pool),
 * once in the server's export worker (`ExportPool`). Prints the export time, the longest stall of
 * the main thread and the p99 of the heartbeat's gaps. A SQLite file; the bodies have no reports (the desk
 * still has a row for each).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApiDeps, type DeskExporter, signedInCaller } from '@nianbao/api';
import { createOrganisation, createUser, type Db, openDatabase, seedSubordinates } from '@nianbao/db';
import { ExportPool } from '../src/export/pool.ts';

const BODIES = Number(process.env.BENCH_EXPORT_BODIES ?? 20_000);

function signedIn(db: Db, deskExporter?: DeskExporter) {
  return signedInCaller(createApiDeps({ db, deskExporter }), {
    login: 'bench-province',
    password: 'bench-province-password',
  });
}

/**
 * Runs `f` while a 10 ms heartbeat runs in the main thread: its longest gap is the longest any other
 * request would have waited for the main thread (the request itself aside).
 */
async function stalls(f: () => Promise<unknown>) {
  let last = performance.now();
  const gaps: number[] = [];
  const beat = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 10);
  const started = performance.now();
  await f();
  const took = performance.now() - started;
  clearInterval(beat);
  gaps.push(performance.now() - last);
  gaps.sort((x, y) => x - y);
  return { took, longestGap: gaps.at(-1)!, p99: gaps[Math.floor(gaps.length * 0.99)]! };
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-bench-'));
const db = await openDatabase({ file: join(dir, 'nianbao.sqlite') });
const file = join(dir, 'nianbao.sqlite');
const pool = new ExportPool({ file });
try {
  const province = await createOrganisation(db, { nameZh: '示范省人民政府' });
  await createUser(db, {
    login: 'bench-province',
    displayName: '省政务公开办',
    password: 'bench-province-password',
    role: 'reviewer',
    organisationId: province.id,
  });
  await seedSubordinates(db, { parentId: province.id, count: BODIES, fanout: 100, prefix: '示范单位' });
  const year = 2021;
  console.log(
    `desk export of ${BODIES.toLocaleString('en')} bodies, SQLite (load average ${loadavg()[0]!.toFixed(1)})`,
  );
  for (const [where, api] of [
    ['main thread', await signedIn(db)],
    ['export worker', await signedIn(db, pool.export)],
  ] as const) {
    // Once unmeasured: the worker's start and module loading are not the export's cost.
    await api.desk.export({ year, format: 'csv', lang: 'zh' });
    for (const format of ['xlsx', 'csv'] as const) {
      let bytes = 0;
      const s = await stalls(async () => {
        bytes = (await api.desk.export({ year, format, lang: 'zh' })).base64.length;
      });
      console.log(
        `  ${format.padEnd(4)} in the ${where.padEnd(13)}: ${(s.took / 1000).toFixed(2)} s ` +
          `(${Math.round((bytes * 3) / 4 / 1024)} KB); main thread's longest stall ${s.longestGap.toFixed(0)} ms, ` +
          `p99 of the heartbeat's gaps ${s.p99.toFixed(0)} ms`,
      );
    }
  }
} finally {
  await pool.destroy();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
