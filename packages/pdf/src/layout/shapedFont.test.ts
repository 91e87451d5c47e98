import { describe, expect, it } from 'vitest';
import { preloadFonts } from '../fonts.ts';
import { type Face, type FontkitFont, fontkitFontOf, fontOf } from './faces.ts';
import { type GlyphRun, setFromCmap, shapedFont } from './shapedFont.ts';

/** Every character of GB 2312 (rows 0xA1–0xF7), decoded as GBK, its superset: 7,478 characters. */
function gb2312(): string[] {
  const decoder = new TextDecoder('gbk');
  const chars: string[] = [];
  for (let row = 0xa1; row <= 0xf7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(Uint8Array.of(row, cell));
      // Unassigned positions decode to U+FFFD or GBK's private-use stand-ins.
      if (ch !== '\uFFFD' && !/[\uE000-\uF8FF]/u.test(ch)) chars.push(ch);
    }
  return chars;
}

type Run = {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
};

const view = (run: GlyphRun) => {
  const r = run as unknown as Run;
  return {
    advanceWidth: r.advanceWidth,
    glyphs: r.glyphs.map((g, i) => {
      const p = r.positions[i]!;
      return [g.id, p.xAdvance, p.yAdvance, p.xOffset, p.yOffset];
    }),
  };
};

/** The characters in a fixed shuffled order, so that each meets other neighbours than in code order. */
function shuffled(chars: string[]): string[] {
  const out = [...chars];
  let seed = 2312;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const chunks = (chars: string[], size: number) =>
  Array.from({ length: Math.ceil(chars.length / size) }, (_, i) =>
    chars.slice(i * size, (i + 1) * size).join(''),
  );

describe('shapedFont', () => {
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
      layout: (text: string, ..._rest: unknown[]): GlyphRun => {
        calls += 1;
        return new Run(
          [...text].map((_, i) => i),
          [...text].map(() => ({ xAdvance: 10 })),
        );
      },
      glyphForCodePoint: (codePoint: number) => ({ id: codePoint, advanceWidth: 1000 }),
    };
    const shaped = shapedFont(font);
    expect(shapedFont(font)).toBe(shaped);
    const first = shaped.layout('Disclosure', [], undefined, undefined, 'ltr') as unknown as Run;
    first.positions[0]!.xAdvance = 999; // pdfkit scales positions in place
    first.glyphs.push(7);
    const second = shaped.layout('Disclosure', [], undefined, undefined, 'ltr') as unknown as Run;
    expect(calls).toBe(1);
    expect(second.advanceWidth).toBe(100);
    expect(second.glyphs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Other arguments are part of the key; feature objects and long text are not cached.
    shaped.layout('Disclosure');
    shaped.layout('Disclosure', { liga: true });
    shaped.layout('Disclosure', { liga: true });
    shaped.layout('long '.repeat(40));
    shaped.layout('long '.repeat(40));
    expect(calls).toBe(6);
    // Chinese text comes from the cmap; the font object itself is left as it was.
    expect(shaped.layout('年报').advanceWidth).toBe(2000);
    expect(calls).toBe(6);
    expect(Object.keys(font)).toEqual(['layout', 'glyphForCodePoint']);
  });

  const faces: Face[] = ['serif', 'serifBold', 'sansBold'];
  it.each(faces)(
    'sets every character of GB 2312 as fontkit shapes it, alone and in runs, in %s',
    async (face) => {
      await preloadFonts();
      const font: FontkitFont = fontkitFontOf(face);
      const shaped = fontOf(face);
      expect(shaped).not.toBe(font);
      const chars = gb2312();
      expect(chars.length).toBeGreaterThan(7445);
      const solid = chars.filter(setFromCmap);
      expect(solid.length).toBeGreaterThan(6763);
      // Contextual features (kerning, half-width punctuation) would act between punctuation marks.
      const marks = solid.filter((ch) => !/\p{Script=Han}/u.test(ch));
      const pairs = marks.flatMap((a) => marks.map((b) => a + b));
      const runs = [...chunks(solid, 40), ...chunks(shuffled(solid), 40), ...chunks(chars, 40), ...pairs];
      const mismatches: string[] = [];
      for (const text of [...chars, ...runs]) {
        const fast = view(shaped.layout(text));
        const slow = view(font.layout(text));
        if (JSON.stringify(fast) !== JSON.stringify(slow)) mismatches.push(text);
      }
      expect(mismatches).toEqual([]);
    },
  );
});
