/**
 * Asking for the English PDF of a report whose narrative is partly Chinese-only: the PDF panel
 * names those passages by their headings in the UI's language (no internal ids), offers to open
 * each, and says before any download that the English PDF needs them and that the bilingual one
 * will print them in Chinese only.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Body, countyReport, newBody } from './bodies.ts';
import { launch, login } from './browser.ts';
import { OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const YEAR = 2022;
let browser: Browser;
let body: Body;

beforeAll(async () => {
  const data = JSON.parse(countyReport(YEAR)) as { narrative: Record<string, { zh: string; en?: string }> };
  for (const id of ['s1.oversight', 's5.body']) delete data.narrative[id]!.en;
  body = await newBody(dataDir, 'english', [{ year: YEAR, status: 'draft', data: JSON.stringify(data) }]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openPanel(size: { width: number; height: number; scale: number }, lang: 'zh' | 'en') {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.scale,
    baseURL: baseUrl,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await login(page, body.filler);
  if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page
    .getByRole('link', { name: new RegExp(String(YEAR)) })
    .first()
    .click();
  await page.locator('[data-drawer="pdf"]').click();
  return page;
}

const note = (page: Page) => page.locator('.pdf-panel [role="note"]');

for (const size of [
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  { name: '1366x768-125', width: 1093, height: 614, scale: 1.25 },
]) {
  it(`at ${size.name} in Chinese: the passages by heading, before any download`, async () => {
    const page = await openPanel(size, 'zh');
    await note(page).waitFor();
    const text = (await note(page).textContent()) ?? '';
    expect(text).toContain('以下 2 段文字只有中文，没有英文');
    expect(text).toContain('一、总体情况 / （五）监督保障');
    expect(text).toContain('五、存在的主要问题及改进情况');
    expect(text).toContain('中英对照 PDF 中，这些段落将只有中文');
    // No internal ids and no English sentences inside the Chinese UI.
    expect(text).not.toMatch(/s\d\.|[A-Za-z]{4,}/);
    await page.screenshot({ path: join(OUTPUT, `english-missing-${size.name}.png`) });
    await page.locator('[data-pdf="en"]').click();
    await expect
      .poll(() => page.locator('.pdf-panel .form-error').textContent())
      .toContain('英文 PDF 需要这些段落的英文');
    await page.context().close();
  });
}

it('offers to open a passage: the drawer closes and the cursor is in its English text', async () => {
  const page = await openPanel({ width: 1366, height: 768, scale: 1 }, 'zh');
  await note(page).getByRole('button', { name: '填写英文' }).nth(1).click();
  await page.locator('aside.drawer').waitFor({ state: 'detached' });
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('nb-text-s5.body-en');
  await page.context().close();
});

it('in English: the same passages by their English headings', async () => {
  const page = await openPanel({ width: 1366, height: 768, scale: 1 }, 'en');
  await note(page).waitFor();
  const text = (await note(page).textContent()) ?? '';
  expect(text).toContain('2 passages have Chinese text but no English');
  expect(text).toContain('(5) Oversight and safeguards');
  expect(text).not.toMatch(/s\d\./);
  await page.context().close();
});
