import type { ReportLang as Lang } from '@nianbao/schema';
import { getFormat, type MatrixTable, matrixLayout, reportTitle } from '@nianbao/schema';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { examples, loadExample } from '../test/examples.ts';
import { dataRows, labelTexts, missingInOrder, officialLabels, squash } from '../test/officialText.ts';
import { MissingEnglishError } from './MissingEnglishError.ts';
import { mm } from './officialLayout.ts';
import { renderReportDocx } from './renderReportDocx.ts';

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml')) out[name] = await zip.file(name)!.async('string');
  }
  return out;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');

/** The text of a piece of WordprocessingML in reading order. */
const textOf = (xml: string) =>
  decode([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join(''));

/** The body's top-level tables, in order. */
function tables(document: string): string[] {
  return [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gsu)].map((m) => m[0]);
}

interface Span {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * The merged cells of a Word table: a w:gridSpan is a column span; a w:vMerge restart cell and the
 * continue cells below it in the same grid column make one row span.
 */
function wordSpans(table: string): Span[] {
  const rows = [...table.matchAll(/<w:tr>(.*?)<\/w:tr>/gsu)].map((m) =>
    [...m[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gsu)].map((c) => ({
      colSpan: Number(/<w:gridSpan w:val="(\d+)"/u.exec(c[1]!)?.[1] ?? 1),
      merge: /<w:vMerge w:val="(restart|continue)"/u.exec(c[1]!)?.[1],
    })),
  );
  const spans: Span[] = [];
  const open = new Map<number, Span>();
  rows.forEach((cells, row) => {
    let column = 0;
    for (const c of cells) {
      if (c.merge === 'continue') {
        const span = open.get(column);
        expect(span, `continue cell without a restart at row ${row}, column ${column}`).toBeDefined();
        expect(c.colSpan).toBe(span!.colSpan);
        span!.rowSpan++;
      } else {
        const span = { row, column, rowSpan: 1, colSpan: c.colSpan };
        spans.push(span);
        if (c.merge === 'restart') open.set(column, span);
        else open.delete(column);
      }
      column += c.colSpan;
    }
  });
  return spans.filter((s) => s.rowSpan > 1 || s.colSpan > 1);
}

/** The merged cells an official table has: placed from matrixLayout like an HTML table's cells. */
function layoutSpans(table: MatrixTable): Span[] {
  const layout = matrixLayout(table);
  const rows = [
    ...layout.header.map((cells, r) => [
      ...(r === 0 && layout.labelColumns > 0
        ? [{ rowSpan: layout.headerRows, colSpan: layout.labelColumns }]
        : []),
      ...cells,
    ]),
    ...(layout.rowLeaves.length ? layout.body : [[]]).map((cells) => [
      ...cells,
      ...layout.columnLeaves.map(() => ({ rowSpan: 1, colSpan: 1 })),
    ]),
  ];
  const taken = new Set<string>();
  const spans: Span[] = [];
  rows.forEach((cells, row) => {
    let column = 0;
    for (const c of cells) {
      while (taken.has(`${row},${column}`)) column++;
      for (let r = row; r < row + c.rowSpan; r++)
        for (let k = column; k < column + c.colSpan; k++) taken.add(`${r},${k}`);
      if (c.rowSpan > 1 || c.colSpan > 1) spans.push({ row, column, rowSpan: c.rowSpan, colSpan: c.colSpan });
      column += c.colSpan;
    }
  });
  return spans;
}

const twips = (millimetres: number) => Math.round(mm(millimetres) * 20);

describe.each(examples)('$file as .docx', (example) => {
  const report = loadExample(example.file);
  const format = getFormat(report.format);

  describe.each(Object.keys(example.pages) as Lang[])('in %s', (lang) => {
    const files = renderReportDocx(report, { lang }).then(parts);

    it('has the title, every official label in order and every figure in its row', async () => {
      const document = (await files)['word/document.xml']!;
      const text = squash(textOf(document));
      const title = labelTexts(reportTitle(report), lang);
      expect(text.startsWith(squash(title.join('')))).toBe(true);
      const labels = officialLabels(format, report, 'rows').flatMap((l) => labelTexts(l, lang));
      expect(missingInOrder(text, labels)).toBeNull();
      const rows = dataRows(report, lang).map((row) => row.label + row.figures.join(''));
      expect(missingInOrder(text, rows)).toBeNull();
      const dates = { zh: '2022年1月20日', en: '20 January 2022' };
      const closing = (lang === 'zh-en' ? (['zh', 'en'] as const) : [lang]).map(
        (l) =>
          (l === 'zh' ? report.organisation.zh : report.organisation.en!) + (report.date ? dates[l] : ''),
      );
      expect(text.endsWith(squash(closing.join('')))).toBe(true);
    });

    it('merges the cells of tables 三 and 四 exactly as matrixLayout does', async () => {
      const all = tables((await files)['word/document.xml']!);
      const matrices = format.sections.flatMap((s) => (s.table?.type === 'matrix' ? [s.table] : []));
      expect(all).toHaveLength(3);
      // Tables 三 and 四 are the second and third tables of the body.
      matrices.forEach((table, i) => {
        const spans = wordSpans(all[i + 1]!);
        expect(spans).toEqual(layoutSpans(table));
        expect(spans.length).toBeGreaterThan(4);
      });
    });

    it("repeats table 三's header rows on each page and never splits a row", async () => {
      const [, t3, t4] = tables((await files)['word/document.xml']!);
      const flags = (table: string) =>
        [...table.matchAll(/<w:trPr>(.*?)<\/w:trPr>/gsu)].map((m) => /<w:tblHeader\/>/u.test(m[1]!));
      const headerRows = matrixLayout(format.sections[2]!.table as MatrixTable).headerRows;
      expect(flags(t3!).filter(Boolean)).toHaveLength(headerRows);
      expect(flags(t3!).slice(0, headerRows)).toEqual(Array(headerRows).fill(true));
      expect(flags(t4!).some(Boolean)).toBe(false);
      for (const table of tables((await files)['word/document.xml']!)) {
        const rows = table.match(/<w:tr>/gu)!.length;
        expect(table.match(/<w:cantSplit\/>/gu)).toHaveLength(rows);
      }
    });

    it('is A4 with the GB/T 9704 margins, page numbers 「— N —」 odd right and even left', async () => {
      const f = await files;
      const section = /<w:sectPr>.*<\/w:sectPr>/su.exec(f['word/document.xml']!)![0];
      expect(section).toContain(`<w:pgSz w:w="${twips(210)}" w:h="${twips(297)}"`);
      expect(section).toMatch(
        new RegExp(
          `<w:pgMar w:top="${twips(37)}" w:right="${twips(26)}" w:bottom="${twips(35)}" w:left="${twips(28)}"`,
          'u',
        ),
      );
      expect(section).toContain('<w:pgNumType w:start="1"/>');
      expect(f['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
      const footers = [f['word/footer1.xml']!, f['word/footer2.xml']!];
      for (const footer of footers) {
        expect(textOf(footer)).toBe('—  —');
        expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
        expect(footer).toContain('w:eastAsia="宋体"');
        expect(footer).toContain('<w:sz w:val="28"/>');
      }
      expect(footers.map((x) => /<w:jc w:val="(\w+)"/u.exec(x)![1]).sort()).toEqual(['left', 'right']);
    });

    it('names the official fonts as East Asian fonts, the body indented two characters', async () => {
      const { 'word/styles.xml': styles, 'word/document.xml': document } = await files;
      const style = (id: string) => new RegExp(`w:styleId="${id}">.*?</w:style>`, 'su').exec(styles!)![0];
      const defaults = /<w:docDefaults>.*<\/w:docDefaults>/su.exec(styles!)![0];
      expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
      expect(defaults).toContain('<w:sz w:val="32"/>');
      expect(defaults).toContain('w:firstLineChars="200"');
      expect(style('Title')).toContain('w:eastAsia="方正小标宋简体"');
      expect(style('Heading1')).toContain('w:eastAsia="黑体"');
      expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
      // Table text takes 宋体 from its paragraph style, which every paragraph of a table has.
      for (const id of ['TableDense', 'TableRoomy']) expect(style(id)).toContain('w:eastAsia="宋体"');
      for (const table of tables(document!)) {
        const paragraphs = table.match(/<w:p>/gu)!.length;
        expect(table.match(/<w:pStyle w:val="Table(Dense|Roomy)"\/>/gu)).toHaveLength(paragraphs);
        expect(table).not.toContain('w:eastAsia=');
      }
      // Word's outline: one Heading 1 per section.
      expect(document!.match(/<w:pStyle w:val="Heading1"\/>/gu)).toHaveLength(format.sections.length);
    });
  });

  it.each(example.refuses)('refuses %s like the PDF', async (lang) => {
    await expect(renderReportDocx(report, { lang })).rejects.toThrow(MissingEnglishError);
  });
});
