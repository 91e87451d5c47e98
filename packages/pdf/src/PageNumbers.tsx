/** @jsxRuntime automatic @jsxImportSource react */
/**
 * Page numbers 「— N —」 (GB/T 9704 7.5): 4号 (14 pt), 7 mm below the text block, odd pages
 * right-aligned and even pages left-aligned, one character in from the edge.
 *
 * They are painted rather than laid out: a Text with a `render` callback makes react-pdf paginate
 * the whole document twice (to know the total page count), which doubled the rendering time. A
 * fixed canvas is painted once on every page, in page order, so it can count the pages itself.
 */
import { Canvas, Font } from '@react-pdf/renderer';
import { SERIF } from './fonts.ts';
import { page, type } from './officialLayout.ts';

interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  layout(text: string): { advanceWidth: number };
}

interface Painter {
  font(font: unknown, size: number): Painter;
  fillColor(color: string): Painter;
  text(text: string, x: number, y: number, options: object): Painter;
}

export function pageNumberText(n: number): string {
  return `— ${n} —`;
}

/** A fresh counter per document: the canvas is painted once per page, first page first. */
export function PageNumbers() {
  let painted = 0;
  const size = type.pageNumber.fontSize;
  const style = { position: 'absolute', top: 0, left: 0, width: page.width, height: page.height } as const;
  return (
    <Canvas
      fixed
      style={style}
      paint={(painter) => {
        painted += 1;
        const p = painter as Painter;
        const font = Font.getFont({ fontFamily: SERIF, fontWeight: 400 }).data as unknown as FontkitFont;
        const text = pageNumberText(painted);
        const width = (font.layout(text).advanceWidth / font.unitsPerEm) * size;
        const x = painted % 2 === 1 ? page.width - page.marginRight - size - width : page.marginLeft + size;
        // The dash line (the middle of the digits) 7 mm below the text block.
        const middle = page.height - page.marginBottom + page.pageNumberGap;
        const y = middle - (font.ascent / font.unitsPerEm) * size + size * 0.35;
        p.font(font, size).fillColor('#000').text(text, x, y, { lineBreak: false });
        return null;
      }}
    />
  );
}
