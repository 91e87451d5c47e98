/** @jsxRuntime automatic @jsxImportSource react */
/**
 * Table lines and figures painted straight onto the page. react-pdf draws each border side as a
 * clipped path of Bézier segments, and lays out every Text node through its full text engine; a
 * table 三 has some 200 cells, which made borders and figures most of the rendering time and of
 * the content stream. A canvas per row draws the row's lines as plain strokes and its figures
 * (single-line numbers) with one font selection.
 */
import { Canvas, Font } from '@react-pdf/renderer';
import { SERIF } from './fonts.ts';
import { border } from './officialLayout.ts';

/** Fills its parent: a canvas sized by the row or cell it decorates. */
const fill = { position: 'absolute', top: 0, left: 0, right: 0, bottom: 0 } as const;

export interface Figure {
  /** Left edge and width of the cell, from the row's left. */
  x: number;
  width: number;
  text: string;
}

export interface RowPaint {
  /** x of each vertical line. */
  verticals: number[];
  /** The bottom line, from x0 to x1; absent when none. */
  bottom?: [number, number];
  top?: [number, number];
  figures?: Figure[];
  fontSize?: number;
}

interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  layout(text: string): { advanceWidth: number };
}

/** The body font's fontkit object, loaded by react-pdf before anything is painted. */
function bodyFont(): FontkitFont {
  return Font.getFont({ fontFamily: SERIF, fontWeight: 400 }).data as unknown as FontkitFont;
}

const advanceCache = new WeakMap<FontkitFont, Map<string, number>>();

/** Width of a string in em, from the font's shaping (cached: figures repeat, 0 most of all). */
function advance(font: FontkitFont, text: string): number {
  let cache = advanceCache.get(font);
  if (!cache) {
    cache = new Map();
    advanceCache.set(font, cache);
  }
  let em = cache.get(text);
  if (em === undefined) {
    em = font.layout(text).advanceWidth / font.unitsPerEm;
    cache.set(text, em);
  }
  return em;
}

/** Painter calls used here (pdfkit methods exposed by react-pdf's Canvas). */
interface Painter {
  lineWidth(w: number): Painter;
  strokeColor(c: string): Painter;
  fillColor(c: string): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  stroke(): Painter;
  font(font: unknown, size: number): Painter;
  text(text: string, x: number, y: number, options: object): Painter;
}

export function paintRow(p: Painter, height: number, paint: RowPaint): void {
  p.lineWidth(border.width).strokeColor(border.color);
  for (const x of paint.verticals) p.moveTo(x, 0).lineTo(x, height);
  if (paint.bottom) p.moveTo(paint.bottom[0], height).lineTo(paint.bottom[1], height);
  if (paint.top) p.moveTo(paint.top[0], 0).lineTo(paint.top[1], 0);
  p.stroke();
  if (!paint.figures?.length) return;
  const font = bodyFont();
  const size = paint.fontSize ?? 10;
  const ascent = font.ascent / font.unitsPerEm;
  const descent = font.descent / font.unitsPerEm;
  // Centre the glyph box (ascent to descent) in the row, as react-pdf centres a one-line label.
  const top = height / 2 - ((ascent - descent) * size) / 2;
  p.font(font, size).fillColor('#000');
  for (const figure of paint.figures) {
    const width = advance(font, figure.text) * size;
    p.text(figure.text, figure.x + (figure.width - width) / 2, top, { lineBreak: false });
  }
}

export function RowCanvas(props: RowPaint) {
  return (
    <Canvas
      style={fill}
      paint={(painter, _width, height) => {
        paintRow(painter as Painter, height, props);
        return null;
      }}
    />
  );
}

/** The lines of one cell: right and bottom always, left and top on the table's edges. */
export function CellLines({ left, top }: { left?: boolean; top?: boolean }) {
  return (
    <Canvas
      style={fill}
      paint={(painter, width, height) => {
        const verticals = left ? [0, width] : [width];
        paintRow(painter as Painter, height, {
          verticals,
          bottom: [0, width],
          top: top ? [0, width] : undefined,
        });
        return null;
      }}
    />
  );
}
