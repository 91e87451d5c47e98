/**
 * One cold render in a fresh process, as a PDF worker starts: plain `node` loading the bundled
 * build (dist/index.js, see build.mjs; bench/run.ts builds it first when stale), font registration
 * and parsing, first layout. Prints JSON for bench/run.ts:
 *
 * - importMs: loading the bundle; fontsMs: preloadFonts() (reading and opening the TTFs);
 * - renderMs: fonts and the first render (fontsMs included); coldMs: import + renderMs;
 * - sinceProcessStartMs: from the start of the process (Node's own start-up included).
 *
 *   node bench/cold.mjs ../../examples/demo-county-2021.report.json zh
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bundleFile } from '../build.mjs';

const [file, lang] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
const start = performance.now();
const { preloadFonts, renderReportPdf } = await import(pathToFileURL(bundleFile).href);
const loaded = performance.now();
await preloadFonts();
const fonts = performance.now();
const pdf = await renderReportPdf(report, { lang });
const done = performance.now();
console.log(
  JSON.stringify({
    importMs: loaded - start,
    fontsMs: fonts - loaded,
    renderMs: done - loaded,
    coldMs: done - start,
    sinceProcessStartMs: done,
    bytes: pdf.length,
  }),
);
