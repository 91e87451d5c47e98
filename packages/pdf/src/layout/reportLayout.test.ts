/**
 * The page rules on real reports whose narrative is stretched step by step, so that every page
 * break falls somewhere else: in a paragraph, before a heading, inside table 二 or table 三.
 */

import type { ReportLang } from '@nianbao/schema';
import { getFormat, leaves, type ReportData } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { loadExample } from '../../test/examples.ts';
import { preloadFonts } from '../fonts.ts';
import { contentWidth, page } from '../officialLayout.ts';
import { buildReportModel } from '../reportModel.ts';
import { textWidth } from './faces.ts';
import type { Op, TextOp } from './ops.ts';
import { layoutReport } from './reportLayout.ts';

const TOP = page.marginTop;
const BOTTOM = page.height - page.marginBottom;
const STEPS = 14;

/** The report with `n` more sentences in its first narrative block. */
function stretched(report: ReportData, n: number): ReportData {
  const [id, text] = Object.entries(report.narrative)[0]!;
  const zh = `${text.zh}${'本机关持续推进政府信息公开工作，'.repeat(n)}`;
  const en = text.en && `${text.en} ${'The Bureau kept up its disclosure work. '.repeat(n)}`;
  return { ...report, narrative: { ...report.narrative, [id]: { ...text, zh, en } } };
}

const isHeading = (op: TextOp) =>
  op.face === 'sansBold' || (op.face === 'serifBold' && (op.size === 16 || op.size === 12.5));

const cases: { file: string; lang: ReportLang }[] = [
  { file: 'demo-county-2021.report.json', lang: 'zh' },
  { file: 'demo-county-2021.report.json', lang: 'zh-en' },
  { file: 'demo-county-2021.report.json', lang: 'en' },
  { file: 'tiantan-2019.report.json', lang: 'zh' },
];

await preloadFonts();

describe.each(cases)('$file in $lang, narrative stretched 0…13 sentences', ({ file, lang }) => {
  const base = loadExample(file);
  const format = getFormat(base.format);
  const t3 = format.sections.flatMap((s) =>
    s.table?.type === 'matrix' && s.table.rows ? [s.table] : [],
  )[0]!;
  const show = (label: { zh: string; en?: string }) => (lang === 'en' ? label.en! : label.zh);
  // Short row labels of table 三, printed on one line: they tell the pages the table runs over.
  const rowLabels = new Set(
    leaves(t3.rows!)
      .map((leaf) => show(leaf.label))
      .filter((l) => l.length <= (lang === 'en' ? 14 : 9)),
  );
  const header = show(t3.columns[0]!.label);
  const layouts = Array.from({ length: STEPS }, (_, n) =>
    layoutReport(buildReportModel(stretched(base, n), lang)),
  );

  it('keeps all text and lines inside the text block, the page number below it', () => {
    for (const pages of layouts)
      for (const [p, { ops }] of pages.entries()) {
        const [number, ...rest] = ops as [TextOp, ...Op[]];
        expect(number!.text).toBe(`— ${p + 1} —`);
        expect(number!.y).toBeGreaterThan(BOTTOM);
        for (const op of rest) {
          if (op.kind === 'lines') {
            for (let i = 1; i < op.segments.length; i += 2) {
              expect(op.segments[i]).toBeGreaterThanOrEqual(TOP - 0.01);
              expect(op.segments[i]).toBeLessThanOrEqual(BOTTOM + 0.01);
            }
            continue;
          }
          expect(op.y).toBeGreaterThan(TOP);
          expect(op.y).toBeLessThan(BOTTOM);
          const chars = [...op.text].length;
          const spaces = op.text.split(' ').length - 1;
          const width =
            textWidth({ ...op, lineHeight: 1 }, op.text) +
            (op.characterSpacing ?? 0) * (chars - 1) +
            (op.wordSpacing ?? 0) * spaces;
          expect(op.x, op.text).toBeGreaterThanOrEqual(-0.01);
          expect(op.x + width, op.text).toBeLessThanOrEqual(contentWidth + 0.5);
        }
      }
  });

  it('never ends a page with a heading', () => {
    for (const pages of layouts)
      for (const { ops } of pages) {
        const texts = ops.filter((op): op is TextOp => op.kind === 'text');
        const last = texts[texts.length - 1]!;
        expect(isHeading(last), last.text).toBe(false);
      }
  });

  it('repeats the column header of table 三 on every page it continues on', () => {
    let continued = 0;
    for (const pages of layouts) {
      const withRows = pages.filter(({ ops }) =>
        ops.some((op) => op.kind === 'text' && rowLabels.has(op.text)),
      );
      expect(withRows.length).toBeGreaterThan(0);
      for (const { ops } of withRows) {
        const texts = ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
        const firstRow = texts.findIndex((t) => rowLabels.has(t));
        expect(texts.slice(0, firstRow)).toContain(header);
      }
      if (withRows.length > 1) continued++;
    }
    // The stretching moves the table across a page break in some of the steps.
    expect(continued).toBeGreaterThan(0);
  });
});

describe('figures too wide for their column', () => {
  it('are set smaller so that they stay inside it', () => {
    const report = loadExample('demo-county-2021.report.json');
    const cells = Object.fromEntries(
      Object.keys(report.cells).map((id) => [id, id.startsWith('t3.') ? 1234567 : report.cells[id]]),
    );
    const pages = layoutReport(buildReportModel({ ...report, cells } as ReportData, 'zh'));
    const figures = pages.flatMap((p) =>
      p.ops.filter((op): op is TextOp => op.kind === 'text' && /^\d{7}$/u.test(op.text)),
    );
    expect(figures.length).toBeGreaterThan(100);
    // Seven value columns share 48 % of the table's width.
    const column = (0.48 * contentWidth) / 7;
    for (const op of figures) {
      expect(op.size).toBeLessThan(9.5);
      expect(textWidth({ ...op, lineHeight: 1 }, op.text)).toBeLessThanOrEqual(column);
    }
  });
});
