/**
 * Two caches react-pdf's PDF back end lacks, installed once per process. Neither changes a byte
 * of what is drawn; both only skip work that gives the same result every time.
 *
 * - pdfkit's `font()`, handed a fontkit font object (as react-pdf does for every text run and a
 *   canvas for every figure), builds a new embedded font each call and then finds it equal to the
 *   one already in the document by JSON-serialising both fonts' name tables. Here a document
 *   remembers the embedded font of each font object it has been given.
 * - fontkit's TrueType subsetter decodes the full outline of every glyph it copies (to learn
 *   whether it is a composite) on every render. Here the raw glyph record, its components and
 *   metrics are kept per font and glyph, so later renders copy bytes only.
 *
 * If pdfkit cannot be found where react-pdf loads it from (a different layout of node_modules),
 * the first cache is simply not installed.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

type FontCall = (this: PdfDoc, src: unknown, family?: unknown, size?: number) => PdfDoc;

interface PdfDoc {
  font: FontCall;
  fontSize(size: number): PdfDoc;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
}

const embedded = Symbol('nianbao.embeddedFonts');

function cacheFontCalls(proto: { font: FontCall }): void {
  const original = proto.font;
  proto.font = function font(this: PdfDoc & { [embedded]?: Map<object, unknown> }, src, family, size) {
    const fontObject =
      src !== null && typeof src === 'object' && typeof (src as { layout?: unknown }).layout === 'function';
    if (!fontObject || (family != null && typeof family !== 'number'))
      return original.call(this, src, family, size);
    const fontSize = typeof family === 'number' ? family : size;
    const known = this[embedded]?.get(src as object);
    if (known === undefined) {
      original.call(this, src, fontSize);
      cacheFontFiles(Object.getPrototypeOf(this._font) as EmbeddedFontProto);
      this[embedded] ??= new Map();
      this[embedded].set(src as object, this._font);
      return this;
    }
    // What pdfkit's own font() ends with when it finds the font already embedded.
    this._fontSource = src;
    this._fontFamily = null;
    if (fontSize != null) this.fontSize(fontSize);
    this._font = known;
    return this;
  };
}

interface StreamRef {
  compress: boolean;
  data: { Length?: number; Filter?: string };
}

interface EmbeddedFontProto {
  embed(this: EmbeddedFont): void;
}

interface EmbeddedFont {
  font: object;
  document: { ref(data?: object): StreamRef };
  subset: { glyphs?: number[]; cff?: unknown; encode(): Uint8Array };
}

const fontFiles = new WeakMap<object, Map<string, Uint8Array>>();
const FONT_FILE_CACHE_LIMIT = 32;
const patchedEmbeds = new WeakSet<object>();

/**
 * pdfkit embeds a font by encoding its subset (fontkit copies every glyph used into a new font
 * file) and deflating it: about a quarter of a render, and the same bytes whenever the same glyphs
 * are used (a report downloaded again after an edit of its figures). The deflated font file is kept
 * per font and glyph list and written as pdfkit would have written it: the same /Length and
 * /FlateDecode, the same bytes.
 */
