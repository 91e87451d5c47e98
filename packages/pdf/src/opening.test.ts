/**
 * The optional opening statement and lead paragraph (docs/formats.md §2) stand where published
 * reports print them, in the PDF, the HTML and the .docx alike: the opening between the title and
 * 一, the lead under 一's heading before its first sub-heading (2021) or its text (2019).
 */
import { draftNarrative, getFormat, type ReportData } from '@nianbao/schema';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadExample } from '../test/examples.ts';
import { squash } from '../test/officialText.ts';
import { pdfPages } from '../test/poppler.ts';
import { renderReportHtml } from './html.ts';
import { renderReportDocx } from './renderReportDocx.ts';
import { renderReportPdf } from './renderReportPdf.ts';

const LEAD = '本年度，本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。';

function withOpening(file: string): ReportData {
  const report = loadExample(file);
  const format = getFormat(report.format);
  const contact = {
    address: '某县人民路1号',
    postcode: '123456',
    phone: '0123-4567890',
    email: 'gk@example.gov.cn',
  };
  const opening = draftNarrative(format, report, 'zh', { contact }).find((d) => d.block === 'opening')!.text;
  return {
    ...report,
    narrative: { ...report.narrative, opening: { zh: opening }, 's1.lead': { zh: LEAD } },
  };
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('');
}

/** Positions of each piece in the text, which must be increasing. */
const order = (text: string, pieces: string[]) => pieces.map((p) => squash(text).indexOf(squash(p)));

describe.each([
  ['demo-county-2021.report.json', '（一）主动公开'],
  ['tiantan-2019.report.json', '2019年，天坛街道'],
])('%s with an opening statement and a lead', (file, afterLead) => {
  const report = withOpening(file);
  const opening = report.narrative.opening!.zh;
  const pieces = [
    '年政府信息公开工作年度报告',
    '本报告由',
    '如对本报告有疑问',
    '一、总体情况',
    LEAD,
    afterLead,
  ];

  it('prints them in that order in the PDF', async () => {
    const text = pdfPages(await renderReportPdf(report, { lang: 'zh' })).join('\n');
    const at = order(text, pieces);
    expect(at.every((p, i) => p >= 0 && (i === 0 || p > at[i - 1]!))).toBe(true);
    expect(squash(text)).toContain(squash(opening));
  });

  it('prints them in that order in the HTML, as plain paragraphs', () => {
    const html = renderReportHtml(report, { lang: 'zh' });
    const text = html.replace(/<[^>]+>/g, '');
    const at = order(text, pieces);
    expect(at.every((p, i) => p >= 0 && (i === 0 || p > at[i - 1]!))).toBe(true);
    expect(html).toMatch(/<\/h1>\n<p>本报告由/);
  });

  it('prints them in that order in the .docx', async () => {
    const text = await docxText(await renderReportDocx(report, { lang: 'zh' }));
    const at = order(text, pieces);
    expect(at.every((p, i) => p >= 0 && (i === 0 || p > at[i - 1]!))).toBe(true);
  });
});

it('prints nothing between the title and 一 when the opening is not written', () => {
  const html = renderReportHtml(loadExample('demo-county-2021.report.json'), { lang: 'zh' });
  expect(html).toMatch(/<\/h1>\n<section/);
});
