import type { ReportLang } from '@nianbao/schema';
import { getFormat, reportTitle } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { examples, loadExample } from '../test/examples.ts';
import { dataRows, labelTexts, missingInOrder, officialLabels, squash } from '../test/officialText.ts';
import { escapeHtml, renderReportHtml } from './html.ts';
import { MissingEnglishError } from './MissingEnglishError.ts';

/** The document's text as a reader sees it: tags dropped, entities decoded. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&');
}

describe.each(examples)('$file as HTML', (example) => {
  const report = loadExample(example.file);
  const format = getFormat(report.format);

  describe.each(Object.keys(example.pages) as ReportLang[])('in %s', (lang) => {
    const html = renderReportHtml(report, { lang });
    const text = squash(visibleText(html));

    it('is one self-contained document with the title, language and metadata', () => {
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).not.toMatch(/<(script|link|img)\b/u);
      expect(html).toContain(`<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">`);
      const title = labelTexts(reportTitle(report), lang);
      expect(text.startsWith(squash(title.join('')))).toBe(true);
      expect(html).toMatch(
        new RegExp(
          `<meta name="author" content="${escapeHtml(lang === 'en' ? report.organisation.en! : report.organisation.zh)}">`,
          'u',
        ),
      );
    });

    it('has every official label in order and every figure in its row', () => {
      const labels = officialLabels(format, report, 'rows').flatMap((l) => labelTexts(l, lang));
      expect(missingInOrder(text, labels)).toBeNull();
      const rows = dataRows(report, lang).map((row) => row.label + row.figures.join(''));
      expect(missingInOrder(text, rows)).toBeNull();
    });

    it('merges cells with rowspan and colspan exactly as the official tables', () => {
      const t3 = html.slice(
        html.indexOf('<table', html.indexOf('id="s3"')),
        html.indexOf('</table>', html.indexOf('id="s3"')),
      );
      const t4 = html.slice(
        html.indexOf('<table', html.indexOf('id="s4"')),
        html.indexOf('</table>', html.indexOf('id="s4"')),
      );
      const spans = (table: string) =>
        [...table.matchAll(/<t[hd]( rowspan="\d+")?( colspan="\d+")?/gu)]
          .map((m) => `${m[1] ?? ''}${m[2] ?? ''}`.trim())
          .filter(Boolean);
      const resultsRows = report.format === '2021' ? 22 : 20;
      // Table 三: corner 3×3, 申请人情况 over 7, 自然人 and 总计 over 2 rows, 法人或其他组织 over 5; 三、 over the outcome rows.
      expect(spans(t3).slice(0, 5)).toEqual([
        'rowspan="3" colspan="3"',
        'colspan="7"',
        'rowspan="2"',
        'colspan="5"',
        'rowspan="2"',
      ]);
      expect(t3).toContain(`<th rowspan="${resultsRows}" id=`);
      expect(t3).toContain('<th rowspan="8" id=');
      expect(t3.match(/<tr>/gu)).toHaveLength(3 + (report.format === '2021' ? 25 : 23));
      // Table 四: 行政复议 over 5, 行政诉讼 over 10; five outcomes over 2 rows; two groups of 5.
      expect(spans(t4)).toEqual([
        'colspan="5"',
        'colspan="10"',
        ...Array(5).fill('rowspan="2"'),
        'colspan="5"',
        'colspan="5"',
      ]);
      expect(t4.match(/<td /gu)).toHaveLength(15);
    });

    it('prints the narrative paragraphs and the closing block', () => {
      const langs = lang === 'zh-en' ? (['zh', 'en'] as const) : ([lang] as const);
      const paragraphs = format.sections.flatMap((s) =>
        s.narrative.flatMap((b) =>
          langs.flatMap((l) => report.narrative[b.id]?.[l]?.split('\n').filter((p) => p.trim()) ?? []),
        ),
      );
      expect(missingInOrder(text, paragraphs)).toBeNull();
      const dates = { zh: '2022年1月20日', en: '20 January 2022' };
      const closing = langs.map(
        (l) =>
          (l === 'zh' ? report.organisation.zh : report.organisation.en!) + (report.date ? dates[l] : ''),
      );
      expect(text.endsWith(squash(closing.join('')))).toBe(true);
    });
  });

  it.each(example.refuses)('refuses %s like the PDF', (lang) => {
    expect(() => renderReportHtml(report, { lang })).toThrow(MissingEnglishError);
  });
});

it('escapes what a report says, so its text cannot become markup', () => {
  const report = loadExample('demo-county-2021.report.json');
  report.narrative['s5.body'] = { zh: '<script>alert("x")</script> & 〈注〉', en: 'a < b' };
  const html = renderReportHtml(report, { lang: 'zh-en' });
  expect(html).not.toContain('<script>');
  expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
  expect(html).toContain('<p lang="en">a &lt; b</p>');
});
