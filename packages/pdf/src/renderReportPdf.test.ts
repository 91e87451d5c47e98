import type { ReportLang } from '@nianbao/schema';
import { getFormat, reportTitle } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { examples, loadExample } from '../test/examples.ts';
import {
  dataRows,
  labelTexts,
  missingInOrder,
  officialLabels,
  rowGroupLabels,
  squash,
} from '../test/officialText.ts';
import { pdfFonts, pdfInfo, pdfOutline, pdfPages } from '../test/poppler.ts';
import { breaksLineRules } from './cjkBreak.ts';
import { MissingEnglishError } from './MissingEnglishError.ts';
import { renderReportPdf } from './renderReportPdf.ts';

const PAGE_NUMBER = /^—\s*\d+\s*—$/u;

describe.each(examples)('$file as PDF', (example) => {
  const report = loadExample(example.file);
  const format = getFormat(report.format);

  describe.each(Object.entries(example.pages) as [ReportLang, number][])('in %s', (lang, pageCount) => {
    // The page number is painted first on each page; the text is read without it.
    const rendered = renderReportPdf(report, { lang }).then((pdf) => {
      const raw = pdfPages(pdf);
      const numbers = raw.map((page) => page.split('\n').filter((line) => PAGE_NUMBER.test(line.trim())));
      const pages = raw.map((page) =>
        page
          .split('\n')
          .filter((line) => !PAGE_NUMBER.test(line.trim()))
          .join('\n'),
      );
      return { pdf, pages, numbers };
    });

    it('has the title, every official label in order, and its page count with page numbers', async () => {
      const { pages, numbers } = await rendered;
      expect(pages).toHaveLength(pageCount);
      expect(numbers.map((lines) => lines.map((l) => l.replace(/\s/gu, '')))).toEqual(
        pages.map((_, i) => [`—${i + 1}—`]),
      );
      const text = squash(pages.join('\n'));
      const title = reportTitle(report);
      expect(text.startsWith(squash(labelTexts(title, lang).join('')))).toBe(true);
      // A row group's label is centred on its rows: when the table crosses a page it lands among
      // them, so it is checked for presence and the rest for order.
      const labels = officialLabels(format, report, 'tree', false).flatMap((l) => labelTexts(l, lang));
      expect(missingInOrder(text, labels)).toBeNull();
      for (const group of rowGroupLabels(format))
        for (const t of labelTexts(group, lang)) expect(text).toContain(squash(t));
    });

    it('prints every figure in its row, with an explicit 0 and units', async () => {
      const { pages } = await rendered;
      const text = squash(pages.join('\n'));
      const rows = dataRows(report, lang).map((row) => row.label + row.figures.join(''));
      expect(missingInOrder(text, rows)).toBeNull();
    });

    it('prints the narrative in order, Chinese then English, and the closing block', async () => {
      const { pages } = await rendered;
      const text = squash(pages.join('\n'));
      const paragraphs = format.sections.flatMap((s) =>
        s.narrative.flatMap((b) => {
          const t = report.narrative[b.id];
          if (!t?.zh.trim()) return [];
          const langs = lang === 'zh-en' ? (['zh', 'en'] as const) : ([lang] as const);
          return langs.flatMap((l) => t[l]?.split('\n').filter((p) => p.trim()) ?? []);
        }),
      );
      expect(missingInOrder(text, paragraphs)).toBeNull();
      const closing = text.slice(text.lastIndexOf(squash(report.organisation.zh)));
      const dates = { zh: '2022年1月20日', en: '20January2022' };
      const expected = (lang === 'zh-en' ? (['zh', 'en'] as const) : ([lang] as const)).map(
        (l) =>
          squash(l === 'zh' ? report.organisation.zh : report.organisation.en!) +
          (report.date ? dates[l] : ''),
      );
      expect(lang === 'en' ? text.endsWith(expected[0]!) : closing).toBe(
        lang === 'en' ? true : expected.join(''),
      );
    });

    it('breaks Chinese lines by the rules: no line starts with closing or ends with opening punctuation', async () => {
      const { pages } = await rendered;
      const bad = pages.flatMap((p) => p.split('\n')).filter(breaksLineRules);
      expect(bad).toEqual([]);
    });

    it('has metadata, an outline of the six sections and embedded subset fonts only', async () => {
      const { pdf } = await rendered;
      const info = pdfInfo(pdf);
      expect(info.Title).toContain(lang === 'en' ? report.organisation.en : report.organisation.zh);
      expect(info.Author).toBe(lang === 'en' ? report.organisation.en : report.organisation.zh);
      expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/u);
      expect(pdfOutline(pdf)).toEqual(format.sections.map((s) => labelTexts(s.label, lang).join(' ')));
      const fonts = pdfFonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded && f.subset)).toBe(true);
      expect(new TextDecoder('latin1').decode(pdf)).toMatch(/\/Lang \((zh-CN|en)\)/u);
    });
  });

  it.each(example.refuses)('refuses %s and names the blocks without English', async (lang) => {
    const error = await renderReportPdf(report, { lang }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingEnglishError);
    const blocks = format.sections
      .flatMap((s) => s.narrative.map((b) => b.id))
      .filter((id) => report.narrative[id]);
    expect((error as MissingEnglishError).blocks).toEqual(blocks);
    for (const id of blocks) expect((error as Error).message).toContain(id);
  });
});
