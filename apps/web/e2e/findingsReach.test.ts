/**
 * The findings stay within reach at every common screen size: at the last table, the
 * error count is on screen and opens the list (or the list is beside the tables), and a finding
 * there still leads to its cell — at 1280×720, 1366×768 at 100 % and 125 % (a 1093×614 page at a
 * device scale of 1.25) and 1920×1080.
 */
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Body, newBody } from './bodies.ts';
import { cell, consoleErrors, launch, login } from './browser.ts';
import { OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const YEAR = 2022;
let browser: Browser;
let body: Body;

beforeAll(async () => {
  body = await newBody(dataDir, 'reach', [{ year: YEAR, status: 'draft' }]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function inView(page: Page, target: Locator): Promise<boolean> {
  if (!(await target.isVisible())) return false;
  const box = await target.boundingBox();
  const { width, height } = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + Math.min(box.height, 20) <= height && box.x + box.width <= width;
}

const SIZES = [
  { name: '1280x720', width: 1280, height: 720, scale: 1 },
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  { name: '1366x768-125', width: 1093, height: 614, scale: 1.25 },
  { name: '1920x1080', width: 1920, height: 1080, scale: 1 },
];

for (const size of SIZES) {
  it(`at ${size.name} the findings are reachable from the last table`, async () => {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: size.scale,
      baseURL: baseUrl,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await login(page, body.filler);
    await page
      .getByRole('link', { name: new RegExp(String(YEAR)) })
      .first()
      .click();
    // One figure that breaks the balance of table 三.
    const input = cell(page, 't3.new_received.natural_person');
    await input.fill('9999');
    // Table 四, the last and widest table, through its section link.
    await page.locator('.nb-toc-link').nth(3).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^四、/);

    const finding = page.locator('.nb-finding-error').first();
    if (!(await inView(page, finding))) {
      const opener = page.getByRole('button', { name: /错误\s*\d+/ });
      expect(await inView(page, opener)).toBe(true);
      expect(await opener.getAttribute('aria-expanded')).toBe('false');
      await opener.click();
      expect(await opener.getAttribute('aria-expanded')).toBe('true');
    }
    await expect.poll(() => inView(page, finding)).toBe(true);
    await page.screenshot({ path: join(OUTPUT, `findings-reach-${size.name}.png`) });
    await finding.locator('.nb-finding-go').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? ''))
      .toMatch(/^t3\./);
    await context.close();
  });
}