function cacheFontFiles(proto: EmbeddedFontProto): void {
  if (patchedEmbeds.has(proto) || typeof proto.embed !== 'function') return;
  patchedEmbeds.add(proto);
  const original = proto.embed;
  proto.embed = function embed(this: EmbeddedFont) {
    const { subset, document: doc } = this;
    if (!Array.isArray(subset?.glyphs) || subset.cff != null) return original.call(this);
    // The stand-ins below are removed afterwards: both methods must come from the prototypes.
    if (Object.hasOwn(doc, 'ref') || Object.hasOwn(subset, 'encode')) return original.call(this);
    let files = fontFiles.get(this.font);
    if (!files) {
      files = new Map();
      fontFiles.set(this.font, files);
    }
    const key = subset.glyphs.join(',');
    // The first object embed() makes is the font file stream; its data comes from subset.encode().
    const ref = doc.ref;
    let fontFile: StreamRef | undefined;
    doc.ref = function firstRef(this: unknown, ...args: [object?]) {
      const made = ref.apply(this, args);
      fontFile ??= made;
      return made;
    };
    const encode = subset.encode;
    subset.encode = function deflated(this: unknown) {
      delete (doc as Partial<typeof doc>).ref;
      let bytes = files.get(key);
      if (!bytes) {
        bytes = deflateSync(encode.call(this));
        if (files.size >= FONT_FILE_CACHE_LIMIT) files.delete(files.keys().next().value!);
        files.set(key, bytes);
      }
      if (fontFile?.compress) {
        // As pdfkit's write() and finalize() leave a compressed stream: Length, then Filter.
        fontFile.compress = false;
        fontFile.data.Length = 0;
        fontFile.data.Filter = 'FlateDecode';
        return bytes;
      }
      return encode.call(this);
    };
    try {
      return original.call(this);
    } finally {
      // Both are the prototypes' methods: dropping the stand-ins restores them.
      delete (doc as Partial<typeof doc>).ref;
      delete (subset as Partial<typeof subset>).encode;
    }
  };
}

let pdfkitPatched: Promise<boolean> | undefined;

/**
 * Installs the font() cache on the pdfkit react-pdf renders with (once per process). Resolves to
 * whether it could (a test makes sure it still can after an upgrade).
 */
export function patchPdfkit(): Promise<boolean> {
  pdfkitPatched ??= (async () => {
    try {
      const require = createRequire(import.meta.url);
      const fromRenderer = createRequire(require.resolve('@react-pdf/renderer'));
      // react-pdf imports pdfkit's ES module build; require.resolve names its CommonJS sibling.
      const esm = join(dirname(fromRenderer.resolve('pdfkit')), 'pdfkit.node.mjs');
      const pdfkit = (await import(pathToFileURL(esm).href)) as {
        default?: { prototype?: { font?: FontCall } };
      };
      const proto = pdfkit.default?.prototype;
      if (!proto || typeof proto.font !== 'function') return false;
      cacheFontCalls(proto as { font: FontCall });
      return true;
    } catch {
      // Not found: rendering works as before, only without the cache.
      return false;
    }
  })();
  return pdfkitPatched;
}

interface FontkitGlyph {
  advanceWidth: number;
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
  _getMetrics(): { leftBearing: number };
}

interface FontkitFont {
  createSubset(): object;
  getGlyph(gid: number): FontkitGlyph;
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
}

