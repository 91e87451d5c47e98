/**
 * The three faces the report is set in, as fontkit font objects loaded by react-pdf wrapped by
 * shapedFont(), and text widths measured with them. pdfkit draws with the same objects, so a line
 * measured here is exactly as wide on the page.
 */
import { Font } from '@react-pdf/renderer';
import { SANS, SERIF } from '../fonts.ts';
import { type GlyphRun, shapedFont } from './shapedFont.ts';

export interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  layout(text: string, ...rest: unknown[]): GlyphRun;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  'OS/2': { typoAscender: number; typoDescender: number };
}

export type Face = 'serif' | 'serifBold' | 'sansBold';

const FACES: Record<Face, { fontFamily: string; fontWeight: 400 | 700 }> = {
  serif: { fontFamily: SERIF, fontWeight: 400 },
  serifBold: { fontFamily: SERIF, fontWeight: 700 },
  sansBold: { fontFamily: SANS, fontWeight: 700 },
};

/** fontkit's font object of a face, as react-pdf loaded it (preloadFonts must have run). */
export function fontkitFontOf(face: Face): FontkitFont {
  const data = Font.getFont(FACES[face]).data as unknown as FontkitFont | null;
  if (!data) throw new Error(`Font ${FACES[face].fontFamily} ${FACES[face].fontWeight} is not loaded`);
  return data;
}

/** The TTF file of a face, as registered. */
export function fontFileOf(face: Face): string {
  return Font.getFont(FACES[face]).src as string;
}

/** The font a face is measured and drawn with. */
export function fontOf(face: Face): FontkitFont {
  return shapedFont(fontkitFontOf(face));
}

/** A run's font: face, size in points, line height as a multiple of the size. */
export interface TextStyle {
  face: Face;
  size: number;
  lineHeight: number;
}

const widths = new WeakMap<FontkitFont, Map<string, number>>();
const WIDTH_CACHE_LIMIT = 50_000;

/**
 * How far above the baseline the middle of the face's em box lies, in em: from the OS/2 typo
 * ascender and descender, which the Noto SC faces set to the ideographic em box (880 and −120 of
 * 1000). Chinese text is centred in a line or a cell by its em box, as a typesetter would.
 */
export function emBoxMiddle(face: Face): number {
  const font = fontkitFontOf(face);
  const { typoAscender, typoDescender } = font['OS/2'];
  return (typoAscender + typoDescender) / 2 / font.unitsPerEm;
}

/** Width of `text` in em. Cached per font: labels, figures and single characters repeat. */
function emWidth(font: FontkitFont, text: string): number {
  let cache = widths.get(font);
  if (!cache) {
    cache = new Map();
    widths.set(font, cache);
  }
  let em = cache.get(text);
  if (em === undefined) {
    if (cache.size >= WIDTH_CACHE_LIMIT) cache.clear();
    em = font.layout(text).advanceWidth / font.unitsPerEm;
    cache.set(text, em);
  }
  return em;
}

/** Width of `text` in points in `style`. */
export function textWidth(style: TextStyle, text: string): number {
  return emWidth(fontOf(style.face), text) * style.size;
}
