/**
 * The .docx as a reader sees it: both examples converted to PDF by LibreOffice (headless), the
 * way a .docx is opened outside Word, then read with poppler. Needs `soffice` (Debian:
 * libreoffice-writer-nogui, several hundred MB), so it is not part of `pnpm test`:
 * `pnpm test:docx` runs it. The pages are written to test-output/docx/ as PNG to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReportLang as Lang } from '@nianbao/schema';
import { getFormat, reportTitle } from '@nianbao/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { examples, loadExample } from '../test/examples.ts';
import { dataRows, labelTexts, missingInOrder, officialLabels, squash } from '../test/officialText.ts';
import { pdfInfo, pdfPages, pdfPngs } from '../test/poppler.ts';
import { renderReportDocx } from './renderReportDocx.ts';

const work = mkdtempSync(join(tmpdir(), 'nianbao-docx-'));
const outputDir = fileURLToPath(new URL('../test-output/docx/', import.meta.url));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The .docx converted by LibreOffice, with a profile of its own (a running soffice locks the default one). */
function libreOfficePdf(docx: Uint8Array, name: string): Uint8Array {
  const file = join(work, `${name}.docx`);
  writeFileSync(file, docx);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      file,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return new Uint8Array(readFileSync(join(work, `${name}.pdf`)));
}

const PAGE_NUMBER = /^—\s*(\d+)\s*—$/u;

describe.each(examples.flatMap((e) => (Object.keys(e.pages) as Lang[]).map((lang) => ({ ...e, lang }))))(
  '$file in $lang, opened by LibreOffice',
  (example) => {
    const report = loadExample(example.file);
    const format = getFormat(report.format);
    const name = `${example.file.replace('.report.json', '')}-${example.lang}`;

    it('is A4 and reads as the report: title, labels in order, figures in their rows, page numbers', async () => {
      const pdf = libreOfficePdf(await renderReportDocx(report, { lang: example.lang }), name);
      mkdirSync(outputDir, { recursive: true });
      pdfPngs(pdf, 60).forEach((png, i) => {
        writeFileSync(join(outputDir, `${name}-${i + 1}.png`), png);
      });
      expect(pdfInfo(pdf)['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/u);
      const pages = pdfPages(pdf);
      const numbers = pages.map((p) =>
        p
          .split('\n')
          .map((line) => PAGE_NUMBER.exec(line.trim())?.[1])
          .filter(Boolean)
          .map(Number),
      );
      expect(numbers).toEqual(pages.map((_, i) => [i + 1]));
      // About as many pages as the PDF (LibreOffice sets the text in other fonts).
      expect(Math.abs(pages.length - example.pages[example.lang]!)).toBeLessThanOrEqual(2);
      const text = squash(pages.map((p) => p.replace(/^\s*—\s*\d+\s*—\s*$/gmu, '')).join('\n'));
      expect(text.startsWith(squash(labelTexts(reportTitle(report), example.lang).join('')))).toBe(true);
      const labels = officialLabels(format, report, 'rows').flatMap((l) => labelTexts(l, example.lang));
      expect(missingInOrder(text, labels)).toBeNull();
      const rows = dataRows(report, example.lang).map((row) => row.label + row.figures.join(''));
      expect(missingInOrder(text, rows)).toBeNull();
    }, 180_000);
  },
);
