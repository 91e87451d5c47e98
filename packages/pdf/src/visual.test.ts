/**
 * Visual regression: the pages of both examples as grey PNGs, compared with the committed
 * reference images in test/reference. A layout change that moves anything by more than
 * anti-aliasing fails; when the change is intended, look at the new pages and regenerate with
 * `UPDATE_SNAPSHOTS=1 pnpm --filter @nianbao/pdf test`. On failure the new page and a diff are
 * written to test-output/ for inspection.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportLang } from '@nianbao/schema';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { loadExample } from '../test/examples.ts';
import { pdfPngs } from '../test/poppler.ts';
import { renderReportPdf } from './renderReportPdf.ts';

const DPI = 50;
/** Share of a page's pixels that may differ (font hinting and anti-aliasing between poppler builds). */
const TOLERANCE = 0.002;

const referenceDir = fileURLToPath(new URL('../test/reference/', import.meta.url));
const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const update = process.env.UPDATE_SNAPSHOTS === '1';

const cases: { file: string; name: string; lang: ReportLang }[] = [
  { file: 'demo-county-2021.report.json', name: 'demo-county-2021-zh', lang: 'zh' },
  { file: 'demo-county-2021.report.json', name: 'demo-county-2021-zh-en', lang: 'zh-en' },
  { file: 'tiantan-2019.report.json', name: 'tiantan-2019-zh', lang: 'zh' },
];

describe.each(cases)('$name', ({ file, name, lang }) => {
  it('looks like the reference pages', async () => {
    const pages = pdfPngs(await renderReportPdf(loadExample(file), { lang }), DPI);
    const failures: string[] = [];
    pages.forEach((png, i) => {
      const reference = `${referenceDir}${name}-${i + 1}.png`;
      if (update || !existsSync(reference)) {
        mkdirSync(referenceDir, { recursive: true });
        writeFileSync(reference, png);
        return;
      }
      const actual = PNG.sync.read(png);
      const expected = PNG.sync.read(readFileSync(reference));
      if (actual.width !== expected.width || actual.height !== expected.height) {
        failures.push(
          `page ${i + 1}: size ${actual.width}×${actual.height}, reference ${expected.width}×${expected.height}`,
        );
        return;
      }
      const diff = new PNG({ width: actual.width, height: actual.height });
      const changed = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, {
        threshold: 0.1,
      });
      const share = changed / (actual.width * actual.height);
      if (share > TOLERANCE) {
        mkdirSync(outputDir, { recursive: true });
        writeFileSync(`${outputDir}${name}-${i + 1}.png`, png);
        writeFileSync(`${outputDir}${name}-${i + 1}.diff.png`, PNG.sync.write(diff));
        failures.push(`page ${i + 1}: ${(share * 100).toFixed(2)}% of pixels differ`);
      }
    });
    const references = existsSync(referenceDir) ? pages.length : 0;
    expect(failures).toEqual([]);
    expect(existsSync(`${referenceDir}${name}-${references + 1}.png`)).toBe(false);
  });
});