interface TtfSubset {
  font: FontkitFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

interface GlyphRecord {
  bytes: Uint8Array;
  components: { glyphID: number; pos: number }[] | undefined;
  advance: number;
  bearing: number;
}

const glyphRecords = new WeakMap<object, Map<number, GlyphRecord>>();
const patchedSubsets = new WeakSet<object>();

/** Installs the glyph cache on the subsetter class of this fontkit font (once per class). */
export function patchSubsetter(font: FontkitFont): void {
  const proto = Object.getPrototypeOf(font.createSubset()) as TtfSubset;
  if (patchedSubsets.has(proto) || typeof proto._addGlyph !== 'function') return;
  patchedSubsets.add(proto);
  const original = proto._addGlyph;
  proto._addGlyph = function addGlyph(this: TtfSubset, gid: number): number {
    const source = this.font;
    if (source._variationProcessor) return original.call(this, gid);
    let records = glyphRecords.get(source);
    if (!records) {
      records = new Map();
      glyphRecords.set(source, records);
    }
    let record = records.get(gid);
    if (!record) {
      // As fontkit's own _addGlyph reads it.
      const glyph = source.getGlyph(gid);
      const glyf = glyph._decode();
      const start = source.loca.offsets[gid]!;
      const end = source.loca.offsets[gid + 1]!;
      const stream = source._getTableStream('glyf');
      stream.pos += start;
      record = {
        bytes: Uint8Array.from(stream.readBuffer(end - start)),
        components: glyf && glyf.numberOfContours < 0 ? glyf.components : undefined,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      records.set(gid, record);
    }
    let bytes = record.bytes;
    if (record.components) {
      bytes = Uint8Array.from(bytes);
      const view = new DataView(bytes.buffer);
      for (const component of record.components)
        view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: record.advance, bearing: record.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

interface GlyphRun {
  glyphs: unknown[];
  positions: object[];
}

type Layout = (text: string, ...rest: unknown[]) => GlyphRun;

/** Strings up to this length are shaped once: labels, headings, figures, titles — not paragraphs. */
const SHAPE_CACHE_MAX_LENGTH = 160;
const SHAPE_CACHE_LIMIT = 5_000;
const shapedFonts = new WeakSet<object>();
const unpatched = new WeakMap<object, Layout>();

/** fontkit's own shaping of a font whose layout cacheShaping replaced (for tests). */
export function fontkitLayout(font: object): Layout | undefined {
  return unpatched.get(font)?.bind(font);
}

/** No features asked for beyond the font's defaults (pdfkit passes [] or nothing). */
const defaultFeatures = (features: unknown) =>
  features === undefined || (Array.isArray(features) && features.length === 0);

/** An argument that JSON states exactly: undefined, a string, or a list of strings. */
const plain = (value: unknown) =>
  value === undefined ||
  typeof value === 'string' ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/**
 * Chinese characters and full-width punctuation only. Noto Serif SC and Noto Sans SC substitute
 * and position none of them under the default features, so their run is the cmap's glyphs at
 * their advance widths — the same glyphs and positions as fontkit's shaping gives
 * (speedups.test.ts checks every such character of both example reports), for a fraction of the
 * work: a report's narrative, headings and labels are mostly such text.
 */
const SOLID_CJK = /^[\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E\u2018-\u201D\u2014\u2026]+$/u;

interface CmapGlyph {
  id: number;
  advanceWidth: number;
}

interface CmapFont {
  glyphForCodePoint(codePoint: number): CmapGlyph;
}

const cmapGlyphs = new WeakMap<object, Map<number, CmapGlyph>>();

function cjkRun(font: CmapFont, text: string): GlyphRun & { advanceWidth: number } {
  let glyphs = cmapGlyphs.get(font);
  if (!glyphs) {
    glyphs = new Map();
    cmapGlyphs.set(font, glyphs);
  }
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

/**
 * Remembers fontkit's shaping of short strings on this font object. The official labels and
 * headings are the same in every report of a format, and react-pdf shapes each of them on every
 * render. A hit returns a copy (pdfkit scales the positions of a run it is given in place).
 */
export function cacheShaping(font: { layout: Layout }): void {
  if (shapedFonts.has(font) || typeof font.layout !== 'function') return;
  shapedFonts.add(font);
  const layout = font.layout;
  unpatched.set(font, layout);
  const cache = new Map<string, GlyphRun>();
  font.layout = function cachedLayout(this: unknown, text: string, ...rest: unknown[]): GlyphRun {
    // The other arguments (features, script, language, direction) are part of the key; react-pdf
    // passes an empty feature list, undefined and 'ltr'. Anything else is shaped every time.
    if (typeof text !== 'string' || !rest.every(plain)) return layout.call(this, text, ...rest);
    if (defaultFeatures(rest[0]) && SOLID_CJK.test(text)) return cjkRun(font as unknown as CmapFont, text);
    if (text.length > SHAPE_CACHE_MAX_LENGTH) return layout.call(this, text, ...rest);
    const key = `${JSON.stringify(rest)}\u0001${text}`;
    let run = cache.get(key);
    if (!run) {
      if (cache.size >= SHAPE_CACHE_LIMIT) cache.clear();
      run = layout.call(this, text, ...rest);
      cache.set(key, run);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run)) as GlyphRun, run);
    copy.glyphs = run.glyphs.slice();
    copy.positions = run.positions.map((p) =>
      Object.assign(Object.create(Object.getPrototypeOf(p)) as object, p),
    );
    return copy;
  };
}
