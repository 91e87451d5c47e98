/**
 * One cold render in a fresh process: module loading, font registration and parsing, first
 * layout. Prints JSON for bench/run.ts.
 */
import { readFileSync } from 'node:fs';

const [file, lang] = process.argv.slice(2) as [string, 'zh' | 'zh-en'];
const report = JSON.parse(readFileSync(file, 'utf8'));
const start = performance.now();
const { renderReportPdf } = await import('../src/index.ts');
const loaded = performance.now();
const pdf = await renderReportPdf(report, { lang });
const done = performance.now();
console.log(
  JSON.stringify({
    importMs: loaded - start,
    renderMs: done - loaded,
    coldMs: done - start,
    sinceProcessStartMs: done,
    bytes: pdf.length,
  }),
);
