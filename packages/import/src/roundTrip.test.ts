/**
 * Round trip: each example rendered to PDF by @nianbao/pdf, read back by pdftotext and the
 * importer, gives the same figures, the same organisation and year, and no findings.
 */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, type ExampleName, exampleJson } from '@nianbao/examples';
import { renderReportPdf } from '@nianbao/pdf';
import type { ReportData } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { checkImported } from './checkImported.ts';
import { importBytes } from './file.ts';
import { importText } from './importReport.ts';
import { importPdf, pdfToText } from './pdf.ts';

const example = (name: ExampleName): ReportData => exampleJson(name) as ReportData;

describe.each(EXAMPLES)('%s', (name) => {
  it('imports its own PDF back to the same figures', async () => {
    const report = example(name);
    const pdf = await renderReportPdf(report, { lang: 'zh' });
    const result = await importPdf(new Uint8Array(pdf));
    expect(result.data.format).toBe(report.format);
    expect(result.data.year).toBe(report.year);
    expect(result.data.organisation.zh).toBe(report.organisation.zh);
    // An empty cell prints as 0, so 0 is what comes back for it.
    const expected = Object.fromEntries(Object.entries(report.cells).map(([id, v]) => [id, v ?? 0]));
    expect(result.data.cells).toEqual(expected);
    expect(result.unread).toEqual([]);
    expect(checkImported(result)).toEqual([]);

    // Both of pdftotext's reading orders hold the figures, so either may be the one chosen.
    const file = join(mkdtempSync(join(tmpdir(), 'nianbao-rt-')), 'report.pdf');
    writeFileSync(file, pdf);
    for (const mode of ['raw', 'layout'] as const) {
      const read = importText(await pdfToText(file, mode));
      expect(read.data.cells, mode).toEqual(expected);
      expect(checkImported(read), mode).toEqual([]);
    }
  }, 60_000);
});

it.each(EXAMPLES)(
  'reads the figures of a bilingual PDF (%s) too',
  async (name) => {
    const report = example(name);
    const result = await importPdf(new Uint8Array(await renderReportPdf(report, { lang: 'zh-en' })));
    expect(result.data.cells).toEqual(
      Object.fromEntries(Object.entries(report.cells).map(([id, v]) => [id, v ?? 0])),
    );
    expect(checkImported(result)).toEqual([]);
  },
  60_000,
);

it('imports uploaded bytes: a PDF by its magic bytes, anything else as text', async () => {
  const pdf = await renderReportPdf(example('tiantan-2019'), { lang: 'zh' });
  expect((await importBytes(new Uint8Array(pdf))).data.cells['t2.procurement.items']).toBe(21);
  const html = readFileSync(new URL('../test/fixtures/suqian-shuyang-drc-2023.txt', import.meta.url));
  expect((await importBytes(new Uint8Array(html))).data.cells['t3.new_received.total']).toBe(26);
}, 60_000);
