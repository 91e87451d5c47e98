/**
 * Round trip through Word: each example rendered to .docx by @nianbao/pdf, turned into HTML by
 * mammoth (as a portal's CMS or a user's "save as web page" would) and read back by the HTML
 * reader gives every figure, the organisation and the year, and no findings.
 */
import { type ExampleName, exampleJson } from '@nianbao/examples';
import { renderReportDocx } from '@nianbao/pdf';
import type { ReportData } from '@nianbao/schema';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { checkImported } from './checkImported.ts';
import { importText } from './importReport.ts';

const example = (name: ExampleName): ReportData => exampleJson(name) as ReportData;

describe.each(['tiantan-2019', 'demo-county-2021'] as const)('%s', (name) => {
  it.each(['zh', 'zh-en'] as const)(
    'reads its own .docx (%s) back to the same figures',
    async (lang) => {
      const report = example(name);
      const docx = await renderReportDocx(report, { lang });
      const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
      const result = importText(html);
      expect(result.data.format).toBe(report.format);
      expect(result.data.year).toBe(report.year);
      expect(result.data.organisation.zh).toBe(report.organisation.zh);
      // An empty cell prints as 0, so 0 is what comes back for it.
      expect(result.data.cells).toEqual(
        Object.fromEntries(Object.entries(report.cells).map(([id, v]) => [id, v ?? 0])),
      );
      expect(checkImported(result)).toEqual([]);
    },
    180_000,
  );
});
