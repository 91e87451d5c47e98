/**
 * The changes of patches/ (pdfkit keeps deflated font files, fontkit keeps glyph records) and the
 * shaping of layout/shapedFont.ts must not change a byte of a PDF: both examples' pages, painted
 * by paintOps, are written by the installed pdfkit and fontkit (patched, with every cache warm or
 * cold) and by copies of them as published, with fontkit's own shaping.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { ReportLang } from '@nianbao/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExample } from '../test/examples.ts';
import { patchedPdfkit, unpatchedPdfkit } from '../test/unpatched.ts';
import { preloadFonts } from './fonts.ts';
import { type Face, fontFileOf } from './layout/faces.ts';
import { type PageOps, type Painter, paintOps } from './layout/ops.ts';
import { layoutReport } from './layout/reportLayout.ts';
import { page } from './officialLayout.ts';
import { buildReportModel } from './reportModel.ts';

interface PdfDocument extends Painter {
  addPage(options: object): PdfDocument;
  save(): PdfDocument;
  translate(x: number, y: number): PdfDocument;
  restore(): PdfDocument;
  on(event: string, listener: (chunk?: Uint8Array) => void): void;
  end(): void;
}
type PdfDocumentClass = new (options: object) => PdfDocument;

const pagesOf = (file: string, lang: ReportLang) => layoutReport(buildReportModel(loadExample(file), lang));

/** The PDF as text, without the file identifier pdfkit makes from the time. */
async function write(PDFDocument: PdfDocumentClass, pages: PageOps[], font?: (face: string) => object) {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { CreationDate: new Date(0) } });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk) => chunks.push(chunk!));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  // paintOps hands pdfkit our font objects; the published pdfkit gets fonts of the published fontkit.
  const painter: Painter = font
    ? {
        lineWidth: (w) => doc.lineWidth(w),
        strokeColor: (c) => doc.strokeColor(c),
        fillColor: (c) => doc.fillColor(c),
        moveTo: (x, y) => doc.moveTo(x, y),
        lineTo: (x, y) => doc.lineTo(x, y),
        stroke: () => doc.stroke(),
        font(_, family, size) {
          doc.font(font(family), family, size);
          return painter;
        },
        text: (text, x, y, options) => doc.text(text, x, y, options),
      }
    : doc;
  for (const content of pages) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.save().translate(page.marginLeft, 0);
    paintOps(painter, content.ops);
    doc.restore();
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks)
    .toString('latin1')
    .replace(/\/ID \[<\w+> <\w+>\]/gu, '');
}

describe('the patched pdfkit and fontkit', () => {
  afterAll(() => rmSync(unpatchedPdfkit().dir, { recursive: true, force: true }));

  it('write both examples byte for byte as the published ones, with their caches cold and warm', async () => {
    await preloadFonts();
    const unpatched = unpatchedPdfkit();
    const Patched = ((await import(patchedPdfkit())) as { default: PdfDocumentClass }).default;
    const Published = ((await import(unpatched.pdfkit)) as { default: PdfDocumentClass }).default;
    expect(Published).not.toBe(Patched);
    const { create } = (await import(unpatched.fontkit)) as { create(bytes: Uint8Array): object };
    const faces: Face[] = ['serif', 'serifBold', 'sansBold'];
    const published = new Map(faces.map((face) => [face as string, create(readFileSync(fontFileOf(face)))]));
    const publishedFont = (face: string) => published.get(face)!;

    const demo = pagesOf('demo-county-2021.report.json', 'zh-en');
    const tiantan = pagesOf('tiantan-2019.report.json', 'zh');
    const cold = await write(Patched, demo);
    await write(Patched, tiantan); // other glyphs, other font files in between
    const warm = await write(Patched, demo);
    const reference = await write(Published, demo, publishedFont);
    expect(reference).toContain('/FontFile2');
    expect(reference.match(/\/FontFile2/gu)).toHaveLength(3);
    expect(cold === reference).toBe(true);
    expect(warm === reference).toBe(true);
    expect((await write(Patched, tiantan)) === (await write(Published, tiantan, publishedFont))).toBe(true);
  });
});
