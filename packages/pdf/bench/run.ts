/**
 * `pnpm bench`: rendering speed and size of the demo report, in zh and zh-en, against headless
 * Chromium printing the same report's HTML (the usual way to make a PDF from a web page).
 *
 * - cold: a fresh process imports @nianbao/pdf and renders once (fonts loaded and parsed), as a
 *   server's PDF worker starts: the bundled build (dist/index.js, built first when stale) under
 *   plain `node`, no tsx; median of 3 processes (bench/cold.mjs).
 * - warm: median of 30 renders in this process after 3 warm-up renders.
 * - warm, new narrative: the same, but every run's Chinese narrative is a different permutation of
 *   its characters, so that nothing cached from an earlier render of the text applies (the shaping
 *   cache of layout/shapedFont.ts keeps short strings, which is most of a paragraph's runs).
 * - .docx: renderReportDocx of the same report, warm, median of 30 (target < 50 ms).
 * - Chromium: page.setContent + page.pdf with the browser and page kept warm; median of 30.
 *
 * Timings are wall-clock on whatever else the machine is doing: compare medians, not single runs.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { examplePath } from '@nianbao/examples';
import type { ReportLang } from '@nianbao/schema';
import { chromium } from 'playwright-core';
import { renderReportDocx, renderReportHtml, renderReportPdf } from '../src/index.ts';

const RUNS = 30;
const COLD_RUNS = 3;
const file = examplePath('demo-county-2021');
const report = JSON.parse(readFileSync(file, 'utf8'));
const langs: ReportLang[] = ['zh', 'zh-en'];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function timed(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** The report with each Chinese narrative character replaced by another of the narrative's, by `shift`. */
function newNarrative(shift: number): typeof report {
  const texts = Object.values(report.narrative as Record<string, { zh?: string }>).map((t) => t.zh ?? '');
  const han = [...new Set(texts.join('').match(/\p{Script=Han}/gu) ?? [])];
  const index = new Map(han.map((ch, i) => [ch, i]));
  const map = (text: string) =>
    text.replace(/\p{Script=Han}/gu, (ch) => han[(index.get(ch)! + shift) % han.length]!);
  const narrative = Object.fromEntries(
    Object.entries(report.narrative as Record<string, { zh?: string }>).map(([id, t]) => [
      id,
      t.zh ? { ...t, zh: map(t.zh) } : t,
    ]),
  );
  return { ...report, narrative };
}

// The cold runs load the bundle with plain node: (re)build it when the sources are newer.
execFileSync(process.execPath, [fileURLToPath(new URL('../build.mjs', import.meta.url)), '--if-stale'], {
  stdio: 'inherit',
});

function cold(lang: ReportLang): { cold: number; process: number } {
  const script = fileURLToPath(new URL('./cold.mjs', import.meta.url));
  const runs = Array.from({ length: COLD_RUNS }, () => {
    const out = execFileSync(process.execPath, [script, file, lang], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1)!) as { coldMs: number; sinceProcessStartMs: number };
  });
  return { cold: median(runs.map((r) => r.coldMs)), process: median(runs.map((r) => r.sinceProcessStartMs)) };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage();

console.log(
  `demo report, ${RUNS} warm runs each; cold = bundled build (dist/index.js) under plain node, median of ${COLD_RUNS}; machine load ${(
    await import('node:os')
  )
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const rows: string[][] = [
  [
    'lang',
    'cold: bundle, plain node (import+fonts+render)',
    'warm median',
    'warm p90',
    'warm, new narrative',
    'PDF size',
    '.docx warm median',
    '.docx size',
    'Chromium page.pdf median',
    'Chromium size',
    'speed-up',
  ],
];
for (const lang of langs) {
  const c = cold(lang);
  await timed(() => renderReportPdf(report, { lang }), 3);
  const warm = await timed(() => renderReportPdf(report, { lang }), RUNS);
  const variants = Array.from({ length: RUNS }, (_, i) => newNarrative(i + 1));
  let next = 0;
  const fresh = await timed(() => renderReportPdf(variants[next++]!, { lang }), RUNS);
  const pdf = await renderReportPdf(report, { lang });
  await timed(() => renderReportDocx(report, { lang }), 3);
  const docxWarm = await timed(() => renderReportDocx(report, { lang }), RUNS);
  const docx = await renderReportDocx(report, { lang });
  const html = renderReportHtml(report, { lang });
  let chromiumBytes = 0;
  const printOnce = async () => {
    await page.setContent(html);
    chromiumBytes = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).length;
  };
  await timed(printOnce, 3);
  const chrome = await timed(printOnce, RUNS);
  const sorted = [...warm].sort((a, b) => a - b);
  rows.push([
    lang,
    `${ms(c.cold)} (process ${ms(c.process)})`,
    ms(median(warm)),
    ms(sorted[Math.floor(sorted.length * 0.9)]!),
    ms(median(fresh)),
    `${(pdf.length / 1024).toFixed(0)} KB`,
    ms(median(docxWarm)),
    `${(docx.length / 1024).toFixed(0)} KB`,
    ms(median(chrome)),
    `${(chromiumBytes / 1024).toFixed(0)} KB`,
    `${(median(chrome) / median(warm)).toFixed(1)}×`,
  ]);
}
await browser.close();

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
