/**
 * The section links of the editor's sticky bar move within the report: by mouse and by keyboard
 * they scroll the section under the bars and put the focus on its heading, and the app stays on
 * the report (its route is the URL's hash, which a plain `#nb-section-…` link would replace).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { consoleErrors, launch, login, newPage } from './browser.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let reportHash = '';

beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  await page.getByRole('link', { name: /2021/ }).first().click();
  await page.locator('.nb-toc').waitFor();
  reportHash = new URL(page.url()).hash;
  expect(reportHash).toMatch(/^#\/reports\/\d+$/);
});
afterAll(async () => {
  await browser?.close();
});

/** The heading with the focus, and whether it is in view below the sticky bars. */
async function focusedHeading() {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const bars = document.querySelector('.nb-toc')!.getBoundingClientRect().bottom;
    const box = el.getBoundingClientRect();
    return { text: el.textContent, tag: el.tagName, visible: box.top >= bars && box.bottom <= innerHeight };
  });
}

it('a click on 三 scrolls to table 三 and focuses its heading, staying in the editor', async () => {
  const link = page.locator('.nb-toc-link').nth(2);
  await link.click();
  await expect
    .poll(focusedHeading)
    .toMatchObject({ tag: 'H2', text: expect.stringMatching(/^三、/), visible: true });
  expect(new URL(page.url()).hash).toBe(reportHash);
  await page.screenshot({ path: join(OUTPUT, 'section-link-click.png') });
});

it('Enter on a focused section link does the same from the keyboard', async () => {
  await page.locator('.nb-toc-link').nth(4).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(focusedHeading)
    .toMatchObject({ tag: 'H2', text: expect.stringMatching(/^五、/), visible: true });
  expect(new URL(page.url()).hash).toBe(reportHash);
  await expect.poll(() => page.locator('.nb-section').count()).toBeGreaterThan(0);
  expect(consoleErrors).toEqual([]);
});
