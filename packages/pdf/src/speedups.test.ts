import { describe, expect, it } from 'vitest';
import { cacheShaping, patchPdfkit } from './speedups.ts';

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
    const first = font.layout('信息公开', [], undefined, undefined, 'ltr') as unknown as Run;
    first.positions[0]!.xAdvance = 999; // pdfkit scales positions in place
    first.glyphs.push(7);
    const second = font.layout('信息公开', [], undefined, undefined, 'ltr') as unknown as Run;
    expect(calls).toBe(1);
    expect(second.advanceWidth).toBe(40);
    expect(second.glyphs).toEqual([0, 1, 2, 3]);
    // Other arguments are part of the key; feature objects and long text are not cached.
    font.layout('信息公开');
    font.layout('信息公开', { liga: true });
    font.layout('信息公开', { liga: true });
    font.layout('长'.repeat(200));
    font.layout('长'.repeat(200));
    expect(calls).toBe(6);
  });
});
