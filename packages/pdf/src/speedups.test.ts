import { readFileSync } from 'node:fs';
import { Font } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { loadExample } from '../test/examples.ts';
import { preloadFonts, SANS, SERIF } from './fonts.ts';
import { renderReportPdf } from './renderReportPdf.ts';
import { cacheShaping, fontkitLayout, patchPdfkit } from './speedups.ts';

describe('speedups', () => {
  it('finds the pdfkit react-pdf renders with', async () => {
    expect(await patchPdfkit()).toBe(true);
  });

  it('shapes a short string once and hands out independent copies', () => {
    let calls = 0;
    class Run {
      constructor(
        public glyphs: number[],
        public positions: { xAdvance: number }[],
      ) {}
      get advanceWidth() {
        return this.positions.reduce((sum, p) => sum + p.xAdvance, 0);
      }
    }
    const font = {
      layout: (text: string, ..._rest: unknown[]) => {
        calls += 1;
        return new Run(
          [...text].map((_, i) => i),
          [...text].map(() => ({ xAdvance: 10 })),
        );
      },
    };
    cacheShaping(font);
    const first = font.layout('Disclosure', [], undefined, undefined, 'ltr') as unknown as Run;
    first.positions[0]!.xAdvance = 999; // pdfkit scales positions in place
    first.glyphs.push(7);
    const second = font.layout('Disclosure', [], undefined, undefined, 'ltr') as unknown as Run;
    expect(calls).toBe(1);
    expect(second.advanceWidth).toBe(100);
    expect(second.glyphs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Other arguments are part of the key; feature objects and long text are not cached.
    font.layout('Disclosure');
    font.layout('Disclosure', { liga: true });
    font.layout('Disclosure', { liga: true });
    font.layout('long '.repeat(40));
    font.layout('long '.repeat(40));
    expect(calls).toBe(6);
  });

  it('sets Chinese text with the glyphs and advances of fontkit shaping, in every face', async () => {
    await preloadFonts();
    const text = ['demo-county-2021', 'tiantan-2019']
      .map((name) => readFileSync(new URL(`../../../examples/${name}.report.json`, import.meta.url), 'utf8'))
      .join('');
    const solid = /[\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E\u2018-\u201D\u2014\u2026]+/gu;
    const runs = [...new Set(text.match(solid))];
    const chars = [...new Set(runs.join(''))];
    expect(chars.length).toBeGreaterThan(300);
    type Run = {
      glyphs: { id: number }[];
      positions: { xAdvance: number; xOffset: number; yOffset: number }[];
    };
    const faces = [
      { fontFamily: SERIF, fontWeight: 400 },
      { fontFamily: SERIF, fontWeight: 700 },
      { fontFamily: SANS, fontWeight: 700 },
    ] as const;
    for (const face of faces) {
      const font = Font.getFont(face).data as unknown as { layout(text: string): Run };
      const shape = fontkitLayout(font)!;
      for (const s of [...chars, ...runs]) {
        const fast = font.layout(s);
        const slow = shape(s) as unknown as Run;
        const view = (r: Run) =>
          r.glyphs.map((g, i) => [
            g.id,
            r.positions[i]!.xAdvance,
            r.positions[i]!.xOffset,
            r.positions[i]!.yOffset,
          ]);
        expect(view(fast), `${face.fontFamily} ${face.fontWeight} ${s}`).toEqual(view(slow));
      }
    }
  });

  it('writes a kept font file exactly as pdfkit writes a new one', async () => {
    const demo = loadExample('demo-county-2021.report.json');
    const other = loadExample('tiantan-2019.report.json');
    // Only the creation date and the file identifier made from it may differ between two renderings.
    const text = (pdf: Uint8Array) =>
      Buffer.from(pdf)
        .toString('latin1')
        .replace(/\(D:\d+Z\)/gu, '')
        .replace(/\/ID \[<\w+> <\w+>\]/gu, '');
    const first = text(await renderReportPdf(demo, { lang: 'zh-en' }));
    await renderReportPdf(other, { lang: 'zh' }); // other glyphs, other font files in between
    const again = text(await renderReportPdf(demo, { lang: 'zh-en' }));
    expect(again === first).toBe(true);
    expect(first).toContain('/FontFile2');
  });
});
