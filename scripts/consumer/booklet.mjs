// Plain node, no JSX build: a developer's own react-pdf <Document> — a cover page of theirs, then
// the report's pages from @nianbao/pdf/react — rendered by their own @react-pdf/renderer, installed
// by npm as published (pdfkit and fontkit without our patches).
//   node booklet.mjs <report.json> <out.pdf>
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { preloadFonts, ReportPages } from '@nianbao/pdf/react';
import { getFormat, leaves, parseReport, reportTitle } from '@nianbao/schema';
import { Document, Page, renderToBuffer, Text } from '@react-pdf/renderer';
import { createElement as h } from 'react';

const [reportFile, out] = process.argv.slice(2);
const COVER = '青山县政府信息公开工作年度报告汇编';

// The consumer's pdfkit is the published one: our patches mark every line they change `nianbao:`.
const pdfkitFile = join(dirname(createRequire(import.meta.url).resolve('pdfkit')), 'pdfkit.node.mjs');
if (readFileSync(pdfkitFile, 'utf8').includes('nianbao:')) throw new Error(`${pdfkitFile} is patched`);

const parsed = parseReport(JSON.parse(readFileSync(reportFile, 'utf8')));
if (!parsed.ok) throw new Error(`parseReport: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
const report = parsed.data;

await preloadFonts();
const booklet = () =>
  h(
    Document,
    { title: COVER },
    h(
      Page,
      { size: 'A4', style: { padding: 100, fontFamily: 'Noto Serif SC' } },
      h(Text, { style: { fontSize: 22, marginTop: 200, textAlign: 'center' } }, COVER),
      h(Text, { style: { fontSize: 16, marginTop: 40, textAlign: 'center' } }, 'Consumer cover page'),
    ),
    h(ReportPages, { report, lang: 'zh', firstPageNumber: 'continue' }),
  );
/** Milliseconds of each of `runs` calls after a first one (fonts, first use of every code path). */
async function timed(render, runs) {
  let result = await render();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await render();
    times.push(performance.now() - started);
  }
  return { result, median: times.sort((a, b) => a - b)[runs >> 1] };
}
const { result: pdf, median } = await timed(() => renderToBuffer(booklet()), 3);
writeFileSync(out, pdf);

const squash = (text) => text.replace(/[\s-]+/gu, '');
const pageText = (n) =>
  squash(
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', `${n}`, '-l', `${n}`, out, '-'], { encoding: 'utf8' }),
  );
const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))[1]);
if (pages < 3) throw new Error(`${pages} pages: a cover and the report expected`);
if (!pageText(1).includes(squash(COVER))) throw new Error('page 1 lacks the cover text');
const text = Array.from({ length: pages - 1 }, (_, i) => pageText(i + 2)).join('');

// The title, each section's heading and each table's row labels, in reading order.
const format = getFormat(report.format);
const labels = [
  reportTitle(report).zh,
  ...format.sections.flatMap((section) => {
    const table = section.table;
    const rows = !table
      ? []
      : table.type === 'blocks'
        ? table.blocks.flatMap((block) => [block.caption, ...block.rows.map((row) => row.label)])
        : leaves(table.rows ?? []).map((row) => row.label);
    return [section.label, ...rows].map((label) => label.zh);
  }),
];
let at = 0;
for (const label of labels) {
  const found = text.indexOf(squash(label), at);
  if (found < 0) throw new Error(`the report's pages lack 「${label}」 (in order)`);
  at = found + squash(label).length;
}
const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
if (!/NotoSerifSC/.test(fonts)) throw new Error(`Noto Serif SC is not embedded:\n${fonts}`);
// The same report through the main entry (react-pdf inside, patched), for the speed comparison.
const { renderReportPdf } = await import('@nianbao/pdf');
const bundled = await timed(() => renderReportPdf(report, { lang: 'zh' }), 3);
console.log(
  `booklet: the consumer's react-pdf (pdfkit unpatched) drew a cover and <ReportPages>: ${pages} pages, ` +
    `${pdf.length} bytes, cover text and ${labels.length} labels in order, Noto Serif SC embedded; ` +
    `warm render ${median.toFixed(0)} ms (renderReportPdf, bundled and patched: ${bundled.median.toFixed(0)} ms)`,
);
