/** @jsxRuntime automatic @jsxImportSource react */
import { getFormat, reportTitle } from '@nianbao/schema';
import { Document, Page, renderToBuffer, Text } from '@react-pdf/renderer';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples, loadExample } from '../test/examples.ts';
import { missingInOrder, officialLabels, squash } from '../test/officialText.ts';
import { pdfPages } from '../test/poppler.ts';
import { SERIF } from './fonts.ts';
import { preloadFonts, ReportPages, type ReportPagesProps } from './react.ts';

const report = loadExample(examples[0]!.file);
const reportPages = examples[0]!.pages.zh!;
const PAGE_NUMBER = /^—\s*(\d+)\s*—$/u;

/** A developer's own document: a cover page, then the report. */
async function withCover(numbering: ReportPagesProps['firstPageNumber']) {
  const pdf = await renderToBuffer(
    <Document title="封面与报告">
      <Page size="A4" style={{ padding: 80, fontFamily: SERIF }}>
        <Text style={{ fontSize: 30 }}>汇编封面 Cover page</Text>
      </Page>
      <ReportPages report={report} lang="zh" firstPageNumber={numbering} />
    </Document>,
  );
  const raw = pdfPages(new Uint8Array(pdf));
  const pages = raw.map((page) =>
    page
      .split('\n')
      .filter((line) => !PAGE_NUMBER.test(line.trim()))
      .join('\n'),
  );
  const numbers = raw.map((page) =>
    page
      .split('\n')
      .map((line) => PAGE_NUMBER.exec(line.trim())?.[1])
      .filter(Boolean)
      .map(Number),
  );
  return { pages, numbers };
}

beforeAll(() => preloadFonts());

describe('<ReportPages> in a document of its own with a cover page', () => {
  it('prints the cover first, then the title and every official label in order', async () => {
    const { pages } = await withCover(undefined);
    expect(pages).toHaveLength(1 + reportPages);
    expect(squash(pages[0]!)).toBe(squash('汇编封面 Cover page'));
    const text = squash(pages.slice(1).join('\n'));
    expect(text.startsWith(squash(reportTitle(report).zh))).toBe(true);
    const labels = officialLabels(getFormat(report.format), report, 'tree', false).map((l) => l.zh);
    expect(missingInOrder(text, labels)).toBeNull();
  });

  it('restarts page numbers at 1 by default, or at a given number', async () => {
    const restarted = await withCover(undefined);
    expect(restarted.numbers).toEqual([[], ...Array.from({ length: reportPages }, (_, i) => [i + 1])]);
    const from = await withCover(7);
    expect(from.numbers.slice(1)).toEqual(Array.from({ length: reportPages }, (_, i) => [i + 7]));
  });

  it("continues the document's page numbers with 'continue'", async () => {
    const { numbers } = await withCover('continue');
    expect(numbers).toEqual([[], ...Array.from({ length: reportPages }, (_, i) => [i + 2])]);
  });
});
