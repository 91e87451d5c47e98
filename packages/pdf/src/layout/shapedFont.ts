/**
 * Our face of a fontkit font: the font itself for everything (tables, glyphs, subsetting), with a
 * faster `layout()`. The layout measures text with it and pdfkit draws with it, so both see the
 * same shaping. The library's font object is left as it is: the wrapper is a new object whose
 * prototype is the font.
 *
 * - Runs of Chinese characters and full-width punctuation are set from the cmap at their advance
 *   widths, without fontkit's shaping engine. Noto Serif SC and Noto Sans SC substitute and
 *   position none of them under the default features, so this gives fontkit's glyphs and
 *   positions (shapedFont.test.ts checks every character of GB 2312 in all three faces) for a
 *   fraction of the work: most of a report is such text.
 * - Other strings up to SHAPE_CACHE_MAX_LENGTH characters are shaped by fontkit once and handed
 *   out as copies: the official labels and headings are the same in every report of a format.
 */

export interface GlyphRun {
  glyphs: unknown[];
  positions: object[];
  advanceWidth: number;
}

interface ShapingFont {
  layout(text: string, ...rest: unknown[]): GlyphRun;
}

interface CmapGlyph {
  id: number;
  advanceWidth: number;
}

interface CmapFont extends ShapingFont {
  glyphForCodePoint(codePoint: number): CmapGlyph;
}

/** Strings up to this length are shaped once: labels, headings, figures, titles — not paragraphs. */
const SHAPE_CACHE_MAX_LENGTH = 160;
const SHAPE_CACHE_LIMIT = 5_000;

/**
 * Chinese characters and full-width punctuation only (see above). Not the dash and the ellipsis:
 * the fonts join 「——」 into one long dash and set 「…」 narrower beside full-width letters.
 */
const SOLID_CJK = /^[\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E\u2018-\u201D]+$/u;

/** Whether `text` is set from the cmap (for tests). */
export const setFromCmap = (text: string) => SOLID_CJK.test(text);

/** No features asked for beyond the font's defaults (pdfkit passes [] or nothing). */
const defaultFeatures = (features: unknown) =>
  features === undefined || (Array.isArray(features) && features.length === 0);

/** An argument that JSON states exactly: undefined, a string, or a list of strings. */
const plain = (value: unknown) =>
  value === undefined ||
  typeof value === 'string' ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/** A copy of a cached run: pdfkit scales the positions of a run it is given in place. */
function copyRun(run: GlyphRun): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run)) as GlyphRun, run);
  copy.glyphs = run.glyphs.slice();
  copy.positions = run.positions.map((p) =>
    Object.assign(Object.create(Object.getPrototypeOf(p)) as object, p),
  );
  return copy;
}

function cmapRun(font: CmapFont, glyphs: Map<number, CmapGlyph>, text: string): GlyphRun {
  const run = { glyphs: [] as CmapGlyph[], positions: [] as object[], advanceWidth: 0 };
  for (const ch of text) {
    const codePoint = ch.codePointAt(0)!;
    let glyph = glyphs.get(codePoint);
    if (!glyph) {
      glyph = font.glyphForCodePoint(codePoint);
      glyphs.set(codePoint, glyph);
    }
    run.glyphs.push(glyph);
    // A fresh position per glyph: pdfkit scales them in place.
    run.positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    run.advanceWidth += glyph.advanceWidth;
  }
  return run;
}

const wrappers = new WeakMap<object, object>();

/** The wrapper of `font` (one per font, so that pdfkit and the caches see one object). */
export function shapedFont<F extends CmapFont>(font: F): F {
  const known = wrappers.get(font);
  if (known) return known as F;
  const shaped = new Map<string, GlyphRun>();
  const cmapGlyphs = new Map<number, CmapGlyph>();
  function layout(text: string, ...rest: unknown[]): GlyphRun {
    // The other arguments (features, script, language, direction) are part of the key; pdfkit
    // passes an empty feature list or none. Anything else is shaped every time.
    if (typeof text !== 'string' || !rest.every(plain)) return font.layout(text, ...rest);
    if (defaultFeatures(rest[0]) && setFromCmap(text)) return cmapRun(font, cmapGlyphs, text);
    if (text.length > SHAPE_CACHE_MAX_LENGTH) return font.layout(text, ...rest);
    const key = `${JSON.stringify(rest)}\u0001${text}`;
    let run = shaped.get(key);
    if (!run) {
      if (shaped.size >= SHAPE_CACHE_LIMIT) shaped.clear();
      run = font.layout(text, ...rest);
      shaped.set(key, run);
    }
    return copyRun(run);
  }
  const wrapper = Object.create(font, { layout: { value: layout } }) as F;
  wrappers.set(font, wrapper);
  return wrapper;
}
