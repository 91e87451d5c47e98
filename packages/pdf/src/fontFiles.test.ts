/**
 * A consumer's own font files (setFontFiles) replace the default fonts. In a file of its own: the
 * fonts of a process are registered once, and vitest gives each test file a fresh module graph.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadExample } from '../test/examples.ts';
import { pdfFonts, pdfPages } from '../test/poppler.ts';
import { renderReportPdf, setFontFiles } from './index.ts';

const sansBold = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
);

describe('setFontFiles', () => {
  it('renders every face with the files given', async () => {
    setFontFiles({ serifRegular: sansBold, serifBold: sansBold, sansBold });
    const pdf = await renderReportPdf(loadExample('demo-county-2021.report.json'), { lang: 'zh' });
    const names = new Set(pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
    expect([...names]).toEqual(['NotoSansSC-Bold']);
    expect(pdfPages(pdf)[0]).toContain('政府信息公开工作年度报告');
  });

  it('cannot change the fonts once they are registered', () => {
    expect(() => setFontFiles({ serifRegular: sansBold, serifBold: sansBold, sansBold })).toThrow(
      /before the first render/,
    );
  });
});
