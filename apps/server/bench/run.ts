/**
 * `pnpm --filter @nianbao/server bench`: the server as `pnpm start` runs it (a separate process, a
 * fresh database), 20 clients saving their reports back to back, first alone, then while 4 clients
 * download PDFs of reports that keep changing, then 20 clients saving once a second each (the web
 * app's autosave pace) while the 4 download. The server runs without its rendering cache
 * (NIANBAO_PDF_CACHE_MB=0), so that every download is rendered. Back to back, a save waits
 * behind the other 19 (latency ≈ 20 ÷ throughput); at autosave pace it shows what a user waits.
 * Prints the median and p99 save latency, PDFs per second and the server's CPU time per save and per PDF.
 * BENCH_SECONDS sets each phase's length (default 20).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleJson } from '@nianbao/examples';
import { agent, Client, percentile, request, serverCpuSeconds, startServerProcess } from './client.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SAVERS = 20;
const DOWNLOADERS = 4;
const example = exampleJson('demo-county-2021') as Record<string, unknown>;

const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const { child, base } = await startServerProcess({ NIANBAO_DB: join(dir, 'nianbao.sqlite') });

try {
  const admin = new Client(base);
  await admin.call('mutation', 'auth.login', { login: 'tiantan', password: 'tiantan-demo' });
  const reports: { id: number; year: number; version: number }[] = [];
  for (let i = 0; i < SAVERS; i++) {
    const year = 2022 + i;
    const created = await admin.call('mutation', 'reports.create', { year });
    reports.push({ id: created.id, year, version: created.version });
  }
  const savers = await Promise.all(
    reports.map(async () => {
      const c = new Client(base);
      await c.call('mutation', 'auth.login', { login: 'tiantan', password: 'tiantan-demo' });
      return c;
    }),
  );
  // One render per worker first: the first one loads the renderer and fonts.
  await Promise.all(['zh', 'zh-en', 'en'].map((lang) => admin.download(`/reports/1.pdf?lang=${lang}`)));

  /** `paceMs`: each client saves at most once per `paceMs`, as the web app's autosave does; 0 = back to back. */
  async function phase(withDownloads: boolean, paceMs = 0) {
    const latencies: number[] = [];
    let running = true;
    let pdfs = 0;
    let pdfBytes = 0;
    const saving = savers.map(async (client, i) => {
      const r = reports[i]!;
      let n = 0;
      // Users do not all stop typing at the same instant: spread the paced clients over the second.
      if (paceMs > 0) await new Promise((done) => setTimeout(done, (i * paceMs) / savers.length));
      // The report in its 28 variants (one per date), serialised once: the load generator shares
      // the two cores with the server and should take as little of them as it can.
      const variants = Array.from({ length: 28 }, (_, day) =>
        JSON.stringify({
          ...example,
          year: r.year,
          organisation: { zh: '天坛街道办事处' },
          date: `${r.year + 1}-01-${String(day + 1).padStart(2, '0')}`,
        }),
      );
      while (running) {
        const data = variants[n++ % variants.length];
        const t = performance.now();
        const saved = await client.call(
          'mutation',
          'reports.save',
          undefined,
          `{"id":${r.id},"baseVersion":${r.version},"data":${data}}`,
        );
        const took = performance.now() - t;
        latencies.push(took);
        r.version = saved.version;
        if (paceMs > 0 && running) await new Promise((done) => setTimeout(done, Math.max(0, paceMs - took)));
      }
    });
    const downloading = withDownloads
      ? Array.from({ length: DOWNLOADERS }, async (_, d) => {
          for (let k = d; running; k += DOWNLOADERS) {
            const r = reports[k % reports.length]!;
            const { status, bytes } = await admin.download(`/reports/${r.id}.pdf?lang=zh`);
            if (status !== 200) throw new Error(`PDF ${status}`);
            if (running) {
              pdfs++;
              pdfBytes += bytes;
            }
          }
        })
      : [];
    const started = performance.now();
    const cpuStart = serverCpuSeconds(child.pid!);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    running = false;
    const seconds = (performance.now() - started) / 1000;
    const cpu = serverCpuSeconds(child.pid!) - cpuStart;
    await Promise.all([...saving, ...downloading]);
    return { latencies, seconds, pdfs, pdfBytes, cpu };
  }

  const health = async () =>
    JSON.parse((await request(new URL('/healthz', base), 'GET', {})).body.toString()) as {
      rendered: number;
      cacheHits: number;
      pdfThreads: number;
    };
  const before = await health();
  const alone = await phase(false);
  const mixed = await phase(true);
  const paced = await phase(true, 1000);
  const after = await health();
  const line = (name: string, r: { latencies: number[]; seconds: number; pdfs: number }, pdfs = false) =>
    `${name.padEnd(30)} saves ${String(r.latencies.length).padStart(6)} (${(r.latencies.length / r.seconds).toFixed(0)}/s)  median ${percentile(r.latencies, 50).toFixed(1)} ms  p99 ${percentile(r.latencies, 99).toFixed(1)} ms${pdfs ? `  PDFs ${(r.pdfs / r.seconds).toFixed(1)}/s` : ''}`;
  const cpuPerSave = (alone.cpu / alone.latencies.length) * 1000;
  const cpuPerPdf = (mixed.cpu - (mixed.latencies.length * cpuPerSave) / 1000) / Math.max(1, mixed.pdfs);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other processes share these cores)`,
  );
  console.log(
    `nianbao server bench — ${availableParallelism()} cores, ${after.pdfThreads} PDF workers, ${SECONDS} s per phase`,
  );
  console.log(line(`${SAVERS} savers alone`, alone));
  console.log(line(`${SAVERS} savers + ${DOWNLOADERS} PDF downloaders`, mixed, true));
  console.log(line(`${SAVERS} autosaving (1/s) + ${DOWNLOADERS} PDFs`, paced, true));
  console.log(`server CPU: ${cpuPerSave.toFixed(2)} ms per save; about ${cpuPerPdf.toFixed(2)} s per PDF`);
  console.log(
    `PDFs: ${mixed.pdfs} in ${mixed.seconds.toFixed(1)} s = ${(mixed.pdfs / mixed.seconds).toFixed(2)} PDFs/s (avg ${(mixed.pdfBytes / Math.max(1, mixed.pdfs) / 1024).toFixed(0)} KB; rendered ${after.rendered - before.rendered}, cache hits ${after.cacheHits})`,
  );
} finally {
  agent.destroy();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
