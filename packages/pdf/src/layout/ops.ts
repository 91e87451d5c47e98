/**
 * What a page holds once laid out: text runs at their baseline and straight lines, in reading
 * order, and the outline entries that start on it. Painted by one react-pdf canvas per page.
 */
import { border } from '../officialLayout.ts';
import { emBoxMiddle, type Face, fontOf, type TextStyle } from './faces.ts';

/**
 * Slack in points when comparing laid-out lengths (widths with room, heights with the page), so
 * that floating-point rounding does not push content that exactly fits onto the next line or page.
 */
export const SLACK = 0.01;

export interface TextOp {
  kind: 'text';
  face: Face;
  size: number;
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  /** Added after every character (justified Chinese). */
  characterSpacing?: number;
  /** Added to every space (justified English). */
  wordSpacing?: number;
}

interface LinesOp {
  kind: 'lines';
  /** x1, y1, x2, y2 of each segment. */
  segments: number[];
}

export type Op = TextOp | LinesOp;

export interface PageOps {
  ops: Op[];
  bookmarks: { title: string; y: number }[];
}

/** Where the baseline of a line of `style` sits below the line's top: the em box centred in the line. */
export function baselineOffset(style: TextStyle): number {
  return (style.size * style.lineHeight) / 2 + emBoxMiddle(style.face) * style.size;
}

/** pdfkit methods a react-pdf canvas painter exposes, as used here. */
export interface Painter {
  lineWidth(w: number): Painter;
  strokeColor(c: string): Painter;
  fillColor(c: string): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  stroke(): Painter;
  font(font: unknown, family: string, size: number): Painter;
  text(text: string, x: number, y: number, options: object): Painter;
}

export function paintOps(p: Painter, ops: Op[]): void {
  let face: Face | undefined;
  let size = 0;
  p.fillColor('#000').lineWidth(border.width).strokeColor(border.color);
  for (const op of ops) {
    if (op.kind === 'lines') {
      const s = op.segments;
      for (let i = 0; i < s.length; i += 4) p.moveTo(s[i]!, s[i + 1]!).lineTo(s[i + 2]!, s[i + 3]!);
      p.stroke();
      continue;
    }
    const font = fontOf(op.face);
    if (op.face !== face || op.size !== size) {
      // pdfkit keeps a document's embedded fonts by family name; a font object given without one
      // is embedded anew on every call and then compared with the embedded one through its name
      // tables. The face names the font object, which is the same for the whole process.
      p.font(font, op.face, op.size);
      face = op.face;
      size = op.size;
    }
    // pdfkit places text by the top of the font's ascent.
    const top = op.y - (font.ascent / font.unitsPerEm) * op.size;
    p.text(op.text, op.x, top, {
      lineBreak: false,
      characterSpacing: op.characterSpacing,
      wordSpacing: op.wordSpacing,
    });
  }
}
